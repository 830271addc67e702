package register

import (
	"archive/zip"
	"bytes"
	"io"
	"strconv"
	"unicode/utf8"

	"github.com/klauspost/compress/flate"
)

// sheetPart is the register sheet's part in the workbook excelize writes.
const sheetPart = "xl/worksheets/sheet1.xml"

// withRows returns the workbook xlsx (as excelize wrote it, the register
// sheet holding its header only) with the register's rows in that sheet.
// excelize's stream writer took a quarter of a second for 30,000 rows;
// the rows are plain enough to write directly: texts (inline, or shared
// for the repeated ones: never evaluated, so a title beginning with "="
// stays text), numbers and booleans. The shared-string table gets the
// repeated texts (see shared); every other part is copied as it is,
// compressed bytes and all.
func (r *Register) withRows(xlsx []byte, prev *SheetChunks) ([]byte, *SheetChunks, error) {
	zr, err := zip.NewReader(bytes.NewReader(xlsx), int64(len(xlsx)))
	if err != nil {
		return nil, nil, err
	}
	// The shared-string table first: the sheet's cells refer to it by
	// index, whichever part comes first in the file.
	sh := r.share()
	var sst []byte
	off := -1
	for _, f := range zr.File {
		if f.Name != sstPart {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			return nil, nil, err
		}
		old, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			return nil, nil, err
		}
		if sst, off, err = sh.table(old); err != nil {
			return nil, nil, err
		}
	}
	if off < 0 {
		return nil, nil, errNoSST
	}
	var next *SheetChunks
	var out bytes.Buffer
	out.Grow(len(xlsx) + len(r.Rows)*80)
	zw := zip.NewWriter(&out)
	// klauspost/compress's deflate at its fastest level: the sheet is
	// most of the workbook's time, and the standard library's BestSpeed
	// took half as long again for a file 1 % smaller.
	zw.RegisterCompressor(zip.Deflate, func(w io.Writer) (io.WriteCloser, error) {
		return flate.NewWriter(w, flate.BestSpeed)
	})
	for _, f := range zr.File {
		if f.Name == sstPart {
			w, err := zw.CreateHeader(&zip.FileHeader{Name: f.Name, Method: zip.Deflate})
			if err != nil {
				return nil, nil, err
			}
			if _, err := w.Write(sst); err != nil {
				return nil, nil, err
			}
			continue
		}
		if f.Name != sheetPart {
			raw, err := f.OpenRaw()
			if err != nil {
				return nil, nil, err
			}
			w, err := zw.CreateRaw(&f.FileHeader)
			if err != nil {
				return nil, nil, err
			}
			if _, err := io.Copy(w, raw); err != nil {
				return nil, nil, err
			}
			continue
		}
		rc, err := f.Open()
		if err != nil {
			return nil, nil, err
		}
		sheet, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			return nil, nil, err
		}
		end := bytes.LastIndex(sheet, []byte("</sheetData>"))
		if end < 0 {
			return nil, nil, errNoSheetData
		}
		last := "Q" + strconv.Itoa(len(r.Rows)+1)
		head := bytes.Replace(sheet[:end], []byte(`<dimension ref="A1:Q1"/>`), []byte(`<dimension ref="A1:`+last+`"/>`), 1)
		var raw []byte
		var fh *zip.FileHeader
		raw, fh, next = r.compressSheet(f.Name, head, sh, int32(off), sheet[end:], prev)
		w, err := zw.CreateRaw(fh)
		if err != nil {
			return nil, nil, err
		}
		if _, err := w.Write(raw); err != nil {
			return nil, nil, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, nil, err
	}
	return out.Bytes(), next, nil
}

type sheetError string

func (e sheetError) Error() string { return string(e) }

const errNoSheetData = sheetError("register.xlsx: the register sheet has no sheetData")

// appendSheetRows appends rows from to to (not included) as
// SpreadsheetML, row i as the sheet's row i+2 (row 1 is the header): the
// texts a row alone has (document, title, addresses) inline, the repeated
// ones from sh, whose first text is at off in the shared-string table.
func (r *Register) appendSheetRows(b []byte, sh *shared, off int32, from, to int) []byte {
	for i := from; i < to; i++ {
		row := &r.Rows[i]
		c := sh.cells[i*sharedCols : (i+1)*sharedCols]
		b = append(b, `<row r="`...)
		b = strconv.AppendInt(b, int64(i+2), 10)
		b = append(b, `">`...)
		b = xmlText(b, row.Key)
		b = sh.cell(b, c[0], off) // language
		b = sh.cell(b, c[1], off) // type
		b = xmlText(b, row.Title)
		for _, k := range c[2:9] { // date, period, the lists, wp_task
			b = sh.cell(b, k, off)
		}
		b = xmlText(b, row.URL)
		b = xmlText(b, row.BriefURL)
		if row.Size > 0 {
			b = append(b, `<c><v>`...)
			b = strconv.AppendInt(b, int64(row.Pages), 10)
			b = append(b, `</v></c><c><v>`...)
			b = strconv.AppendInt(b, row.Size, 10)
			b = append(b, `</v></c>`...)
		} else {
			b = append(b, `<c/><c/>`...)
		}
		b = sh.cell(b, c[9], off) // translation
		if row.Complete {
			b = append(b, `<c t="b"><v>1</v></c></row>`...)
		} else {
			b = append(b, `<c t="b"><v>0</v></c></row>`...)
		}
	}
	return b
}

// xmlSpecial marks the bytes xmlEscape looks at: controls, &, <, > and
// 0xEF, which begins U+FFFE and U+FFFF.
var xmlSpecial = func() (t [256]bool) {
	for c := range 0x20 {
		t[c] = true
	}
	t['&'], t['<'], t['>'], t[0xEF] = true, true, true, true
	return t
}()

// hasBreak reports whether s holds a tab or a line end, which XML drops
// from a text unless told to keep its spaces.
func hasBreak(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c == '\t' || c == '\n' || c == '\r' {
			return true
		}
	}
	return false
}

// xmlText writes s as an inline-string cell (an empty cell for ""): see
// xmlT.
func xmlText(b []byte, s string) []byte {
	if s == "" {
		return append(b, `<c/>`...)
	}
	b = append(b, `<c t="inlineStr"><is>`...)
	b = xmlT(b, s)
	return append(b, `</is></c>`...)
}

// xmlT writes s as a text element: escaped for XML, characters XML 1.0
// cannot hold replaced by U+FFFD, spaces at its ends kept.
func xmlT(b []byte, s string) []byte {
	b = append(b, `<t`...)
	if s != "" && (s[0] == ' ' || s[len(s)-1] == ' ' || hasBreak(s)) {
		b = append(b, ` xml:space="preserve"`...)
	}
	b = append(b, '>')
	b = xmlEscape(b, s)
	return append(b, `</t>`...)
}

// xmlEscape appends s escaped for XML text, characters XML 1.0 cannot
// hold replaced by U+FFFD.
func xmlEscape(b []byte, s string) []byte {
	if utf8.ValidString(s) {
		// Valid UTF-8 (nearly every text): only the bytes xmlSpecial
		// marks need a look.
		start := 0
		for i := 0; i < len(s); i++ {
			c := s[i]
			if !xmlSpecial[c] {
				continue
			}
			var rep string
			switch c {
			case '&':
				rep = "&amp;"
			case '<':
				rep = "&lt;"
			case '>':
				rep = "&gt;"
			case '\t', '\n':
				continue
			case '\r':
				rep = "&#13;"
			case 0xEF:
				// U+FFFE and U+FFFF are EF BF BE and EF BF BF.
				if i+2 >= len(s) || s[i+1] != 0xBF || s[i+2] < 0xBE {
					continue
				}
				b = append(b, s[start:i]...)
				b = append(b, "\uFFFD"...)
				i += 2
				start = i + 1
				continue
			default:
				rep = "\uFFFD"
			}
			b = append(b, s[start:i]...)
			b = append(b, rep...)
			start = i + 1
		}
		return append(b, s[start:]...)
	}
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c >= 0x20 && c < utf8.RuneSelf && c != '&' && c != '<' && c != '>' {
			i++
			continue
		}
		var rep string
		size := 1
		switch {
		case c == '&':
			rep = "&amp;"
		case c == '<':
			rep = "&lt;"
		case c == '>':
			rep = "&gt;"
		case c == '\t' || c == '\n':
			i++
			continue
		case c == '\r':
			rep = "&#13;" // a bare CR would be read as a line end
		case c < 0x20:
			rep = "\uFFFD"
		default:
			var r rune
			r, size = utf8.DecodeRuneInString(s[i:])
			if !(r == utf8.RuneError && size == 1 || r == 0xFFFE || r == 0xFFFF) {
				i += size
				continue
			}
			rep = "\uFFFD"
		}
		b = append(b, s[start:i]...)
		b = append(b, rep...)
		i += size
		start = i
	}
	return append(b, s[start:]...)
}
