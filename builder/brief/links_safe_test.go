package brief

import (
	"bytes"
	"slices"
	"testing"
	"unicode/utf16"

	"github.com/4im-project/dissem/builder/markdown"
)

// A brief's clickable areas are its /URI link annotations: only http,
// https and mailto destinations may become one, whatever the Markdown.
func TestBriefLinkAnnotationsAreSafe(t *testing.T) {
	src := "# Links\n\n[ok](https://example.eu/a) [mail](mailto:info@example.eu) [js](javascript:alert(1)) " +
		"[vb](VBScript:msgbox(1)) [data](data:text/html,%3Cscript%3Ealert(1)%3C/script%3E) [file](file:///etc/passwd) " +
		"[tab](<java\tscript:alert(3)>) [ref](&#106;avascript:alert(4)) <javascript:alert(2)> <vbscript:x> " +
		"<https://example.eu/b> www.example.eu [site](/en/guides/x/)\n"
	doc := loadDoc(t, fixtures[2])
	doc.Body = markdown.New(markdown.Options{Quotes: quotes["en"]}).Parse("x.md", []byte(src), 1)
	r, err := engine(t).Brief(doc)
	if err != nil {
		t.Fatal(err)
	}
	got := pdfURIs(t, r.PDF)
	want := []string{"http://www.example.eu", "https://example.eu/a", "https://example.eu/b",
		"https://example.eu/en/case-studies/x/", // the cover's link to the page
		// The brief reads a reference as written, a relative path: harmless
		// (and the site reports the link as an error before any brief).
		"https://example.eu/en/case-studies/x/&#106;avascript:alert(4)",
		"https://example.eu/en/guides/x/", "mailto:info@example.eu"}
	if !slices.Equal(got, want) {
		t.Errorf("link annotations\n%q\nwant\n%q", got, want)
	}
	for _, bad := range []string{"/JavaScript", "/Launch", "/SubmitForm"} {
		if bytes.Contains(r.PDF, []byte(bad)) {
			t.Errorf("the PDF holds a %s action", bad)
		}
	}
}

// pdfURIs lists the distinct /URI strings of pdf, sorted. fpdf writes
// objects uncompressed and link strings as PDF literal strings, in UTF-16
// with a byte-order mark when the font is Unicode.
func pdfURIs(t *testing.T, pdf []byte) []string {
	t.Helper()
	var out []string
	key := []byte("/URI (")
	for {
		i := bytes.Index(pdf, key)
		if i < 0 {
			break
		}
		pdf = pdf[i+len(key):]
		var s []byte
		depth := 0
		j := 0
	str:
		for ; j < len(pdf); j++ {
			c := pdf[j]
			switch {
			case c == '\\' && j+1 < len(pdf):
				j++
				switch e := pdf[j]; e {
				case 'n':
					s = append(s, '\n')
				case 'r':
					s = append(s, '\r')
				case 't':
					s = append(s, '\t')
				case 'b':
					s = append(s, '\b')
				case 'f':
					s = append(s, '\f')
				default:
					if '0' <= e && e <= '7' {
						v := 0
						for k := 0; k < 3 && j < len(pdf) && '0' <= pdf[j] && pdf[j] <= '7'; k++ {
							v = v*8 + int(pdf[j]-'0')
							j++
						}
						j--
						s = append(s, byte(v))
					} else {
						s = append(s, e)
					}
				}
			case c == '(':
				depth++
				s = append(s, c)
			case c == ')':
				if depth == 0 {
					break str
				}
				depth--
				s = append(s, c)
			default:
				s = append(s, c)
			}
		}
		pdf = pdf[j:]
		if len(s) >= 2 && s[0] == 0xFE && s[1] == 0xFF {
			u := make([]uint16, 0, len(s)/2)
			for k := 2; k+1 < len(s); k += 2 {
				u = append(u, uint16(s[k])<<8|uint16(s[k+1]))
			}
			s = []byte(string(utf16.Decode(u)))
		}
		out = append(out, string(s))
	}
	slices.Sort(out)
	return slices.Compact(out)
}
