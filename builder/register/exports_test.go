package register

import (
	"bytes"
	"encoding/csv"
	"hash/maphash"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

// TestSharedCells puts odd texts in the cells the workbook shares (the
// partners, a list) and the ones it writes inline (the title): every cell
// of the register sheet reads back as the CSV has it (less the CSV's
// neutralising apostrophe), shared cells as shared strings, none a formula.
func TestSharedCells(t *testing.T) {
	odd := []string{"=1+2", " lead", "trail ", "tab\tin", "<b>&amp;</b>", "bad\xffbyte", "non\uFFFEchar",
		"cr\rhere", "ctl\x01", "＝x", "line\u2028sep", ""}
	s := site(t, "")
	for i, p := range s.Docs {
		p.Meta.Partners = []string{odd[i%len(odd)], odd[(i+1)%len(odd)]}
		p.Meta.Topics = []string{odd[(i+2)%len(odd)]}
		p.Meta.Title = odd[(i+3)%len(odd)] + "x"
	}
	reg := Build(Input{Site: s})
	recs, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(reg.CSV(), []byte("\uFEFF")))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	x, err := reg.XLSX()
	if err != nil {
		t.Fatal(err)
	}
	f, rows := workbook(t, x)
	if len(rows) != len(recs) {
		t.Fatalf("%d rows in the workbook, %d in the CSV", len(rows), len(recs))
	}
	for y := 1; y < len(rows); y++ {
		for c := range Columns {
			want := recs[y][c]
			if strings.HasPrefix(want, "'") && formulaLead(want[1:]) {
				want = want[1:]
			}
			// XML cannot hold every character: those are U+FFFD.
			want = strings.Map(func(r rune) rune {
				if r < 0x20 && r != '\t' && r != '\n' && r != '\r' || r == 0xFFFE {
					return '\uFFFD'
				}
				return r
			}, strings.ToValidUTF8(want, "\uFFFD"))
			got := ""
			if c < len(rows[y]) {
				got = rows[y][c]
			}
			if got != want && !(Columns[c] == "complete" && strings.EqualFold(got, want)) {
				t.Errorf("row %d, %s: workbook %q, CSV %q", y+1, Columns[c], got, want)
			}
		}
		cell, _ := excelize.CoordinatesToCellName(8, y+1) // partners
		typ, _ := f.GetCellType(SheetRegister, cell)
		formula, _ := f.GetCellFormula(SheetRegister, cell)
		if v, _ := f.GetCellValue(SheetRegister, cell); v != "" && typ != excelize.CellTypeSharedString || formula != "" {
			t.Errorf("%s: type %v, formula %q", cell, typ, formula)
		}
	}
}

// TestDigest checks that the digest serve keeps the exports by changes
// with every cell, and only then.
func TestDigest(t *testing.T) {
	seed := maphash.MakeSeed()
	base := Build(Input{Site: site(t, "")}).Digest(seed)
	if again := Build(Input{Site: site(t, "")}).Digest(seed); again != base {
		t.Fatal("the same register gave another digest")
	}
	for name, change := range map[string]func(r *Row){
		"key":       func(r *Row) { r.Key += "x" },
		"lang":      func(r *Row) { r.Lang = "de" },
		"type":      func(r *Row) { r.Type = "news" },
		"title":     func(r *Row) { r.Title += " " },
		"date":      func(r *Row) { r.Date = r.Date.AddDate(0, 0, 1) },
		"period":    func(r *Row) { r.Period = "RP9" },
		"languages": func(r *Row) { r.Languages = r.Languages[:1] },
		"partners":  func(r *Row) { r.Partners = []string{"AEIDLCity en"} },
		"cities":    func(r *Row) { r.Cities = []string{"Košice"} },
		"topics":    func(r *Row) { r.Topics = []string{""} },
		"wp_task":   func(r *Row) { r.WPTask = "5.5" },
		"url":       func(r *Row) { r.URL += "x" },
		"brief":     func(r *Row) { r.BriefURL = "https://x.org/b.pdf" },
		"pages":     func(r *Row) { r.Pages = 3 },
		"size":      func(r *Row) { r.Size = 1 },
		"state":     func(r *Row) { r.State = Stale },
		"complete":  func(r *Row) { r.Complete = !r.Complete },
	} {
		reg := Build(Input{Site: site(t, "")})
		change(&reg.Rows[0])
		if reg.Digest(seed) == base {
			t.Errorf("%s changed, the digest did not", name)
		}
	}
}

// TestAppendDate compares appendDate with time's own formatting.
func TestAppendDate(t *testing.T) {
	for _, d := range []time.Time{time.Date(2022, 1, 9, 0, 0, 0, 0, time.UTC), time.Date(999, 12, 31, 23, 0, 0, 0, time.UTC),
		time.Date(10000, 2, 3, 0, 0, 0, 0, time.UTC), time.Date(-5, 7, 1, 0, 0, 0, 0, time.UTC), {}} {
		if got, want := string(appendDate(nil, d)), d.Format("2006-01-02"); got != want {
			t.Errorf("appendDate(%v) = %q, want %q", d, got, want)
		}
	}
}

// workbook opens the workbook x, closed when the test ends, and reads the
// register sheet's rows.
func workbook(t *testing.T, x []byte) (*excelize.File, [][]string) {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(x))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	rows, err := f.GetRows(SheetRegister)
	if err != nil {
		t.Fatal(err)
	}
	return f, rows
}
