package render

import (
	"html/template"
	"strings"
	"time"

	"github.com/4im-project/dissem/builder/register"
	"github.com/4im-project/dissem/builder/resolve"
	"github.com/4im-project/dissem/builder/schema"
)

// WithRegister returns a Renderer of the same templates whose register
// pages show reg, the register of outputs.
func (r *Renderer) WithRegister(reg *register.Register) *Renderer {
	return &Renderer{parsed: r.parsed, downloads: r.downloads, register: reg}
}

// Licence is the licence a page states: the words and the address of the
// licence's text.
type Licence struct{ Text, URL string }

// Licence is the page's licence: a document's own (front matter
// "licence"), else the site's (site.yaml "licence" in the page's language,
// linked to "licenceURL"). The footer states it on every page.
func (v *View) Licence() Licence {
	cfg := v.r.site.Config
	site := schema.LicenceOf(cfg, nil)
	var meta *schema.Meta
	if v.Kind == resolve.KindDocument {
		meta = v.Meta
	}
	l := schema.LicenceOf(cfg, meta)
	if text := cfg.Licence[v.Lang]; text != "" && l.URL == site.URL {
		return Licence{Text: v.Typo(text), URL: l.URL}
	}
	if l.URL == "" {
		return Licence{}
	}
	return Licence{Text: v.Typo(strings.ReplaceAll(v.T("licence_named"), "{name}", l.Name)), URL: l.URL}
}

// IndicatorChart draws a case study's indicators that have numbers as
// bars against their targets, or "" when none has.
func (v *View) IndicatorChart() template.HTML {
	if v.Meta == nil {
		return ""
	}
	var bars []register.Bar
	for _, in := range register.ReadIndicators(v.Meta.Indicators, v.lang.Numbers) {
		if in.Chartable {
			bars = append(bars, v.indicatorBar(in.Name, in))
		}
	}
	if len(bars) == 0 {
		return ""
	}
	return register.Chart{ID: "indicators-chart", Title: v.T("indicators"), Desc: v.T("indicators_chart_desc"), Bars: bars}.SVG()
}

// indicatorBar is an indicator as a bar: its share of the target against
// a track of 100 %.
func (v *View) indicatorBar(label string, in register.Indicator) register.Bar {
	text := strings.NewReplacer("{value}", in.Value, "{target}", in.Target, "{percent}", v.Percent(in.Percent())).Replace(v.T("indicator_text"))
	return register.Bar{Label: v.Typo(label), Value: in.Percent(), Target: 100, Text: v.Typo(text)}
}

// Percent writes a share in per cent as the page's language does ("80%", "80 %").
func (v *View) Percent(p float64) string {
	digits := 0
	if p < 10 && p != float64(int(p)) {
		digits = 1
	}
	return strings.ReplaceAll(v.T("percent"), "{n}", v.lang.FormatDecimal(p, digits))
}

// Register is the register of outputs as the page's language shows it,
// or nil when the build made none.
func (v *View) Register() *RegisterView {
	if v.r.register == nil {
		return nil
	}
	return &RegisterView{v: v, reg: v.r.register}
}

// RegisterView is the register for one language's page.
type RegisterView struct {
	v   *View
	reg *register.Register
	// indicators are the case studies' indicators the page shows, and
	// earlierCases how many case studies with indicators it leaves out
	// (see Indicators); made once, for the chart and the table.
	indicators   []IndicatorRow
	earlierCases int
	indicated    bool
}

// Docs and Versions count the documents and their language versions.
func (rv *RegisterView) Docs() int     { return len(rv.reg.Docs) }
func (rv *RegisterView) Versions() int { return len(rv.reg.Rows) }

// Export is a download of the register.
type Export struct{ URL, Label, Type string }

// Exports are the register's files.
func (rv *RegisterView) Exports() []Export {
	base := rv.v.r.site.BasePath
	return []Export{
		{base + "register.xlsx", rv.v.T("register_xlsx"), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
		{base + "register.csv", rv.v.T("register_csv"), "text/csv"},
		{base + "register.json", rv.v.T("register_json"), "application/json"},
	}
}

// Langs are the names of the site's languages, in order.
func (rv *RegisterView) Langs() []string {
	names := make([]string, len(rv.reg.Langs))
	for i, l := range rv.reg.Langs {
		names[i] = rv.v.LangName(l)
	}
	return names
}

// CountRow is one line of a counts table, its numbers formatted.
type CountRow struct {
	Label string
	N     []string
}

// TypeRows are the counts by type: language versions per language, then documents.
func (rv *RegisterView) TypeRows() []CountRow {
	var rows []CountRow
	for _, tc := range rv.reg.ByTypeLang() {
		row := CountRow{Label: rv.v.TypeLabel(tc.Type)}
		for _, n := range tc.ByLang {
			row.N = append(row.N, rv.v.Number(n))
		}
		rows = append(rows, CountRow{Label: row.Label, N: append(row.N, rv.v.Number(tc.Docs))})
	}
	return rows
}

// LangTotals are the language versions per language, then all documents.
func (rv *RegisterView) LangTotals() []string {
	var out []string
	for _, n := range rv.reg.ByLang() {
		out = append(out, rv.v.Number(n))
	}
	return append(out, rv.v.Number(len(rv.reg.Docs)))
}

// TypeChart draws the documents of each type.
func (rv *RegisterView) TypeChart() template.HTML {
	var bars []register.Bar
	for _, tc := range rv.reg.ByTypeLang() {
		bars = append(bars, rv.countBar(rv.v.TypeLabel(tc.Type), tc.Docs))
	}
	return rv.chart("chart-types", "register_by_type", bars)
}

// maxBars is how many partners a chart draws; the table lists them all.
const maxBars = 20

// Partners are the counts by partner, in the page's language's names.
func (rv *RegisterView) Partners() []CountRow { return rv.rows(rv.reg.ByPartner(rv.v.Lang)) }

// PartnerChart draws the documents of each partner (the maxBars with most).
func (rv *RegisterView) PartnerChart() template.HTML {
	counts := rv.reg.ByPartner(rv.v.Lang)
	return rv.chart("chart-partners", "register_by_partner", rv.bars(counts[:min(len(counts), maxBars)]))
}

// Periods are the counts by reporting period.
func (rv *RegisterView) Periods() []CountRow {
	counts, _ := rv.reg.ByPeriod()
	return rv.rows(counts)
}

// Outside is how many documents fall in no reporting period.
func (rv *RegisterView) Outside() int {
	_, n := rv.reg.ByPeriod()
	return n
}

// PeriodChart draws the documents of each reporting period.
func (rv *RegisterView) PeriodChart() template.HTML {
	counts, _ := rv.reg.ByPeriod()
	return rv.chart("chart-periods", "register_by_period", rv.bars(counts))
}

func (rv *RegisterView) rows(counts []register.Count) []CountRow {
	out := make([]CountRow, len(counts))
	for i, c := range counts {
		out[i] = CountRow{Label: rv.v.Typo(c.Label), N: []string{rv.v.Number(c.N)}}
	}
	return out
}

func (rv *RegisterView) bars(counts []register.Count) []register.Bar {
	out := make([]register.Bar, len(counts))
	for i, c := range counts {
		out[i] = rv.countBar(rv.v.Typo(c.Label), c.N)
	}
	return out
}

func (rv *RegisterView) countBar(label string, n int) register.Bar {
	return register.Bar{Label: label, Value: float64(n), Text: rv.v.Number(n)}
}

// chart is a chart titled by UI string key, described by key+"_desc".
func (rv *RegisterView) chart(id, key string, bars []register.Bar) template.HTML {
	if len(bars) == 0 {
		return ""
	}
	return register.Chart{ID: id, Title: rv.v.T(key), Desc: rv.v.T(key + "_desc"), Bars: bars}.SVG()
}

// IndicatorRow is one case study's indicator on the register.
type IndicatorRow struct {
	CaseStudy, URL, Lang string
	Name, Value, Target  string
	Percent              string
	Chartable            bool
	indicator            register.Indicator
}

// pageCaseStudies is how many case studies' indicators the page shows,
// the latest: at a thousand case studies the chart was 400,000 pixels
// tall and the page 3 MB in each language, which no reader scrolls and a
// phone chokes on; each case study shows its own on its page.
const pageCaseStudies = 20

// Indicators are the indicators of the latest pageCaseStudies case
// studies that have any, oldest first, each case study in the page's
// language when it has it.
func (rv *RegisterView) Indicators() []IndicatorRow {
	if rv.indicated {
		return rv.indicators
	}
	rv.indicated = true
	rows := rv.docRows()
	// From the newest back, so that only the case studies shown are read.
	var shown []*register.Row
	for i := len(rows) - 1; i >= 0; i-- {
		row := rows[i]
		if row.Type != schema.CaseStudy || len(row.Page.Meta.Indicators) == 0 {
			continue
		}
		if len(shown) == pageCaseStudies {
			rv.earlierCases++
			continue
		}
		shown = append(shown, row)
	}
	for k := len(shown) - 1; k >= 0; k-- {
		p := shown[k].Page
		lang := rv.v.r.cat.Lang(p.Lang)
		for _, in := range register.ReadIndicators(p.Meta.Indicators, lang.Numbers) {
			ir := IndicatorRow{CaseStudy: lang.Typeset(p.Title), URL: p.URL, Lang: p.Lang, Name: lang.Typeset(in.Name),
				Value: lang.Typeset(in.Value), Target: lang.Typeset(in.Target), Chartable: in.Chartable, indicator: in}
			if in.Chartable {
				ir.Percent = rv.v.Percent(in.Percent())
			}
			rv.indicators = append(rv.indicators, ir)
		}
	}
	return rv.indicators
}

// EarlierCaseStudies is how many case studies with indicators Indicators
// leaves out.
func (rv *RegisterView) EarlierCaseStudies() int {
	rv.Indicators()
	return rv.earlierCases
}

// IndicatorChart draws the indicators the page shows (Indicators) against
// their targets.
func (rv *RegisterView) IndicatorChart() template.HTML {
	var bars []register.Bar
	for _, in := range rv.Indicators() {
		if in.Chartable {
			// Already typeset in the case study's language.
			b := rv.v.indicatorBar("", in.indicator)
			b.Label = in.CaseStudy + ": " + in.Name
			bars = append(bars, b)
		}
	}
	return rv.chart("chart-indicators", "register_indicators", bars)
}

// pageRows is how many documents the page lists: a site of thousands has
// its register in the downloads, and a page of that length helps no one.
const pageRows = 500

// Output is a document as the register's list shows it, its texts ready
// to print: the list has up to 500 rows in each language, and each
// function the template would call for a row (ne, ISODate, FormatDate,
// DownloadLabel) is a reflective call.
type Output struct {
	Title, URL, Lang, Type, Period string
	// Foreign is true when the document is not in the page's language
	// (the title's link then says which it is in).
	Foreign bool
	Date    time.Time
	// ISODate and DateText are Date for the datetime attribute and as the
	// page's language writes it.
	ISODate, DateText string
	// Versions link the document's languages; Stale marks a translation
	// made from an older source text.
	Versions []Version
	Brief    *resolve.Download
	// BriefLabel is the brief's kind, pages and size ("PDF, 12 pages, 1.2 MB").
	BriefLabel string
}

// Version is one language of an output.
type Version struct {
	Lang, Name, URL string
	Stale           bool
}

// docRows are each document's row in the page's language, else its first.
func (rv *RegisterView) docRows() []*register.Row {
	out := make([]*register.Row, len(rv.reg.Docs))
	for i, d := range rv.reg.Docs {
		pick := d.Rows[0]
		for _, j := range d.Rows {
			if rv.reg.Rows[j].Lang == rv.v.Lang {
				pick = j
			}
		}
		out[i] = &rv.reg.Rows[pick]
	}
	return out
}

// Outputs lists the documents (the latest pageRows of them), oldest first.
func (rv *RegisterView) Outputs() []Output {
	rows := rv.docRows()
	start := max(0, len(rows)-pageRows)
	out := make([]Output, 0, len(rows)-start)
	for i, row := range rows[start:] {
		d := rv.reg.Docs[start+i]
		p := row.Page
		o := Output{Title: rv.v.TypoIn(p.Lang, row.Title), URL: p.URL, Lang: p.Lang, Type: rv.v.TypeLabel(row.Type),
			Period: row.Period, Foreign: p.Lang != rv.v.Lang, Date: row.Date, ISODate: rv.v.ISODate(row.Date),
			DateText: rv.v.FormatDate(row.Date)}
		for _, j := range d.Rows {
			r := rv.reg.Rows[j]
			o.Versions = append(o.Versions, Version{Lang: r.Lang, Name: rv.v.LangName(r.Lang), URL: r.Page.URL, Stale: !r.Complete})
		}
		for _, dl := range rv.v.r.downloads[p] {
			if dl.Kind == "brief" || dl.Kind == "bundle" {
				o.Brief, o.BriefLabel = dl, rv.v.DownloadLabel(dl)
				break
			}
		}
		out = append(out, o)
	}
	return out
}

// Earlier is how many documents Outputs leaves out.
func (rv *RegisterView) Earlier() int { return max(0, len(rv.reg.Docs)-pageRows) }

// ReuseMay reports whether the reuse page may tell readers they may copy,
// adapt and share the site's documents: when the site's licence allows
// that to anyone (CC BY, CC BY-SA, CC0). Under a licence that forbids
// adaptations or commercial use, one dissem has no name for, or none,
// the licence (or "ask the publisher") is all the page says: it told
// readers "you may adapt them" and then "ask before you reuse".
func (v *View) ReuseMay() bool {
	switch schema.LicenceOf(v.r.site.Config, nil).ID {
	case "CC-BY-4.0", "CC-BY-SA-4.0", "CC0-1.0":
		return true
	}
	return false
}

// ReuseExample is the reuse page's example of a reference, in the page's
// language, with the site's publisher, title, address and licence.
func (v *View) ReuseExample() string {
	cfg := v.r.site.Config
	lic := schema.LicenceOf(cfg, nil).Name
	if lic == "" {
		lic = "–"
	}
	return v.Typo(strings.NewReplacer("{publisher}", cfg.PublisherIn(v.Lang), "{site}", v.SiteTitle(),
		"{url}", v.Abs(v.Home().URL), "{licence}", lic).Replace(v.T("reuse_cite_example")))
}
