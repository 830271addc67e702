package register

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"testing"
	"time"

	"github.com/4im-project/dissem/builder/content"
	"github.com/4im-project/dissem/builder/resolve"
	"github.com/4im-project/dissem/builder/schema"
)

// manyRows is the unit site and n documents more in three languages: a
// sheet of several pieces.
func manyRows(t *testing.T, n int, title func(i int, lang string) string) *Register {
	t.Helper()
	s := site(t, "")
	day := time.Date(2022, 1, 3, 0, 0, 0, 0, time.UTC)
	for i := range n {
		key := fmt.Sprintf("news/item-%04d", i)
		for _, lang := range []string{"en", "hu", "sk"} {
			s.Docs = append(s.Docs, &resolve.Page{Kind: resolve.KindDocument, Lang: lang, Key: key,
				URL: "/sub/" + lang + "/" + key + "/", Date: day.AddDate(0, 0, i/4), Doc: &content.Doc{Lang: lang},
				Meta: &schema.Meta{Type: schema.News, Title: title(i, lang), Partners: []string{"AEIDL", "Partner " + fmt.Sprint(i%7)}}})
		}
	}
	return Build(Input{Site: s})
}

// TestXLSXReusing checks that a workbook made with an earlier one's
// compressed pieces has the same bytes as one made without, whatever the
// earlier register was, that it takes the pieces it is given, and that
// it reads as a workbook with every row; and that the pieces survive
// their cache file, a damaged one refused.
func TestXLSXReusing(t *testing.T) {
	plain := func(i int, lang string) string { return fmt.Sprintf("Hír %d (%s)", i, lang) }
	reg := manyRows(t, 700, plain)
	cold, chunks, err := reg.XLSXReusing(nil)
	if err != nil {
		t.Fatal(err)
	}
	if want := (len(reg.Rows)+sheetChunkRows-1)/sheetChunkRows + 2; chunks.Len() != want {
		t.Fatalf("%d pieces for %d rows, want %d", chunks.Len(), len(reg.Rows), want)
	}
	if x, err := reg.XLSX(); err != nil || !bytes.Equal(x, cold) {
		t.Fatal("XLSX and XLSXReusing(nil) differ")
	}
	// An edited title, and a document more at the end: another register.
	edited := manyRows(t, 701, func(i int, lang string) string {
		if i == 300 && lang == "hu" {
			return "Szerkesztett <cím> & „idézet”"
		}
		return plain(i, lang)
	})
	editedCold, editedChunks, err := edited.XLSXReusing(nil)
	if err != nil {
		t.Fatal(err)
	}
	data, err := chunks.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	var read SheetChunks
	if err := read.UnmarshalBinary(data); err != nil || read.Len() != chunks.Len() {
		t.Fatalf("the pieces read back: %d, %v; want %d", read.Len(), err, chunks.Len())
	}
	for name, c := range map[string]struct {
		reg  *Register
		prev *SheetChunks
		want []byte
	}{
		"the same register, its own pieces":     {reg, chunks, cold},
		"the same register, pieces read back":   {reg, &read, cold},
		"the same register, the edited pieces":  {reg, editedChunks, cold},
		"the edited register, the first pieces": {edited, chunks, editedCold},
	} {
		got, _, err := c.reg.XLSXReusing(c.prev)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, c.want) {
			t.Errorf("%s: not the bytes made without pieces", name)
		}
	}
	// The pieces given are taken: two swapped show.
	planted := &SheetChunks{m: map[chunkKey][]byte{}}
	var keys []chunkKey
	for k, v := range chunks.m {
		planted.m[k] = v
		keys = append(keys, k)
	}
	planted.m[keys[0]], planted.m[keys[1]] = planted.m[keys[1]], planted.m[keys[0]]
	if got, _, _ := reg.XLSXReusing(planted); bytes.Equal(got, cold) {
		t.Error("the pieces given were not taken")
	}
	// A workbook of the edited register, its pieces from the first: every
	// row is there, the edited title too.
	got, _, err := edited.XLSXReusing(chunks)
	if err != nil {
		t.Fatal(err)
	}
	checkSheet(t, got, edited)
	for _, bad := range [][]byte{data[:10], data[:len(data)-1], append(bytes.Clone(data[:16]), 1)} {
		var c SheetChunks
		if c.UnmarshalBinary(bad) == nil {
			t.Errorf("a damaged file of %d bytes was read", len(bad))
		}
	}
}

// checkSheet checks that workbook x holds reg's rows: the zip's checksum,
// and every title and address where excelize finds it.
func checkSheet(t *testing.T, x []byte, reg *Register) {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(x), int64(len(x)))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		// io.ReadAll checks the CRC-32 and sizes at the end.
		if _, err := io.ReadAll(rc); err != nil {
			t.Fatalf("%s: %v", f.Name, err)
		}
		rc.Close()
	}
	_, rows := workbook(t, x)
	if len(rows) != len(reg.Rows)+1 {
		t.Fatalf("%d rows in the sheet, want %d and the header", len(rows)-1, len(reg.Rows))
	}
	for i, row := range reg.Rows {
		if got := rows[i+1]; got[3] != row.Title || got[11] != row.URL || got[1] != row.Lang {
			t.Fatalf("sheet row %d: %q, want %q %q %q", i+2, got, row.Title, row.URL, row.Lang)
		}
	}
}

// FuzzSheetChunks checks that any cache file is read or refused, never a
// panic, and that what is read is written back as it was.
func FuzzSheetChunks(f *testing.F) {
	c := &SheetChunks{m: map[chunkKey][]byte{{1, 2}: []byte("ab"), {3, 0}: nil}}
	data, _ := c.MarshalBinary()
	f.Add(data)
	f.Add(data[:7])
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, data []byte) {
		var c SheetChunks
		if c.UnmarshalBinary(data) != nil {
			return
		}
		again, err := c.MarshalBinary()
		if err != nil {
			t.Fatal(err)
		}
		var d SheetChunks
		if err := d.UnmarshalBinary(again); err != nil || d.Len() != c.Len() {
			t.Fatalf("written back: %d pieces, %v; want %d", d.Len(), err, c.Len())
		}
		for k, v := range c.m {
			if !bytes.Equal(d.m[k], v) {
				t.Fatalf("piece %v changed", k)
			}
		}
	})
}
