package media

import "testing"

// TestSVGActiveEntities: markup hidden in an entity of the document type is
// what a browser puts in where the entity is used, so it is refused; so is
// an entity read from elsewhere and XML the check cannot read to its end.
// A document type naming the SVG DTD, old Illustrator's namespace entities
// and a declared Latin-1 charset pass.
func TestSVGActiveEntities(t *testing.T) {
	cases := []struct{ src, want string }{
		{`<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY x "&#60;script&#62;alert(1)&#60;/script&#62;">]><svg xmlns="http://www.w3.org/2000/svg">&x;</svg>`,
			"an entity that holds markup (<!ENTITY> in the document type) at line 1"},
		{"<?xml version=\"1.0\"?>\n<!DOCTYPE svg [\n<!ENTITY x '<script>alert(1)</script>'>\n]><svg>&x;</svg>",
			"an entity that holds markup (<!ENTITY> in the document type) at line 2"},
		{`<!DOCTYPE svg [<!ENTITY x SYSTEM "https://evil.example/x.xml">]><svg>&x;</svg>`,
			"an entity read from another file (<!ENTITY … SYSTEM>) at line 1"},
		{`<!DOCTYPE svg [<!ENTITY % p SYSTEM "file:///etc/passwd"> %p;]><svg/>`,
			"an entity read from another file (<!ENTITY … SYSTEM>) at line 1"},
		{"<svg viewBox=\"0 0 4 3\">\n<rect/>\n<g attr=\"\x00\"><script>alert(1)</script></svg>",
			"XML that cannot be read (line 3)"},
		{`<?xml version="1.0" encoding="utf-8"?><!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd"><svg viewBox="0 0 4 3"><rect/></svg>`, ""},
		{`<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd" [<!ENTITY ns_extend "http://ns.adobe.com/Extensibility/1.0/"><!ENTITY ns_ai "http://ns.adobe.com/AdobeIllustrator/10.0/">]><svg viewBox="0 0 4 3"><rect/></svg>`, ""},
		{"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><svg viewBox=\"0 0 4 3\"><title>K\xe9p</title><rect/></svg>", ""},
	}
	for _, c := range cases {
		if got := svgActive([]byte(c.src)); got != c.want {
			t.Errorf("svgActive(%q)\n got %q\nwant %q", c.src, got, c.want)
		}
	}
}
