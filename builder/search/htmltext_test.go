package search

import (
	"bytes"
	"html"
	"math"
	"math/rand"
	"strings"
	"testing"
)

// appendTextRef is appendTextUpTo as it was first written (a run of text
// found with IndexByte, copied, and its white space collapsed in place):
// plain, and slower. The fast version must give its bytes exactly, or the
// index's offsets and snippets change.
func appendTextRef(dst []byte, src []byte, limit int) []byte {
	limit += len(dst)
	pending, dash := false, false
	for i := 0; i < len(src) && len(dst) < limit; {
		c := src[i]
		switch {
		case c == '<':
			end := bytes.IndexByte(src[i:], '>')
			if end < 0 {
				return dst
			}
			tag := src[i+1 : i+end]
			closing := len(tag) > 0 && tag[0] == '/'
			if closing {
				tag = tag[1:]
			}
			n := 0
			for n < len(tag) && (tag[n] >= 'a' && tag[n] <= 'z' || tag[n] >= '0' && tag[n] <= '9') {
				n++
			}
			if isBlockTag(tag[:n]) {
				pending = len(dst) > 0
				if closing && endsLabel(tag[:n]) && len(dst) > 0 && !endsSentence(dst[len(dst)-1]) {
					dash = true
				}
			}
			i += end + 1
			if !closing && (string(tag[:n]) == "script" || string(tag[:n]) == "style") {
				if j := bytes.Index(src[i:], []byte("</"+string(tag[:n]))); j >= 0 {
					i += j
				}
			}
		case c == '&':
			end := bytes.IndexByte(src[i:min(len(src), i+12)], ';')
			ref := src[i : i+1]
			if end > 0 {
				ref = []byte(html.UnescapeString(string(src[i : i+end+1])))
				i += end + 1
				// A footnote's arrow back is not text.
				if r := string(ref); r == "↩" || r == "\ufe0e" {
					continue
				}
			} else {
				i++
			}
			if pending {
				if dash {
					dst = append(dst, " –"...)
				}
				dst = append(dst, ' ')
				pending, dash = false, false
			}
			dst = append(dst, ref...)
		default:
			run := src[i:]
			if k := bytes.IndexByte(run, '<'); k >= 0 {
				run = run[:k]
			}
			if k := bytes.IndexByte(run, '&'); k >= 0 {
				run = run[:k]
			}
			i += len(run)
			if pending && dash {
				dst = append(dst, " –"...)
				dash = false
			}
			if pending && !isSpace(run[0]) {
				dst = append(dst, ' ')
				pending = false
			}
			w := len(dst)
			dst = append(dst, run...)
			for r := w; r < len(dst); r++ {
				c := dst[r]
				if c <= ' ' && isSpace(c) {
					pending = w > 0
					continue
				}
				if pending {
					dst[w] = ' '
					w++
					pending = false
				}
				dst[w] = c
				w++
			}
			dst = dst[:w]
		}
	}
	return dst
}

// textPieces are the bits of odd bodies: block and inline tags, labels,
// references whole and cut, white space of every kind, script and style,
// a tag left open, text with and without accents.
var textPieces = []string{
	"<p>", "</p>", "<em>", "</em>", "<h2 id=\"a\">", "</h2>", "<br>", "<li>", "</li>",
	"<figcaption>", "</figcaption>", "<sup>", "</sup>", "<!-- c -->", "<P>", "</>", "<>",
	"<script>x<p>y</script>", "<style>p{}</style>", "<script>", "</script",
	"&amp;", "&nbsp;", "&lt;", "&#32;", "&#x161;", "&bogus;", "&", "&;", "&amp", "&nGt;",
	" ", "  ", "\n", "\t", "\r\n", "\f", "\u00a0",
	"a", "word", "Közösségi", "Košice", ".", ":", "–", "<", ">", "x>y",
	"longer words, eight bytes at a time", "a\x00b\x1fc\x7f\xffd", "x y z", "Households survey ",
	`<a href="#fnref:1" class="footnote-backref" role="doc-backlink">`, "&#8617;", "&#xfe0e;", "&#x21A9;", "</a>", "↩",
}

// TestAppendTextAsBefore: the fast appendTextUpTo gives the plain one's
// bytes, whole and cut at every limit, on random bodies of odd pieces and
// with text already in dst.
func TestAppendTextAsBefore(t *testing.T) {
	rng := rand.New(rand.NewSource(2))
	for range 20000 {
		var b strings.Builder
		for k := rng.Intn(12); k > 0; k-- {
			b.WriteString(textPieces[rng.Intn(len(textPieces))])
		}
		src := []byte(b.String())
		prefix := []byte("lead")[:rng.Intn(5)]
		for _, limit := range []int{math.MaxInt, 0, 1, rng.Intn(len(src) + 2), rng.Intn(len(src) + 2)} {
			got := appendTextUpTo(bytes.Clone(prefix), src, limit)
			want := appendTextRef(bytes.Clone(prefix), src, limit)
			if !bytes.Equal(got, want) {
				t.Fatalf("%q (after %q, limit %d):\ngot  %q\nwant %q", src, prefix, limit, got, want)
			}
		}
	}
}

// FuzzAppendText: the same, on any input.
func FuzzAppendText(f *testing.F) {
	for _, p := range textPieces {
		f.Add(p+" x <h3>y</h3>z", 7)
	}
	f.Fuzz(func(t *testing.T, src string, limit int) {
		if limit < 0 {
			limit = math.MaxInt
		}
		got := appendTextUpTo(nil, []byte(src), limit)
		want := appendTextRef(nil, []byte(src), limit)
		if !bytes.Equal(got, want) {
			t.Fatalf("%q (limit %d):\ngot  %q\nwant %q", src, limit, got, want)
		}
	})
}
