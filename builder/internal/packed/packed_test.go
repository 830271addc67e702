package packed

import (
	"bytes"
	"compress/gzip"
	"io"
	"strings"
	"testing"
)

// page is a page-like text: repeated chrome around accented words.
func page(words int) []byte {
	var b strings.Builder
	b.WriteString(`<!DOCTYPE html><html lang="hu"><head><meta charset="utf-8"><title>Útmutató</title></head><body><main>`)
	for i := range words {
		b.WriteString([]string{"árvíztűrő ", "tükörfúrógép ", "Miskolc ", "Košice ", "<p>", "</p>\n"}[i%6])
	}
	b.WriteString(`</main></body></html>`)
	return []byte(b.String())
}

// TestRoundTrip packs files of every kind and size and reads them back:
// the same bytes, compressed only for the kinds that compress, smaller
// for a page, and a standard gzip member a browser can read.
func TestRoundTrip(t *testing.T) {
	tests := []struct {
		name   string
		data   []byte
		packed bool
	}{
		{"en/index.html", page(3000), true},
		{"hu/guides/x/index.html", page(1), true},
		{"404.html", nil, true},
		{"index.xml", []byte("<rss/>"), true},
		{"css/site.3f2a9c1b.css", []byte("body{color:red}"), true},
		{"hu/search/meta.json", []byte(`{"a":1}`), true},
		{"register.csv", []byte("a,b\n1,2\n"), true},
		{"PAGE.HTML", page(10), true},
		{"_headers", []byte("/*\n  X-Frame-Options: DENY\n"), false},
		{"media/photo.jpg", []byte{0xff, 0xd8, 0xff, 0xe0, 1, 2, 3}, false},
		{"en/briefs/x.pdf", []byte("%PDF-1.7"), false},
		{"register.xlsx", []byte("PK\x03\x04"), false},
	}
	for _, tt := range tests {
		if Packs(tt.name) != tt.packed {
			t.Errorf("Packs(%s) = %v", tt.name, !tt.packed)
		}
		buf := bytes.Clone(tt.data)
		stored := Pack(tt.name, buf)
		// Pack keeps nothing of what it was given: callers reuse buffers.
		for i := range buf {
			buf[i] = 'x'
		}
		got, err := Unpack(tt.name, stored)
		if err != nil || !bytes.Equal(got, tt.data) {
			t.Errorf("%s: Unpack = %q, %v; want %q", tt.name, got, err, tt.data)
		}
		if !Equal(tt.name, stored, tt.data) {
			t.Errorf("%s: Equal to its contents is false", tt.name)
		}
		if !tt.packed {
			if !bytes.Equal(stored, tt.data) {
				t.Errorf("%s: stored %q, want it as it is", tt.name, stored)
			}
			continue
		}
		r, err := gzip.NewReader(bytes.NewReader(stored))
		if err != nil {
			t.Fatalf("%s: not gzip: %v", tt.name, err)
		}
		if plain, err := io.ReadAll(r); err != nil || !bytes.Equal(plain, tt.data) {
			t.Errorf("%s: gzip reads %q, %v", tt.name, plain, err)
		}
		if len(tt.data) > 10000 && len(stored) > len(tt.data)/3 {
			t.Errorf("%s: %d bytes packed into %d", tt.name, len(tt.data), len(stored))
		}
		if !bytes.Equal(Pack(tt.name, tt.data), stored) {
			t.Errorf("%s: packed twice, two results", tt.name)
		}
	}
}

// TestEqual tells a packed file from every near miss of its contents.
func TestEqual(t *testing.T) {
	data := page(20000) // longer than Equal's buffer
	stored := Pack("a.html", data)
	misses := map[string][]byte{
		"empty":       nil,
		"shorter":     data[:len(data)-1],
		"longer":      append(bytes.Clone(data), 'x'),
		"first byte":  append([]byte{'X'}, data[1:]...),
		"last byte":   append(bytes.Clone(data[:len(data)-1]), 'X'),
		"middle byte": func() []byte { b := bytes.Clone(data); b[len(b)/2] ^= 1; return b }(),
	}
	for what, m := range misses {
		if Equal("a.html", stored, m) {
			t.Errorf("%s: Equal is true", what)
		}
	}
	if Equal("a.html", []byte("not gzip at all, but long enough"), data) {
		t.Error("bytes that are not gzip: Equal is true")
	}
}

// TestBroken: bytes Pack did not make give an error naming the file, never
// a panic or a huge allocation.
func TestBroken(t *testing.T) {
	stored := Pack("x.html", page(500))
	cut := stored[:len(stored)/2]
	lying := bytes.Clone(stored)
	copy(lying[len(lying)-4:], []byte{0xff, 0xff, 0xff, 0x7f}) // says 2 GB
	for what, b := range map[string][]byte{"cut": cut, "empty": nil, "not gzip": []byte("<p>hello</p>"), "wrong size": lying} {
		got, err := Unpack("x.html", b)
		if err == nil && what != "wrong size" {
			t.Errorf("%s: no error (%d bytes)", what, len(got))
		}
		if err != nil && !strings.Contains(err.Error(), "x.html") {
			t.Errorf("%s: %v does not name the file", what, err)
		}
	}
}
