package site

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestRegisterPageIndicatorsCapped checks that the register page shows the
// indicators of the latest 20 case studies only, and says how many earlier
// case studies show theirs on their own pages: a site of a thousand case
// studies drew them all, one chart 400,000 pixels tall on a 3 MB page. The
// small site's case study (January 2023) and five of the 25 added after it
// are the earlier ones; a case study without indicators is not counted.
func TestRegisterPageIndicatorsCapped(t *testing.T) {
	src := t.TempDir()
	copyTree(t, "testdata/site", src)
	write := func(name, text string) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(src, "content/case-studies", name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for i := 1; i <= 25; i++ {
		write(fmt.Sprintf("pilot-%02d.en.md", i), fmt.Sprintf(`---
title: "Pilot %02d"
summary: "A pilot."
date: 2024-01-%02d
city: Miskolc
country: Hungary
period: {start: 2023-01-01, end: 2024-01-01}
indicators:
  - {name: "Households reached %02d", value: "%d", target: "100"}
  - {name: "Advisers trained %02d", value: "3", target: "4"}
---
Body.
`, i, i, i, 10*i, i))
	}
	// The newest case study has no indicators: not shown, not counted.
	write("no-indicators.en.md", `---
title: "No indicators"
summary: "A pilot without numbers."
date: 2024-02-01
city: Košice
country: Slovakia
period: {start: 2023-01-01, end: 2024-01-01}
---
Body.
`)
	dest := filepath.Join(t.TempDir(), "public")
	res, err := Build(Options{Source: src, Dest: dest, Now: fixedNow, NoBriefs: true, NoSearch: true, NoMinify: true, CacheDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	if res.Diags.HasErrors() {
		t.Fatal(res.Diags)
	}
	// Typography binds a number to its word with a no-break space.
	spaces := strings.NewReplacer("\u00a0", " ", "\u202f", " ")
	page := spaces.Replace(read(t, dest, "en/register/index.html"))
	start := strings.Index(page, `id="register-indicators"`)
	end := strings.Index(page, `id="register-all"`)
	if start < 0 || end < start {
		t.Fatal("the register page has no indicators section before the list")
	}
	section := page[start:end]
	if want := "6 earlier case studies show their indicators on their own pages."; !strings.Contains(section, want) {
		t.Errorf("the indicators section does not say %q", want)
	}
	for i := 1; i <= 25; i++ {
		shown := strings.Contains(section, fmt.Sprintf("Households reached %02d", i))
		if want := i > 5; shown != want {
			t.Errorf("Pilot %02d's indicators shown: %v, want %v", i, shown, want)
		}
	}
	for _, absent := range []string{"Tetemvár", "Households reached<", "No indicators"} {
		if strings.Contains(section, absent) {
			t.Errorf("the indicators section shows %q, an earlier case study or one without indicators", absent)
		}
	}
	// 20 case studies × 2 indicators, in the chart and in the table.
	if n := strings.Count(section, `class="chart-bar"`); n != 40 {
		t.Errorf("the chart has %d bars, want 40", n)
	}
	if n := strings.Count(section, `<th scope="row"`); n != 40 {
		t.Errorf("the table has %d rows, want 40", n)
	}
	// Oldest first, as the list below.
	if strings.Index(section, "Pilot 06") > strings.Index(section, "Pilot 25") {
		t.Error("the indicators are not oldest first")
	}
	hu := spaces.Replace(read(t, dest, "hu/register/index.html"))
	if want := "További 6 korábbi esettanulmány mutatói"; !strings.Contains(hu, want) {
		t.Errorf("the Hungarian register page does not say %q", want)
	}
}
