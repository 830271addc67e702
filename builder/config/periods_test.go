package config

import (
	"strings"
	"testing"
	"time"
)

// TestReportingPeriods checks each mistake an editor can make in
// reportingPeriods, word for word, and where the period of a date is found.
func TestReportingPeriods(t *testing.T) {
	src := `title: {en: x}
baseURL: https://x.org/
languages: [{code: en, name: English}]
reportingPeriods:
  - {name: RP1, start: 2021-11-01, end: 2022-04-30}
  - {name: RP2, start: 2022-04-30, end: 2022-10-31}
  - {name: RP3, start: 2023-13-01, end: 2022-10-31}
  - {start: 2021-11-01, end: 2021-12-01}
  - {name: RP1, start: 2024-01-01, end: 2023-01-01}
`
	_, diags := Parse("site.yaml", []byte(src))
	want := []string{
		`site.yaml:6:5: field "reportingPeriods", item 2: RP2 overlaps RP1 (2021-11-01 to 2022-04-30); a document would count in both, so let one end before the next starts`,
		`site.yaml:7:24: field "reportingPeriods", item 3, "start": want a date written YYYY-MM-DD, like 2021-11-01, got "2023-13-01"`,
		`site.yaml:8:5: field "reportingPeriods", item 4: give the period a name, like {name: RP1, start: 2021-11-01, end: 2022-04-30}`,
		`site.yaml:9:12: field "reportingPeriods", item 5: the name "RP1" is used twice; give each period its own`,
		`site.yaml:9:41: field "reportingPeriods", item 5: the period ends (2023-01-01) before it starts (2024-01-01)`,
	}
	var got []string
	for _, d := range diags {
		got = append(got, d.String())
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestPeriodOf(t *testing.T) {
	day := func(s string) time.Time { d, _ := time.Parse("2006-01-02", s); return d }
	quarters := &Config{}
	periods, diags := Parse("site.yaml", []byte("title: {en: x}\nbaseURL: https://x.org/\nlanguages: [{code: en, name: English}]\n"+
		"reportingPeriods: [{name: RP1, start: 2021-11-01, end: 2022-04-30}, {name: RP2, start: 2022-05-01, end: 2022-10-31}]\n"))
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	for _, c := range []struct {
		cfg  *Config
		date string
		want string
	}{
		{quarters, "2022-01-01", "2022-Q1"},
		{quarters, "2022-03-31", "2022-Q1"},
		{quarters, "2022-04-01", "2022-Q2"},
		{quarters, "2023-12-31", "2023-Q4"},
		{periods, "2021-11-01", "RP1"},
		{periods, "2022-04-30", "RP1"},
		{periods, "2022-05-01", "RP2"},
		{periods, "2022-10-31", "RP2"},
		{periods, "2022-11-01", ""},
		{periods, "2021-10-31", ""},
	} {
		if got := c.cfg.PeriodOf(day(c.date)); got != c.want {
			t.Errorf("PeriodOf(%s) = %q, want %q", c.date, got, c.want)
		}
	}
}
