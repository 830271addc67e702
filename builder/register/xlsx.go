package register

import (
	"bytes"

	"github.com/xuri/excelize/v2"
)

// Sheet names of register.xlsx.
const (
	SheetRegister = "Register"
	SheetTypes    = "By type and language"
	SheetPartners = "By partner"
	SheetPeriods  = "By period"
)

// fixedTime stands for "now" in the workbook's properties: the same
// content gives the same bytes.
const fixedTime = "2000-01-01T00:00:00Z"

// XLSX is the register as an Excel workbook, made with excelize: the rows
// on the first sheet (see withRows: texts as inline strings, which a
// spreadsheet never evaluates, so a title beginning with "=" stays text;
// numbers as numbers), and a sheet for each count. Its properties carry a fixed date and the zip entries no
// times, so the same content gives the same bytes.
func (r *Register) XLSX() ([]byte, error) {
	b, _, err := r.XLSXReusing(nil)
	return b, err
}

// XLSXReusing is XLSX, taking the register sheet's compressed pieces that
// prev (an earlier workbook's, or nil) has rather than compressing them
// again, and returning this workbook's for the next: after an edit of a
// few rows most pieces are as they were, and compressing the sheet's 16
// MB of XML is half the workbook's time at N = 10,000. The bytes are the
// same whatever prev holds.
func (r *Register) XLSXReusing(prev *SheetChunks) ([]byte, *SheetChunks, error) {
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetDocProps(&excelize.DocProperties{Created: fixedTime, Modified: fixedTime, Creator: "dissem",
		LastModifiedBy: "dissem", Title: "Register of outputs", Language: "en"}); err != nil {
		return nil, nil, err
	}
	if err := f.SetSheetName("Sheet1", SheetRegister); err != nil {
		return nil, nil, err
	}
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	if err != nil {
		return nil, nil, err
	}
	if err := r.writeHeader(f, bold); err != nil {
		return nil, nil, err
	}
	// The counts are small: written cell by cell.
	var tables [][][]any
	head := []any{"type", "documents"}
	for _, l := range r.Langs {
		head = append(head, l)
	}
	types := [][]any{head}
	for _, tc := range r.ByTypeLang() {
		line := []any{tc.Type, tc.Docs}
		for _, n := range tc.ByLang {
			line = append(line, n)
		}
		types = append(types, line)
	}
	partners := [][]any{{"language", "partner", "documents"}}
	for _, l := range r.Langs {
		for _, c := range r.ByPartner(l) {
			partners = append(partners, []any{l, c.Label, c.N})
		}
	}
	counts, outside := r.ByPeriod()
	periods := [][]any{{"period", "documents"}}
	for _, c := range counts {
		periods = append(periods, []any{c.Label, c.N})
	}
	if outside > 0 {
		periods = append(periods, []any{"outside the periods", outside})
	}
	tables = append(tables, types, partners, periods)
	for i, name := range []string{SheetTypes, SheetPartners, SheetPeriods} {
		if _, err := f.NewSheet(name); err != nil {
			return nil, nil, err
		}
		for y, line := range tables[i] {
			for x, v := range line {
				cell, _ := excelize.CoordinatesToCellName(x+1, y+1)
				if err := f.SetCellValue(name, cell, v); err != nil {
					return nil, nil, err
				}
			}
		}
		last, _ := excelize.CoordinatesToCellName(len(tables[i][0]), 1)
		if err := f.SetCellStyle(name, "A1", last, bold); err != nil {
			return nil, nil, err
		}
		if err := f.SetColWidth(name, "A", "B", 24); err != nil {
			return nil, nil, err
		}
	}
	var b bytes.Buffer
	if _, err := f.WriteTo(&b); err != nil {
		return nil, nil, err
	}
	return r.withRows(b.Bytes(), prev)
}

// widths are the columns' widths on the register sheet, in characters.
var widths = []float64{28, 9, 14, 50, 11, 9, 10, 30, 16, 30, 8, 50, 50, 11, 11, 11, 9}

// writeHeader writes the register sheet's header, column widths and
// frozen first row; withRows adds the rows.
func (r *Register) writeHeader(f *excelize.File, bold int) error {
	for i, w := range widths {
		col, _ := excelize.ColumnNumberToName(i + 1)
		if err := f.SetColWidth(SheetRegister, col, col, w); err != nil {
			return err
		}
	}
	if err := f.SetPanes(SheetRegister, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	head := make([]any, len(Columns))
	for i, c := range Columns {
		head[i] = c
	}
	if err := f.SetSheetRow(SheetRegister, "A1", &head); err != nil {
		return err
	}
	last, _ := excelize.CoordinatesToCellName(len(Columns), 1)
	return f.SetCellStyle(SheetRegister, "A1", last, bold)
}
