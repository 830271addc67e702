package brief_test

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/4im-project/dissem/builder/brief"
)

// mediaBriefs: the sample news item with a video prints, in each language,
// its transcript (from the front matter, as the page shows it) and the
// poster as a Figure whose alternative text says it is a still from the
// video, and the page's address. (Galleries: TestMediaSections. The
// sample's gallery is on the kick-off conference, which has no brief: its
// body's 2400-px photo costs some 190 ms to re-encode for print.)
func mediaBriefs(t *testing.T, dest string) {
	need(t, "qpdf")
	for _, tt := range []struct{ lang, first, still, caption string }{
		{"en", "Narrator: The Social Innovation Resource Centre has opened in Miskolc.", "Still from the video: ", "The centre in eleven seconds"},
		{"hu", "A videó narrációja angol nyelvű.", "Állókép a videóból: ", ""},
		{"sk", "Komentár videa je v angličtine.", "Záber z videa: ", ""},
	} {
		pdf := filepath.Join(dest, tt.lang, "news", "resource-centre-opens", "resource-centre-opens-"+tt.lang+".pdf")
		text := flat(pdfText(t, pdf))
		if !strings.Contains(text, tt.first) {
			t.Errorf("%s: the transcript's first sentence %q is not in the brief:\n%s", pdf, tt.first, text)
		}
		if !strings.Contains(text, "https://4im.example.eu/"+tt.lang+"/news/resource-centre-opens/") {
			t.Errorf("%s: the address where the video plays is not in the brief", pdf)
		}
		alts := brief.FigureAlts(t, pdf)
		for i, a := range alts {
			alts[i] = strings.ReplaceAll(a, "\u00a0", " ") // typeset: no-break spaces
		}
		if !slices.ContainsFunc(alts, func(a string) bool {
			return strings.HasPrefix(a, tt.still) && strings.Contains(a, tt.caption) && len(a) > len(tt.still)
		}) {
			t.Errorf("%s: no Figure for the poster (alt %q…); figures: %q", pdf, tt.still, alts)
		}
	}
}
