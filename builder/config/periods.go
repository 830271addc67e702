package config

import (
	"fmt"
	"strconv"
	"time"

	"github.com/4im-project/dissem/builder/diag"
)

// Period is one reporting period of the project, as the grant agreement
// names it ("RP1", from 2021-11-01 to 2022-04-30, both days included).
type Period struct {
	Name  string `yaml:"name"`
	Start string `yaml:"start"`
	End   string `yaml:"end"`
	// From and To are Start and End read as dates (set by Parse).
	From, To time.Time `yaml:"-"`
}

// checkPeriods reads each reporting period's dates and reports a period
// without a name, a date that is not YYYY-MM-DD, an end before its start,
// a name used twice and periods that overlap (a document would count twice).
func (c *Config) checkPeriods(diags *diag.List) {
	names := map[string]bool{}
	for i := range c.ReportingPeriods {
		p := &c.ReportingPeriods[i]
		item := "reportingPeriods." + strconv.Itoa(i)
		label := fmt.Sprintf("field \"reportingPeriods\", item %d", i+1)
		ok := true
		if p.Name == "" {
			diags.Errorf(c.Pos(item), "%s: give the period a name, like {name: RP1, start: 2021-11-01, end: 2022-04-30}", label)
			ok = false
		} else if names[p.Name] {
			diags.Errorf(c.Pos(item+".name"), "%s: the name %q is used twice; give each period its own", label, p.Name)
		}
		names[p.Name] = true
		for _, f := range []struct {
			key string
			val string
			t   *time.Time
		}{{"start", p.Start, &p.From}, {"end", p.End, &p.To}} {
			// A date left out has no position of its own: point at its period.
			if f.val == "" {
				diags.Errorf(c.Pos(item), "%s: give the period its %s date, like %s: 2022-04-30", label, f.key, f.key)
				ok = false
				continue
			}
			t, err := time.Parse("2006-01-02", f.val)
			if err != nil {
				diags.Errorf(c.Pos(item+"."+f.key), "%s, %q: want a date written YYYY-MM-DD, like 2021-11-01, got %q", label, f.key, f.val)
				ok = false
				continue
			}
			*f.t = t
		}
		if !ok {
			continue
		}
		if p.To.Before(p.From) {
			diags.Errorf(c.Pos(item+".end"), "%s: the period ends (%s) before it starts (%s)", label, p.End, p.Start)
			continue
		}
		for j := range i {
			q := c.ReportingPeriods[j]
			if !q.From.IsZero() && !q.To.IsZero() && !p.From.After(q.To) && !q.From.After(p.To) {
				diags.Errorf(c.Pos(item), "%s: %s overlaps %s (%s to %s); a document would count in both, so let one end before the next starts", label, p.Name, q.Name, q.Start, q.End)
				break
			}
		}
	}
}

// PeriodOf returns the name of the reporting period t falls in: a
// configured period's, or else its calendar quarter ("2022-Q1"). With
// periods configured, a date outside all of them has none ("").
func (c *Config) PeriodOf(t time.Time) string {
	if len(c.ReportingPeriods) == 0 {
		return fmt.Sprintf("%d-Q%d", t.Year(), (int(t.Month())+2)/3)
	}
	d := time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
	for _, p := range c.ReportingPeriods {
		if !d.Before(p.From) && !d.After(p.To) {
			return p.Name
		}
	}
	return ""
}
