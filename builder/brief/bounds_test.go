package brief

import (
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/4im-project/dissem/builder/markdown"
)

// Hostile sizes: each case was quadratic (or worse) before its bound and
// takes well under a second with it. A case that is not done by the
// deadline has lost its bound; the deadline is generous (slow machines,
// -race), and the unbounded versions take minutes.
const boundsDeadline = 60 * time.Second

// within runs f and fails the test if it is not done by the deadline.
func within(t *testing.T, what string, f func()) {
	t.Helper()
	done := make(chan struct{})
	go func() {
		defer close(done)
		f()
	}()
	select {
	case <-done:
	case <-time.After(boundsDeadline):
		t.Fatalf("%s: not done after %v; the work is no longer bounded (with the bound it takes a second or two)", what, boundsDeadline)
	}
}

// hostileDoc is the English fixture with another title and body.
func hostileDoc(t *testing.T, title, body string) *Document {
	t.Helper()
	d := loadDoc(t, fixtures[2])
	d.Title = title
	d.Body = markdown.New(markdown.Options{Quotes: quotes["en"]}).Parse("x.md", []byte(body), 1)
	return d
}

func TestBriefWorkIsBounded(t *testing.T) {
	long := strings.Repeat("Lorem ipsum dolor sit amet. ", 300)
	tests := []struct {
		name, title, body string
	}{
		// The running header was shortened one rune at a time on every
		// page: 28 s for 20,000 characters.
		{"100,000-character title", strings.Repeat("abcd ", 20000), long},
		// One word, hyphenated: only the emergency pass of the line
		// breaker sets it, which kept every break active (36 s for 200 KB).
		{"400 KB paragraph without spaces", "t", strings.Repeat("abcdefghij", 40000)},
		// A path breaks after each slash; each slash searched the whole
		// word for "://", and the emergency pass kept every break.
		{"path with 50,000 slashes", "t", strings.Repeat("a/", 50000) + "://x"},
		{"100,000 hyphens in one word", "t", strings.Repeat("a-", 100000)},
		// Soft hyphens are break points the editor chose: each one a
		// penalty, as many as a word has letters.
		{"100,000 soft hyphens in one word", "t", strings.Repeat("a\u00ad", 100000)},
		{"a title and a word of soft hyphens only", strings.Repeat("\u00ad", 50000), strings.Repeat("\u00ad", 100000) + " x"},
		{"1 MB of digits (no break at all)", "t", strings.Repeat("1", 1<<20)},
	}
	e := engine(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := hostileDoc(t, tt.title, tt.body)
			within(t, tt.name, func() {
				if _, err := e.Brief(d); err != nil {
					t.Error(err)
				}
			})
		})
	}
}

// TestNestingIsBounded counts the work deep nesting makes: without a floor
// on the text width, 500 nested block quotes set one letter per line on a
// negative width, and each line drew all 500 bars.
func TestNestingIsBounded(t *testing.T) {
	para := strings.Repeat("Lorem ipsum dolor sit amet. ", 40)
	var lists strings.Builder
	for i := range 500 {
		lists.WriteString(strings.Repeat("  ", i) + "- item " + para[:100] + "\n")
	}
	tests := []struct {
		name, body string
		pages      int // at most
	}{
		{"500 nested block quotes", strings.Repeat("> ", 500) + para, 3},
		{"500 nested lists", lists.String(), 60}, // 47 in a 70-character column, with the cover
		{"500 nested lists on one line", strings.Repeat("- ", 500) + para, 3},
		{"500 nested quotes and lists", strings.Repeat("> - ", 250) + para, 3}, // the cover, then the text
	}
	e := engine(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pages, _, _ := e.briefPages(hostileDoc(t, "t", tt.body))
			ops := 0
			for _, pg := range pages {
				for _, pl := range pg {
					ops += len(pl.r.ops)
				}
			}
			if len(pages) > tt.pages || ops > 20000 {
				t.Errorf("%d pages and %d drawing operations, want at most %d pages and 20,000 operations", len(pages), ops, tt.pages)
			}
		})
	}
}

// TestWideTableIsLinear counts the bytes a 10,000-cell row allocates: each
// cell appended to the row's description by copying all before it, which
// grows with the square of the cells.
func TestWideTableIsLinear(t *testing.T) {
	const cells = 10000
	body := "|" + strings.Repeat(" a |", cells) + "\n|" + strings.Repeat("---|", cells) + "\n|" + strings.Repeat(" b |", cells) + "\n"
	d := hostileDoc(t, "t", body)
	e := engine(t)
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	within(t, "a 10,000-cell table row", func() { e.briefPages(d) })
	runtime.ReadMemStats(&after)
	if per := (after.TotalAlloc - before.TotalAlloc) / (2 * cells); per > 16<<10 {
		t.Errorf("%d bytes allocated per table cell, want at most 16 KiB: work grows faster than the table", per)
	}
}
