//go:build e2e

package e2e

import (
	"encoding/xml"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// minFill is how far down every page but the last must carry text, as a
// share of the page's height: a box kept whole and pushed to the next page
// left page 1 of a case study two-thirds blank.
const minFill = 0.7

// TestPrintFillsPages prints every kind of document in every language as
// the browser would (A4, the print stylesheet) and fails when a page other
// than the last ends its text before minFill of its height.
func TestPrintFillsPages(t *testing.T) {
	need(t, "pdftotext (poppler-utils)", hasCommand("pdftotext"))
	ctx := tab(t)
	dir := t.TempDir()
	for _, lang := range []string{"en", "hu", "sk"} {
		for _, p := range pageKinds(t, lang) {
			if !strings.Contains(p.path, "/"+lang+"/") || strings.Count(p.path, "/") < 4 {
				continue // documents only: /en/case-studies/x/
			}
			open(t, ctx, p.path)
			res, err := chromedp.Call(ctx, page.PrintToPDF, page.PrintToPDFParams{PaperWidth: 8.27, PaperHeight: 11.69}) // A4
			pdf := res.Data
			if err != nil {
				t.Fatalf("%s: printing: %v", p.path, err)
			}
			file := filepath.Join(dir, strings.ReplaceAll(strings.Trim(p.path, "/"), "/", "_")+".pdf")
			if err := os.WriteFile(file, pdf, 0o644); err != nil {
				t.Fatal(err)
			}
			fills, err := pageFills(file)
			if err != nil {
				t.Fatalf("%s: %v", p.path, err)
			}
			for i, f := range fills[:len(fills)-1] {
				if f < minFill {
					t.Errorf("%s (%s) printed: page %d of %d has text down to %.0f%% of its height only, want at least %.0f%%", p.path, p.kind, i+1, len(fills), 100*f, 100*minFill)
				}
			}
		}
	}
}

// pageFills returns, for each page of a PDF, how far down its lowest word
// reaches, as a share of the page's height (pdftotext -bbox).
func pageFills(pdf string) ([]float64, error) {
	out, err := exec.Command("pdftotext", "-bbox", pdf, "-").Output()
	if err != nil {
		return nil, err
	}
	var doc struct {
		Pages []struct {
			Height float64 `xml:"height,attr"`
			Words  []struct {
				YMax float64 `xml:"yMax,attr"`
			} `xml:"word"`
		} `xml:"body>doc>page"`
	}
	d := xml.NewDecoder(strings.NewReader(string(out)))
	d.Strict = false
	d.AutoClose = xml.HTMLAutoClose
	d.Entity = xml.HTMLEntity
	if err := d.Decode(&doc); err != nil {
		return nil, err
	}
	var fills []float64
	for _, p := range doc.Pages {
		low := 0.0
		for _, w := range p.Words {
			low = max(low, w.YMax)
		}
		fills = append(fills, low/p.Height)
	}
	return fills, nil
}
