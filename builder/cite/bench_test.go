package cite

import (
	"encoding/json"
	"testing"
)

// BenchmarkPageHead is what a document page spends on citation: its
// Highwire tags and its JSON-LD (a page with a brief also formats the
// box's text). Compare with BenchmarkDocumentPages in builder/render
// (about 1,300 µs a page on the sample corpus).
func BenchmarkPageHead(b *testing.B) {
	w := works()["hungarian translation, three authors, DOI"]
	b.ReportAllocs()
	for b.Loop() {
		_ = w.MetaTags()
		if _, err := json.Marshal(w.JSONLD()); err != nil {
			b.Fatal(err)
		}
		_ = w.Text("és", "Jelentésszám: {n}")
	}
}
