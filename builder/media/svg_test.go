package media

import (
	"strings"
	"testing"
	"testing/fstest"
)

// TestSVGActive: an SVG opened at its own address is a document the
// browser runs in the site's origin, so anything active in it is refused;
// plain drawings (gradients, internal url(#id) references, xlink to #ids,
// the SVG namespace URL itself) pass.
func TestSVGActive(t *testing.T) {
	cases := []struct{ src, want string }{
		{`<svg viewBox="0 0 4 3" xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"><defs><linearGradient id="g"/></defs><rect fill="url(#g)" width="4" height="3"/><use xlink:href="#g"/></svg>`, ""},
		{`<svg viewBox="0 0 4 3"><style>rect { fill: url( '#g' ) }</style><rect/></svg>`, ""},
		{"<svg viewBox=\"0 0 4 3\">\n<script>alert(1)</script></svg>", "a script (<script> at line 2)"},
		{`<svg viewBox="0 0 4 3"><SCRIPT xlink:href="x.js"/></svg>`, "a script (<SCRIPT> at line 1)"},
		{`<svg viewBox="0 0 4 3" onload="alert(1)"/>`, "an event handler (onload= at line 1)"},
		{`<svg viewBox="0 0 4 3"><rect OnClick="x()"/></svg>`, "an event handler (OnClick= at line 1)"},
		{`<svg viewBox="0 0 4 3"><a href=" java&#x09;script:alert(1)"><rect/></a></svg>`, "a link to javascript content at line 1"},
		{`<svg viewBox="0 0 4 3"><a xlink:href="JavaScript:alert(1)"><rect/></a></svg>`, "a link to javascript content at line 1"},
		{`<svg viewBox="0 0 4 3"><set attributeName="href" to="javascript:alert(1)"/></svg>`, "a link to javascript content at line 1"},
		{`<svg viewBox="0 0 4 3"><animate attributeName="href" values="data:text/html,&lt;script&gt;"/></svg>`, "a link to data:text/html content at line 1"},
		{`<svg viewBox="0 0 4 3"><foreignObject><div xmlns="http://www.w3.org/1999/xhtml">x</div></foreignObject></svg>`, "embedded content (<foreignObject> at line 1)"},
		{`<svg viewBox="0 0 4 3"><image href="https://tracker.example/p.png"/></svg>`, "a reference to another site (https://tracker.example/p.png) at line 1"},
		{`<svg viewBox="0 0 4 3"><image xlink:href="//tracker.example/p.png"/></svg>`, "a reference to another site (//tracker.example/p.png) at line 1"},
		{`<svg viewBox="0 0 4 3"><rect style="fill: url(https://x.example/a.svg#p)"/></svg>`, "a reference to another site in style at line 1"},
		{"<svg viewBox=\"0 0 4 3\"><style>\n@import url(x.css);</style></svg>", "a style sheet import at line 1"},
	}
	for _, c := range cases {
		if got := svgActive([]byte(c.src)); got != c.want {
			t.Errorf("svgActive(%s)\n got %q\nwant %q", c.src, got, c.want)
		}
	}
}

// TestSVGWithScriptRefused: the refusal reaches the editor as a message
// naming the file, whether the SVG is shown or only linked.
func TestSVGWithScriptRefused(t *testing.T) {
	fsys := fstest.MapFS{"a.svg": {Data: []byte(`<svg viewBox="0 0 4 3" onload="fetch('/')"/>`)}}
	_, err := NewSet(fsys, Options{Content: "content"}).Image("a.svg")
	if err == nil || !strings.Contains(err.Error(), "content/a.svg contains an event handler (onload= at line 1)") {
		t.Fatalf("got %v", err)
	}
}
