package schema

import (
	"strconv"
	"strings"
	"time"

	"github.com/4im-project/dissem/builder/content"
	"github.com/4im-project/dissem/builder/diag"
)

// field is one front-matter field: the types that accept it and how to decode it.
type field struct {
	name     string
	types    []string // nil: every type
	required []string // types that require it
	decode   func(name string, v *content.Value, m *Meta, d *diag.List)
}

var all = Types

// fields is the schema, in code: one line per field.
var fields = []field{
	{"title", nil, all, str(func(m *Meta) *string { return &m.Title })},
	{"summary", nil, all, str(func(m *Meta) *string { return &m.Summary })},
	{"date", nil, all, date(func(m *Meta) *time.Time { return &m.Date })},
	{"lastmod", nil, nil, date(func(m *Meta) *time.Time { return &m.Lastmod })},
	{"publish_date", nil, nil, date(func(m *Meta) *time.Time { return &m.PublishDate })},
	{"expiry_date", nil, nil, date(func(m *Meta) *time.Time { return &m.ExpiryDate })},
	{"authors", nil, nil, strList(func(m *Meta) *[]string { return &m.Authors })},
	{"partners", nil, nil, strList(func(m *Meta) *[]string { return &m.Partners })},
	{"cities", nil, nil, strList(func(m *Meta) *[]string { return &m.Cities })},
	{"topics", nil, nil, strList(func(m *Meta) *[]string { return &m.Topics })},
	{"wp_task", nil, nil, str(func(m *Meta) *string { return &m.WPTask })},
	{"draft", nil, nil, boolean(func(m *Meta) *bool { return &m.Draft })},
	{"translated_from", nil, nil, str(func(m *Meta) *string { return &m.TranslatedFrom })},
	{"slug", nil, nil, slug},
	{"translationKey", nil, nil, str(func(m *Meta) *string { return &m.TranslationKey })},
	{"image", nil, nil, str(func(m *Meta) *string { return &m.Image })},
	{"image_alt", nil, nil, str(func(m *Meta) *string { return &m.ImageAlt })},
	{"image_credit", nil, nil, str(func(m *Meta) *string { return &m.ImageCredit })},
	{"brief", nil, nil, boolean(func(m *Meta) *bool { return &m.Brief })},
	{"attachments", nil, nil, withItemPos(strList(func(m *Meta) *[]string { return &m.Attachments }))},
	{"gallery", nil, nil, gallery},
	{"video", nil, nil, video},
	{"type", nil, nil, func(string, *content.Value, *Meta, *diag.List) {}}, // read before the others
	{"doi", nil, nil, doi},                    // cite.go
	{"report_number", nil, nil, reportNumber}, // cite.go
	{"licence", nil, nil, licence},            // cite.go

	{"city", []string{CaseStudy}, []string{CaseStudy}, str(func(m *Meta) *string { return &m.City })},
	{"country", []string{CaseStudy}, []string{CaseStudy}, str(func(m *Meta) *string { return &m.Country })},
	{"period", []string{CaseStudy}, []string{CaseStudy}, period},
	{"outcomes", []string{CaseStudy}, nil, strList(func(m *Meta) *[]string { return &m.Outcomes })},
	{"indicators", []string{CaseStudy}, nil, indicators},

	{"audience", []string{Guide}, []string{Guide}, str(func(m *Meta) *string { return &m.Audience })},
	{"toolkit", []string{Guide}, nil, str(func(m *Meta) *string { return &m.Toolkit })},
	{"order", []string{Guide}, nil, integer(func(m *Meta) *int { return &m.Order })},
	{"steps", []string{Guide}, nil, strList(func(m *Meta) *[]string { return &m.Steps })},

	{"recommendations", []string{PolicyPaper}, []string{PolicyPaper}, nonEmpty(strList(func(m *Meta) *[]string { return &m.Recommendations }))},

	{"event_date", []string{EventReport}, []string{EventReport}, date(func(m *Meta) *time.Time { return &m.EventDate })},
	{"location", []string{EventReport}, []string{EventReport}, str(func(m *Meta) *string { return &m.Location })},
	{"participants", []string{EventReport}, nil, integer(func(m *Meta) *int { return &m.Participants })},
	{"organisers", []string{EventReport}, nil, strList(func(m *Meta) *[]string { return &m.Organisers })},
	{"event_end", []string{EventReport}, nil, date(func(m *Meta) *time.Time { return &m.EventEnd })},
}

func wrongType(v *content.Value, d *diag.List, name, want, example string) {
	got := v.Kind.String()
	if v.Kind == content.Scalar {
		got = strconv.Quote(v.Text)
	}
	d.Errorf(v.Pos, "field %q: want %s like %s, got %s", name, want, example, got)
}

func scalar(v *content.Value, d *diag.List, name, want, example string) (string, bool) {
	if v.Kind != content.Scalar {
		wrongType(v, d, name, want, example)
		return "", false
	}
	return v.Text, true
}

func str(ptr func(*Meta) *string) func(string, *content.Value, *Meta, *diag.List) {
	return func(name string, v *content.Value, m *Meta, d *diag.List) {
		if s, ok := scalar(v, d, name, "a text", `"Miskolc"`); ok {
			*ptr(m) = strings.TrimSpace(s)
		}
	}
}

func slug(name string, v *content.Value, m *Meta, d *diag.List) {
	s, ok := scalar(v, d, "slug", "a URL name", `"household-survey"`)
	if !ok {
		return
	}
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-') {
			d.Errorf(v.Pos, "field \"slug\": use only lower-case letters a-z, digits and hyphens, got %q", s)
			return
		}
	}
	m.Slug = s
}

func boolean(ptr func(*Meta) *bool) func(string, *content.Value, *Meta, *diag.List) {
	return func(name string, v *content.Value, m *Meta, d *diag.List) {
		s, ok := scalar(v, d, name, "true or false", "true")
		if !ok {
			return
		}
		switch s {
		case "true":
			*ptr(m) = true
		case "false":
			*ptr(m) = false
		default:
			wrongType(v, d, name, "true or false", "true")
		}
	}
}

func integer(ptr func(*Meta) *int) func(string, *content.Value, *Meta, *diag.List) {
	return func(name string, v *content.Value, m *Meta, d *diag.List) {
		s, ok := scalar(v, d, name, "a whole number", "12")
		if !ok {
			return
		}
		n, err := strconv.Atoi(s)
		if err != nil || v.Quoted {
			wrongType(v, d, name, "a whole number", "12")
			return
		}
		*ptr(m) = n
	}
}

// ParseDate accepts 2024-05-31 and RFC 3339 (2024-05-31T10:00:00+02:00).
func ParseDate(s string) (time.Time, error) {
	if t, err := time.Parse("2006-01-02", s); err == nil {
		return t, nil
	}
	return time.Parse(time.RFC3339, s)
}

func date(ptr func(*Meta) *time.Time) func(string, *content.Value, *Meta, *diag.List) {
	return func(name string, v *content.Value, m *Meta, d *diag.List) {
		if t, ok := dateValue(v, d, name); ok {
			*ptr(m) = t
		}
	}
}

func dateValue(v *content.Value, d *diag.List, name string) (time.Time, bool) {
	if t, ok := v.Native.(time.Time); ok {
		return t, true
	}
	s, ok := scalar(v, d, name, "a date", "2024-05-31")
	if !ok {
		return time.Time{}, false
	}
	t, err := ParseDate(s)
	if err != nil {
		d.Errorf(v.Pos, "field %q: want a date like 2024-05-31, got %q", name, s)
		return time.Time{}, false
	}
	return t, true
}

func strList(ptr func(*Meta) *[]string) func(string, *content.Value, *Meta, *diag.List) {
	return func(name string, v *content.Value, m *Meta, d *diag.List) {
		if v.Kind != content.List {
			wrongType(v, d, name, "a list", `["a", "b"]`)
			return
		}
		out := make([]string, 0, len(v.Items))
		for _, it := range v.Items {
			if s, ok := scalar(it, d, name, "a text in each item", `"Miskolc"`); ok {
				out = append(out, strings.TrimSpace(s))
			}
		}
		*ptr(m) = out
	}
}

// withItemPos records where each item of a list field was written, as Pos
// "attachments.0", "attachments.1", …: the front matter is dropped after
// validation, and a missing attachment is reported at its own item.
func withItemPos(dec func(string, *content.Value, *Meta, *diag.List)) func(string, *content.Value, *Meta, *diag.List) {
	return func(name string, v *content.Value, m *Meta, d *diag.List) {
		dec(name, v, m, d)
		for i, it := range v.Items {
			m.Pos[name+"."+strconv.Itoa(i)] = it.Pos
		}
	}
}

func nonEmpty(dec func(string, *content.Value, *Meta, *diag.List)) func(string, *content.Value, *Meta, *diag.List) {
	return func(name string, v *content.Value, m *Meta, d *diag.List) {
		if v.Kind == content.List && len(v.Items) == 0 {
			d.Errorf(v.Pos, "field %q: want at least one item", name)
			return
		}
		dec(name, v, m, d)
	}
}

func period(name string, v *content.Value, m *Meta, d *diag.List) {
	if v.Kind != content.Map {
		wrongType(v, d, "period", "a start and an end", "{start: 2021-11-01, end: 2023-10-31}")
		return
	}
	for _, k := range []string{"start", "end"} {
		f := v.Get(k)
		if f == nil {
			d.Errorf(v.Pos, "field \"period\": missing %q; write {start: 2021-11-01, end: 2023-10-31}", k)
			continue
		}
		if t, ok := dateValue(f, d, "period."+k); ok {
			if k == "start" {
				m.Period.Start = t
			} else {
				m.Period.End = t
			}
		}
	}
	if !m.Period.Start.IsZero() && !m.Period.End.IsZero() && m.Period.End.Before(m.Period.Start) {
		d.Errorf(v.Pos, "field \"period\": end %s is before start %s", m.Period.End.Format("2006-01-02"), m.Period.Start.Format("2006-01-02"))
	}
}

func indicators(name string, v *content.Value, m *Meta, d *diag.List) {
	if v.Kind != content.List {
		wrongType(v, d, "indicators", "a list", "[{name: Households reached, value: 120, target: 100}]")
		return
	}
	for i, it := range v.Items {
		if it.Kind != content.Map {
			wrongType(it, d, "indicators", "items with name, value and target", "{name: Households reached, value: 120, target: 100}")
			continue
		}
		var ind Indicator
		for _, k := range []string{"name", "value", "target"} {
			f := it.Get(k)
			if f == nil {
				if k != "target" {
					d.Errorf(it.Pos, "field \"indicators\": item %d has no %q", i+1, k)
				}
				continue
			}
			s, ok := scalar(f, d, "indicators."+k, "a text", `"80%"`)
			if !ok {
				continue
			}
			switch k {
			case "name":
				ind.Name = s
			case "value":
				ind.Value = s
			case "target":
				ind.Target = s
			}
		}
		m.Indicators = append(m.Indicators, ind)
	}
}
