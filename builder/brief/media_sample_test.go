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
// video; the kick-off conference's brief shows its four gallery photos as
// Figures with their alt text and captions.
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
	pdf := filepath.Join(dest, "en", "events", "kick-off-conference", "kick-off-conference-en.pdf")
	alts := brief.FigureAlts(t, pdf)
	text := flat(pdfText(t, pdf))
	for _, want := range []string{"Drawing of a round table seen from above", "Drawing of a flip chart with coloured sticky notes"} {
		if !slices.ContainsFunc(alts, func(a string) bool { return strings.HasPrefix(a, want) }) {
			t.Errorf("%s: no Figure with alt %q…; figures: %q", pdf, want, alts)
		}
	}
	for _, want := range []string{"Photos", "Partners, institutions and residents at one table", "Drawing: 4IM project team"} {
		if !strings.Contains(text, want) {
			t.Errorf("%s: the gallery's %q is not in the brief", pdf, want)
		}
	}
}
