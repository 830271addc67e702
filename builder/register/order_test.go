package register

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"testing"
	"time"

	"github.com/4im-project/dissem/builder/content"
	"github.com/4im-project/dissem/builder/resolve"
	"github.com/4im-project/dissem/builder/schema"
)

// TestBuildOrder checks that the register does not depend on the order of
// the site's documents: Build reads them newest first (as resolve sorts
// them) and sorts only rows of one date, else sorts them all. Many
// documents share a date, and some translations are dated apart.
func TestBuildOrder(t *testing.T) {
	s := site(t, "")
	day := time.Date(2023, 3, 1, 0, 0, 0, 0, time.UTC)
	for i := range 40 {
		key := fmt.Sprintf("news/item-%02d", (i*7)%40)
		for j, lang := range []string{"sk", "en", "hu"} {
			if i%5 == 0 && lang == "sk" {
				continue // not translated
			}
			date := day.AddDate(0, 0, i%3)
			if i%4 == 0 && j == 2 {
				date = date.Add(90 * time.Minute) // dated apart, in the same day
			}
			s.Docs = append(s.Docs, &resolve.Page{Kind: resolve.KindDocument, Lang: lang, Key: key,
				URL: "/sub/" + lang + "/" + key + "/", Date: date, Doc: &content.Doc{Lang: lang},
				Meta: &schema.Meta{Type: schema.News, Title: key + " " + lang, Date: date}})
		}
	}
	// Two pages of one key, language and date: told apart by their place.
	for range 2 {
		s.Docs = append(s.Docs, &resolve.Page{Kind: resolve.KindDocument, Lang: "en", Key: "news/twin",
			URL: "/sub/en/news/twin/", Date: day, Doc: &content.Doc{Lang: "en"}, Meta: &schema.Meta{Type: schema.News, Title: "twin"}})
	}
	newestFirst := func(docs []*resolve.Page) {
		slices.SortStableFunc(docs, func(a, b *resolve.Page) int {
			if c := b.Date.Compare(a.Date); c != 0 {
				return c
			}
			return 0 // keeps the twins' order
		})
	}
	newestFirst(s.Docs)
	want := Build(Input{Site: s})
	wantCSV := string(want.CSV())
	twins := map[*resolve.Page]int{}
	for i, p := range s.Docs {
		if p.Key == "news/twin" {
			twins[p] = i
		}
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for round := range 20 {
		docs := slices.Clone(s.Docs)
		rng.Shuffle(len(docs), func(i, j int) { docs[i], docs[j] = docs[j], docs[i] })
		if round%2 == 1 {
			newestFirst(docs)
		}
		// The twins keep their order among themselves: it is what tells them apart.
		var at []int
		for i, p := range docs {
			if p.Key == "news/twin" {
				at = append(at, i)
			}
		}
		var tw []*resolve.Page
		for p := range twins {
			tw = append(tw, p)
		}
		slices.SortFunc(tw, func(a, b *resolve.Page) int { return twins[a] - twins[b] })
		for k, i := range at {
			docs[i] = tw[k]
		}
		got := Build(Input{Site: &resolve.Site{Config: s.Config, BasePath: s.BasePath, Docs: docs}})
		if !reflect.DeepEqual(got.Rows, want.Rows) || !reflect.DeepEqual(got.Docs, want.Docs) {
			t.Fatalf("round %d: another order of the documents gave another register", round)
		}
		if string(got.CSV()) != wantCSV {
			t.Fatalf("round %d: another CSV", round)
		}
	}
	// The rows are in date order, then key, then language.
	for i := 1; i < len(want.Rows); i++ {
		a, b := &want.Rows[i-1], &want.Rows[i]
		if b.Date.Before(a.Date) || b.Date.Equal(a.Date) && b.Key < a.Key {
			t.Fatalf("rows %d and %d out of order: %s %s, %s %s", i-1, i, a.Date, a.Key, b.Date, b.Key)
		}
	}
}
