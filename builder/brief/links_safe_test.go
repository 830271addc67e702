package brief

import (
	"bytes"
	"slices"
	"testing"

	"github.com/4im-project/dissem/builder/internal/safeurl/safeurltest"
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
	got := safeurltest.PDFURIs(r.PDF)
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
