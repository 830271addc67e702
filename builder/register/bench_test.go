package register

import (
	"fmt"
	"syscall"
	"testing"
	"time"

	"github.com/4im-project/dissem/builder/config"
	"github.com/4im-project/dissem/builder/content"
	"github.com/4im-project/dissem/builder/resolve"
	"github.com/4im-project/dissem/builder/schema"
)

// bigSite is n documents in three languages, with partners, topics and a
// brief each: the shape of bench/gencorpus's site, without loading one.
func bigSite(b *testing.B, n int) (*resolve.Site, resolve.Downloads) {
	cfg, diags := config.Parse("site.yaml", []byte("title: {en: T, hu: T, sk: T}\nbaseURL: https://x.org/\n"+
		"languages: [{code: en, name: English}, {code: hu, name: Magyar}, {code: sk, name: Slovenčina}]\n"))
	if diags.HasErrors() {
		b.Fatal(diags)
	}
	s := &resolve.Site{Config: cfg, BasePath: "/"}
	dl := resolve.Downloads{}
	start := time.Date(2019, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := range n {
		set := map[string]*resolve.Page{}
		for _, l := range []string{"en", "hu", "sk"} {
			key := fmt.Sprintf("guides/document-number-%d", i)
			p := &resolve.Page{Kind: resolve.KindDocument, Lang: l, Key: key, URL: "/" + l + "/" + key + "/",
				Title: fmt.Sprintf("Útmutató %d: a szolgáltatások összehangolása „%s”", i, l), Date: start.AddDate(0, 0, i%2000),
				Doc: &content.Doc{Lang: l}, Translations: set,
				Meta: &schema.Meta{Type: schema.Types[i%7], Partners: []string{"Miskolc Megyei Jogú Város Önkormányzata", "AEIDL"},
					Cities: []string{"Miskolc"}, Topics: []string{"szociális szolgáltatások", "foglalkoztatás"}, WPTask: "5.5"}}
			p.Meta.Title = p.Title
			set[l] = p
			s.Docs = append(s.Docs, p)
			dl[p] = []*resolve.Download{{Kind: "brief", URL: p.URL + "brief.pdf", Pages: 4, Size: 180000}}
		}
	}
	return s, dl
}

// cpu is the process's CPU time: on a shared machine, wall time measures
// the neighbours.
func cpu() time.Duration {
	var ru syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// loop runs f b.N times and reports its CPU time per run.
func loop(b *testing.B, f func()) {
	c := cpu()
	for b.Loop() {
		f()
	}
	b.ReportMetric(float64((cpu()-c).Microseconds())/1000/float64(b.N), "cpu-ms/op")
}

// BenchmarkExports is each part of the register stage at N = 10,000
// (30,000 rows).
func BenchmarkExports(b *testing.B) {
	s, dl := bigSite(b, 10000)
	reg := Build(Input{Site: s, Downloads: dl})
	b.Run("build", func(b *testing.B) {
		loop(b, func() { Build(Input{Site: s, Downloads: dl}) })
	})
	b.Run("csv", func(b *testing.B) {
		loop(b, func() { reg.CSV() })
	})
	b.Run("json", func(b *testing.B) {
		loop(b, func() { reg.JSON() })
	})
	b.Run("xlsx", func(b *testing.B) {
		loop(b, func() {
			if _, err := reg.XLSX(); err != nil {
				b.Fatal(err)
			}
		})
	})
}
