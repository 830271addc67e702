package register

import (
	"reflect"
	"strings"
	"testing"

	"github.com/4im-project/dissem/builder/resolve"
	"github.com/4im-project/dissem/builder/schema"
)

// TestKey checks that the cache key of the exports changes with every
// cell, whether the row has it from the front matter (read, or seen
// through the fronts the caller took) or from elsewhere, and with the
// salt; and that every field of Row is in the table, so a new column
// cannot be left out of the key.
func TestKey(t *testing.T) {
	base := Build(Input{Site: site(t, "")}).Key("v1", nil)
	if again := Build(Input{Site: site(t, "")}).Key("v1", nil); again != base {
		t.Fatal("the same register gave another key")
	}
	if Build(Input{Site: site(t, "")}).Key("v2", nil) == base {
		t.Error("another salt gave the same key")
	}
	// The load's sums, when it has them, stand for the fields.
	fronts := func(s *resolve.Site) []uint64 {
		var out []uint64
		for _, p := range s.Docs {
			out = append(out, MetaSum(p.Meta))
		}
		return out
	}
	withFronts := Build(Input{Site: site(t, "")})
	byFronts := withFronts.Key("v1", fronts(site(t, "")))
	if byFronts == base {
		t.Error("the key does not use the fronts it is given")
	}
	if other := fronts(site(t, "")); withFronts.Key("v1", append(other[:len(other)-1], 42)) == byFronts {
		t.Error("a document's front sum changed, the key did not")
	}
	if other := fronts(site(t, "")); withFronts.Key("v1", other[1:]) == byFronts {
		t.Error("a document fewer, the key did not change")
	}
	// The front matter's fields: a row shows them as they are in Meta.
	meta := map[string]func(m *schema.Meta){
		"Type":     func(m *schema.Meta) { m.Type = "news" },
		"Title":    func(m *schema.Meta) { m.Title += " " },
		"Partners": func(m *schema.Meta) { m.Partners = append([]string{"AEIDL"}, m.Partners...) },
		"Cities":   func(m *schema.Meta) { m.Cities = []string{"Košice"} },
		"Topics":   func(m *schema.Meta) { m.Topics = []string{""} },
		"WPTask":   func(m *schema.Meta) { m.WPTask = "5.5" },
	}
	// The others: from the resolved page, the briefs and the state.
	rows := map[string]func(r *Row){
		"Key":       func(r *Row) { r.Key += "x" },
		"Lang":      func(r *Row) { r.Lang = "de" },
		"Date":      func(r *Row) { r.Date = r.Date.AddDate(0, 0, 1) },
		"Period":    func(r *Row) { r.Period = "RP9" },
		"Languages": func(r *Row) { r.Languages = r.Languages[:1] },
		"URL":       func(r *Row) { r.URL += "x" },
		"BriefURL":  func(r *Row) { r.BriefURL = "https://x.org/b.pdf" },
		"Pages":     func(r *Row) { r.Pages = 3 },
		"Size":      func(r *Row) { r.Size = 1 },
		"State":     func(r *Row) { r.State = Stale },
		"Complete":  func(r *Row) { r.Complete = !r.Complete },
	}
	for _, f := range reflect.VisibleFields(reflect.TypeFor[Row]()) {
		if _, ok := meta[f.Name]; !ok && rows[f.Name] == nil && f.Name != "Page" {
			t.Errorf("Row.%s is in no table of TestKey: is it in the key?", f.Name)
		}
	}
	for name, change := range meta {
		// Read from the rows, and seen through the fronts.
		s := site(t, "")
		m := *s.Docs[0].Meta
		change(&m)
		s.Docs[0].Meta = &m
		reg := Build(Input{Site: s})
		if reg.Key("v1", nil) == base {
			t.Errorf("front matter %s changed, the key did not", name)
		}
		if reg.Key("v1", fronts(s)) == byFronts {
			t.Errorf("front matter %s changed, the key by fronts did not", name)
		}
	}
	for name, change := range rows {
		reg := Build(Input{Site: site(t, "")})
		change(&reg.Rows[0])
		if reg.Key("v1", nil) == base {
			t.Errorf("%s changed, the key did not", name)
		}
	}
	// A text and the next may not trade bytes unnoticed.
	reg := Build(Input{Site: site(t, "")})
	r := &reg.Rows[0]
	r.Key, r.Lang = r.Key+r.Lang[:1], r.Lang[1:]
	if reg.Key("v1", nil) == base {
		t.Error("moving a byte from one cell to the next kept the key")
	}
	if strings.Trim(base, "0123456789abcdefghijklmnopqrstuvwxyz") != "" || len(base) < 17 {
		t.Errorf("key %q: want hex digits and the rows' count, a file name", base)
	}
}

// BenchmarkMetaSum is the load's share per document, its front matter at
// hand.
func BenchmarkMetaSum(b *testing.B) {
	m := &schema.Meta{Type: "guide", Title: "Útmutató: a szolgáltatások összehangolása a közösségi házban és a családsegítő központban",
		WPTask: "5.5", Partners: []string{"Miskolc Megyei Jogú Város Önkormányzata", "AEIDL", "Mesto Košice"},
		Cities: []string{"Miskolc", "Košice"}, Topics: []string{"szociális szolgáltatások", "foglalkoztatás", "lakhatás"}}
	for b.Loop() {
		MetaSum(m)
	}
}
