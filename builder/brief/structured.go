package brief

import (
	"strings"

	"github.com/4im-project/dissem/builder/i18n"
	"github.com/4im-project/dissem/builder/resolve"
	"github.com/4im-project/dissem/builder/schema"
)

// boxes returns a document's structured content as the brief shows it,
// near its start: a policy paper's key recommendations; a case study's key
// facts (city, period, outcomes, indicators); a guide's audience and
// steps; an event report's date, place, participants and organisers. The
// labels are the site's UI strings, so the brief says what the web page
// says.
func (s *Source) boxes(p *resolve.Page, m *Meta) []Box {
	lang := p.Lang
	li := s.Catalog.Lang(lang)
	t := func(key string) string { return s.Catalog.T(lang, key) }
	mt := p.Meta
	switch mt.Type {
	case schema.PolicyPaper:
		if len(mt.Recommendations) == 0 {
			return nil
		}
		return []Box{{Title: t("brief.recommendations"),
			Lists: []BoxList{{Items: typesetAll(li, mt.Recommendations), Ordered: true}}}}
	case schema.CaseStudy:
		b := Box{Title: t("key_facts")}
		place := strings.TrimSuffix(mt.City+", "+mt.Country, ", ")
		if place = strings.TrimPrefix(place, ", "); place != "" {
			b.Facts = append(b.Facts, Fact{t("city"), li.Typeset(place)})
		}
		if !mt.Period.Start.IsZero() {
			b.Facts = append(b.Facts, Fact{t("period"), li.FormatDate(mt.Period.Start) + " – " + li.FormatDate(mt.Period.End)})
		}
		if len(mt.Outcomes) > 0 {
			b.Lists = append(b.Lists, BoxList{Title: t("outcomes"), Items: typesetAll(li, mt.Outcomes)})
		}
		if len(m.Indicators) > 0 {
			b.Table = [][]string{{t("indicator"), t("value"), t("target")}}
			for _, in := range m.Indicators {
				b.Table = append(b.Table, []string{in.Name, in.Value, in.Target})
			}
		}
		return []Box{b}
	case schema.Guide:
		b := Box{Title: t("key_facts")}
		if mt.Audience != "" {
			b.Facts = append(b.Facts, Fact{t("audience"), li.Typeset(mt.Audience)})
		}
		if len(mt.Steps) > 0 {
			b.Lists = append(b.Lists, BoxList{Title: t("steps"), Items: typesetAll(li, mt.Steps), Ordered: true})
		}
		if len(b.Facts)+len(b.Lists) == 0 {
			return nil
		}
		return []Box{b}
	case schema.EventReport:
		b := Box{Title: t("key_facts")}
		if !mt.EventDate.IsZero() {
			b.Facts = append(b.Facts, Fact{t("event_date"), li.FormatDate(mt.EventDate)})
		}
		if mt.Location != "" {
			b.Facts = append(b.Facts, Fact{t("location"), li.Typeset(mt.Location)})
		}
		if mt.Participants > 0 {
			b.Facts = append(b.Facts, Fact{t("participants"), li.FormatInt(mt.Participants)})
		}
		if len(mt.Organisers) > 0 {
			b.Facts = append(b.Facts, Fact{t("organisers"), li.Typeset(strings.Join(mt.Organisers, ", "))})
		}
		if len(b.Facts) == 0 {
			return nil
		}
		return []Box{b}
	}
	return nil
}

// typesetAll typesets each text for the language (quotation marks,
// no-break spaces).
func typesetAll(li *i18n.Lang, ss []string) []string {
	if len(ss) == 0 {
		return nil
	}
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = li.Typeset(s)
	}
	return out
}
