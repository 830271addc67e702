package av

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"
)

// BenchmarkPrepareNoMedia: the cost on a site of 30,000 documents without
// galleries or videos (the common case, on every build and every save).
func BenchmarkPrepareNoMedia(b *testing.B) {
	s := site(nil)
	for range 10000 {
		s.Docs = append(s.Docs, site(nil, "en", "hu", "sk").Docs...)
	}
	b.ResetTimer()
	for range b.N {
		if _, d := Prepare(s, Options{FS: fstest.MapFS{}, Files: map[string]bool{}}); len(d) > 0 {
			b.Fatal(d)
		}
	}
}

// BenchmarkCheckVTT: an hour of captions, a cue every 3.6 seconds.
func BenchmarkCheckVTT(b *testing.B) {
	var sb strings.Builder
	sb.WriteString("WEBVTT\n\n")
	for i := range 1000 {
		ms := i * 3600
		fmt.Fprintf(&sb, "%d\n%s --> %s\nA caption of some forty characters here.\n\n", i+1, stamp(int64(ms)), stamp(int64(ms+3000)))
	}
	data := []byte(sb.String())
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	for range b.N {
		if n, d := CheckVTT("x.vtt", data); n != 1000 || len(d) > 0 {
			b.Fatal(n, d)
		}
	}
}
