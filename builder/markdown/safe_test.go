package markdown

import (
	"bytes"
	"strings"
	"testing"

	"github.com/4im-project/dissem/builder/internal/safeurl/safeurltest"
)

// Every kind of Markdown link refuses a destination safeurl refuses, with
// raw HTML allowed or not, rendered directly or through placeholders; each
// is reported at its line and column (the body starts at line 5).
func TestRefusedLinks(t *testing.T) {
	for _, tc := range []struct {
		name, src string
		want      string // the one problem, "" for none
	}{
		{"inline link", "Text [click](javascript:alert(1)).\n",
			`x.md:5:6: link to "javascript:alert(1)" is not allowed: only http, https, mailto and tel addresses and links inside the site are`},
		{"uppercase with spaces", "[click](<  JAVASCRIPT:alert(1)>)\n",
			`x.md:5:1: link to "  JAVASCRIPT:alert(1)" is not allowed: only http, https, mailto and tel addresses and links inside the site are`},
		{"tab inside", "[click](<java\tscript:alert(1)>)\n",
			`x.md:5:1: link to "java\tscript:alert(1)" is not allowed: only http, https, mailto and tel addresses and links inside the site are`},
		{"character reference", "[click](&#106;avascript:alert(1))\n",
			`x.md:5:1: link to "&#106;avascript:alert(1)" is not allowed: only http, https, mailto and tel addresses and links inside the site are`},
		{"image", "Intro.\n\n![logo](data:image/svg+xml,<svg/onload=alert(1)>)\n",
			`x.md:7:1: image "data:image/svg+xml,<svg/onload=alert(1)>" is not allowed: only pictures inside the site are; put the image file beside the document and write ![what it shows](name.png)`},
		{"reference link", "See [the form][f].\n\n[f]: vbscript:msgbox(1)\n",
			`x.md:5:5: link to "vbscript:msgbox(1)" is not allowed: only http, https, mailto and tel addresses and links inside the site are`},
		{"autolink", "Go <javascript:alert(1)> now.\n",
			`x.md:5:4: link to "javascript:alert(1)" is not allowed: only http, https, mailto and tel addresses and links inside the site are`},
		{"autolink vbscript", "Line one\n<vbscript:msgbox(1)>\n",
			`x.md:6:1: link to "vbscript:msgbox(1)" is not allowed: only http, https, mailto and tel addresses and links inside the site are`},
		{"autolink data", "<data:text/html,%3Cscript%3Ealert(1)%3C/script%3E>\n",
			`x.md:5:1: link to "data:text/html,%3Cscript%3Ealert(1)%3C/script%3E" is not allowed: only http, https, mailto and tel addresses and links inside the site are`},
		{"long data URL is shortened", "![chart](data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==)\n",
			`x.md:5:1: image "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAA…" is not allowed: only pictures inside the site are; put the image file beside the document and write ![what it shows](name.png)`},
		{"link around image", "[![*logo*](logo.png)](file:///etc/passwd)\n",
			`x.md:5:1: link to "file:///etc/passwd" is not allowed: only http, https, mailto and tel addresses and links inside the site are`},
		{"emphasis inside", "Read [**this**](javascript:x) now.\n",
			`x.md:5:6: link to "javascript:x" is not allowed: only http, https, mailto and tel addresses and links inside the site are`},
		{"remote image", "![p](https://cdn.x.eu/p.png)\n", `x.md:5:1: image "https://cdn.x.eu/p.png" is on another site; published pages make no third-party requests (they would tell that site who reads them): save the picture beside the document and write ![what it shows](name.jpg)`},
		{"allowed kinds", "[a](https://x.eu) [b](mailto:a@x.eu) [c](tel:+3646) [d](../guides/x.md#s) <https://x.eu> <a@x.eu> www.x.eu ![e](p.png)\n", ""},
	} {
		for _, allow := range []bool{false, true} {
			m := New(Options{AllowHTML: allow})
			d := m.Parse("x.md", []byte(tc.src), 5)
			var got []string
			for _, p := range d.Problems {
				got = append(got, p.String())
			}
			if tc.want == "" && len(got) > 0 || tc.want != "" && (len(got) != 1 || got[0] != tc.want) {
				t.Errorf("%s (allowHTML %v): problems\n%s\nwant\n%s", tc.name, allow, strings.Join(got, "\n"), tc.want)
			}
			var direct bytes.Buffer
			if err := m.Render(&direct, d); err != nil {
				t.Fatal(err)
			}
			var deferred bytes.Buffer
			if err := m.RenderDeferred(&deferred, d); err != nil {
				t.Fatal(err)
			}
			filled := FillLinks(deferred.Bytes(), d.Links, nil)
			for kind, out := range map[string]string{"direct": direct.String(), "deferred": filled} {
				if p := safeurltest.ProblemsHTML([]byte(out), true); len(p) > 0 {
					t.Errorf("%s (allowHTML %v, %s): %s\n%s", tc.name, allow, kind, strings.Join(p, "; "), out)
				}
				if tc.want == "" && strings.Count(out, "<a href=\"") != 7 {
					t.Errorf("%s (allowHTML %v, %s): allowed links lost:\n%s", tc.name, allow, kind, out)
				}
			}
		}
	}
}

// Raw HTML is what allowHTML lets through, javascript: and all; the
// Markdown links beside it still refuse (the two are different promises).
func TestAllowHTMLStillRefusesMarkdownLinks(t *testing.T) {
	m := New(Options{AllowHTML: true})
	got := render(t, m, `<a href="javascript:void(0)">raw</a> and [md](javascript:alert(1))`+"\n")
	want := `<p><a href="javascript:void(0)">raw</a> and <a href="">md</a></p>` + "\n"
	if got != want {
		t.Errorf("got %q\nwant %q", got, want)
	}
}

// Columns count characters, not bytes: an accented letter before a link
// does not push its column to the right.
func TestColumnsCountCharacters(t *testing.T) {
	d := New(Options{}).Parse("x.md", []byte("Málna és őszibarack [x](javascript:alert(1))\n"), 5)
	if len(d.Problems) != 1 || d.Problems[0].Pos.Col != 21 || d.Problems[0].Pos.Line != 5 {
		t.Errorf("problems = %v, want one at 5:21", d.Problems)
	}
}
