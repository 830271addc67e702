package search

import (
	"encoding/json"
	"math"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// TestJSONWriter: the hand-made writer writes what encoding/json's Marshal
// writes, for strings with every kind of escape and for floats across the
// exponent cut-offs.
func TestJSONWriter(t *testing.T) {
	strs := []string{"", "plain", `quo"te back\\slash`, "<b>&amp;</b>", "tab\tnl\ncr\rbs\bff\f",
		"\x00\x01\x1f\x7f", "közösségi Košice", "line\u2028para\u2029", "bad \xff utf8 \xc3", "…"}
	r := rand.New(rand.NewPCG(1, 2))
	for range 500 {
		b := make([]byte, r.IntN(12))
		for i := range b {
			b[i] = byte(r.IntN(256))
		}
		strs = append(strs, string(b))
	}
	for _, s := range strs {
		want, _ := json.Marshal(s)
		if got := appendJSONString(nil, s); string(got) != string(want) {
			t.Errorf("%q: got %s, want %s", s, got, want)
		}
	}
	got := appendJSONStrings([]byte("x"), strs[:4])
	want, _ := json.Marshal(strs[:4])
	if string(got) != "x"+string(want) {
		t.Errorf("strings: got %s, want x%s", got, want)
	}
	floats := []float64{0, 1, -1, 0.5, 1.234, 12.3, 1e-6, 9.99e-7, 1e-7, 1.5e-9, 1e20, 1e21, 1.5e22, math.MaxFloat64, math.SmallestNonzeroFloat64, -3e-8}
	for range 200 {
		floats = append(floats, round3(r.ExpFloat64()*10))
	}
	for _, f := range floats {
		want, _ := json.Marshal(f)
		if got := appendJSONFloat(nil, f); string(got) != string(want) {
			t.Errorf("%v: got %s, want %s", f, got, want)
		}
	}
}

// TestDecimalLess: documents in a shard's "x" are in the order of their
// decimal strings, as encoding/json orders a map's integer keys.
func TestDecimalLess(t *testing.T) {
	docs := []int32{10, 9, 100, 0, 1, 99, 1000, 2, 20, 19}
	slices.SortFunc(docs, func(a, b int32) int {
		if decimalLess(a, b) {
			return -1
		}
		if decimalLess(b, a) {
			return 1
		}
		return 0
	})
	var got []string
	for _, d := range docs {
		got = append(got, strconv.Itoa(int(d)))
	}
	if s := strings.Join(got, " "); s != "0 1 10 100 1000 19 2 20 9 99" {
		t.Errorf("order %s", s)
	}
}

// TestAppendText: tags removed (block tags end words, inline ones do
// not; headings and captions end with a dash), references decoded, white space collapsed, script and style
// skipped; and appendTextUpTo gives appendText's first bytes.
func TestAppendText(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"<p>Hello  <em>wor</em>ld</p>\n<p>again</p>", "Hello world again"},
		{"<li>a</li><li>b</li>", "a b"},
		{"  lead\t\ttabs\r\nand  lines  ", "lead tabs and lines"},
		{"<p>Tom &amp; Jerry&nbsp;&lt;3 &bogus</p>", "Tom & Jerry\u00a0<3 &bogus"},
		{"a<script>var x = '<p>';</script>b<style>p{}</style> c", "ab c"},
		// A heading or caption is parted from the text after it by a
		// dash in snippets, unless it ends with punctuation.
		{"<h2 id=\"x\">Title</h2>text<br>more", "Title – text more"},
		{"<h3>Steps:</h3><p>Ask.</p>", "Steps: Ask."},
		{"<figure><img alt=\"x\"><figcaption>A street</figcaption></figure><p>Next</p>", "A street – Next"},
		{"<p>Intro</p><h2>Notes</h2>", "Intro Notes"},
		{"<h2>Tom</h2> &amp; Jerry", "Tom – & Jerry"},
		{"x<sup>1</sup>y", "x 1 y"},
		{"unclosed <tag", "unclosed"},
		{"<p></p><p> </p>end", "end"},
	} {
		if got := string(appendText(nil, []byte(c.in))); got != c.want {
			t.Errorf("%q: got %q, want %q", c.in, got, c.want)
		}
		full := string(appendText(nil, []byte(c.in)))
		for limit := range len(full) + 2 {
			got := string(appendTextUpTo(nil, []byte(c.in), limit))
			if !strings.HasPrefix(full, got) || len(got) < min(limit, len(full)) {
				t.Errorf("%q up to %d: got %q, not a prefix of %q that long", c.in, limit, got, full)
			}
		}
	}
}

// TestBuildEmpty: a language without documents has a manifest and no
// shards (no panic in the merge of empty tables).
func TestBuildEmpty(t *testing.T) {
	files, err := Build([]Lang{{Code: "sk", TypeLabel: func(s string) string { return s }}})
	if err != nil {
		t.Fatal(err)
	}
	if len(files) != 1 || !strings.Contains(string(files["sk/search/meta.json"]), `"n":0`) {
		t.Errorf("files: %v", files)
	}
}

// TestMinifyNumber: a number of the index is written as the site's JSON
// minifier writes it (the files are published without it), and stays
// valid JSON: document numbers, and best scores from tiny to large.
func TestMinifyNumber(t *testing.T) {
	var nums [][]byte
	for _, d := range []int64{0, 1, 9, 10, 100, 999, 1000, 1200, 2000, 10000, 12345, 30000, 99999, 100000} {
		nums = append(nums, strconv.AppendInt(nil, d, 10))
	}
	r := rand.New(rand.NewPCG(3, 4))
	for _, f := range []float64{0, 0.376, 0.0495, 0.000341, 1, 1.5, 12.3, 20, 0.1, 1e-7, 2.5e21, -0.5, -3} {
		nums = append(nums, appendJSONFloat(nil, f))
	}
	for range 2000 {
		nums = append(nums, appendJSONFloat(nil, round3(math.Pow(10, r.Float64()*12-8))))
		nums = append(nums, strconv.AppendInt(nil, r.Int64N(200000), 10))
	}
	for _, n := range nums {
		got := minifyNumber(append([]byte("x"), n...), 1)[1:]
		min, err := jsonmin.Bytes("application/json", []byte("["+string(n)+"]"))
		if err != nil {
			t.Fatal(err)
		}
		if want := min[1 : len(min)-1]; string(got) != string(want) {
			t.Errorf("%s: got %s, the minifier writes %s", n, got, want)
		}
		var v float64
		if err := json.Unmarshal(got, &v); err != nil {
			t.Errorf("%s written %s: %v", n, got, err)
		}
	}
}
