package brief

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestNotesBookmark: a brief's endnotes are its last section, their
// bookmark beside the body's sections (and the box's), not under the last
// section.
func TestNotesBookmark(t *testing.T) {
	d := loadDoc(t, fixtures[0])
	d.Boxes = []Box{{Title: "Fő ajánlások", Lists: []BoxList{{Items: []string{"Egy.", "Kettő."}, Ordered: true}}}}
	r, err := engine(t).Brief(d)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "hu.pdf")
	if err := os.WriteFile(path, r.PDF, 0o644); err != nil {
		t.Fatal(err)
	}
	var j struct {
		Outlines []outline `json:"outlines"`
	}
	if err := json.Unmarshal([]byte(run(t, "qpdf", "--json", "--json-key=outlines", path)), &j); err != nil {
		t.Fatal(err)
	}
	if len(j.Outlines) != 1 {
		t.Fatalf("want the title as the one root bookmark, got %+v", j.Outlines)
	}
	var got []string
	for _, k := range j.Outlines[0].Kids {
		got = append(got, k.Title)
	}
	if want := "Fő ajánlások|Bevezetés|Notes"; strings.Join(got, "|") != want {
		t.Errorf("top-level bookmarks %q, want %q", strings.Join(got, "|"), want)
	}
}

// TestFigureKeepsCaption pushes a figure with a long caption down the
// page a line at a time: wherever it lands, the picture and every line of
// its caption are on the same page.
func TestFigureKeepsCaption(t *testing.T) {
	caption := strings.Repeat("A caption long enough to take several lines under the picture. ", 9)
	for n := range 40 {
		body := strings.Repeat("Filler line.\n\n", 30+n) + "![Chart](abra.png \"" + caption + "\")\n\nAfter.\n"
		d := hostileDoc(t, "t", body)
		d.ReadFile = func(name string) ([]byte, error) { return os.ReadFile(filepath.Join("testdata", name)) }
		pages, _, _ := engine(t).briefPages(d)
		for i, pg := range pages {
			for k, pl := range pg {
				if !strings.HasPrefix(pl.r.desc, "image ") {
					continue
				}
				lines := 0
				for _, after := range pg[k+1:] {
					if strings.HasPrefix(after.r.desc, "A caption") || strings.Contains(after.r.desc, "picture.") {
						lines++
					}
				}
				if lines < 6 {
					t.Errorf("%d fillers: page %d holds the picture and %d caption lines", 30+n, i+1, lines)
				}
			}
		}
	}
}
