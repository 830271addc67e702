package search_test

import (
	"bufio"
	"os"
	"strings"
	"testing"
)

// Thresholds of the judged query set, per language. The measured values
// are printed by go test -v -run TestJudged; raise these when the ranking
// improves, never lower them to let a change in.
var judgedMin = map[string]struct{ mrr5, recall10 float64 }{
	"en": {0.85, 0.9},
	"hu": {0.85, 0.9},
	"sk": {0.85, 0.9},
}

type judged struct {
	line        int
	kind, query string
	want        []string
}

func readJudged(t *testing.T, lang string) []judged {
	f, err := os.Open("testdata/judged." + lang + ".txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []judged
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		parts := strings.Split(line, "|")
		if len(parts) != 3 {
			t.Fatalf("judged.%s.txt:%d: want kind | query | documents", lang, n)
		}
		j := judged{line: n, kind: strings.TrimSpace(parts[0]), query: strings.TrimSpace(parts[1])}
		for _, p := range strings.Fields(parts[2]) {
			j.want = append(j.want, "/"+lang+"/"+strings.Trim(p, "/")+"/")
		}
		out = append(out, j)
	}
	return out
}

// TestJudged measures the ranking on the judged query set of each language:
// MRR@5 (1/rank of the first wanted document within the first five) and
// recall@10 (the share of wanted documents within the first ten).
func TestJudged(t *testing.T) {
	for _, lang := range []string{"en", "hu", "sk"} {
		t.Run(lang, func(t *testing.T) {
			qs := readJudged(t, lang)
			if len(qs) < 60 {
				t.Errorf("%d judged queries, want at least 60", len(qs))
			}
			u := urls(t, lang)
			e := engine(t, lang)
			var mrr, recall float64
			kinds := map[string][2]float64{}
			for _, q := range qs {
				hits, err := e.Search(q.query)
				if err != nil {
					t.Fatal(err)
				}
				rr, found := 0.0, 0
				var top []string
				for i, h := range hits {
					if i == 10 {
						break
					}
					top = append(top, u[h.Doc])
					for _, w := range q.want {
						if u[h.Doc] == w {
							found++
							if rr == 0 && i < 5 {
								rr = 1 / float64(i+1)
							}
						}
					}
				}
				r := float64(found) / float64(len(q.want))
				mrr += rr
				recall += r
				k := kinds[q.kind]
				kinds[q.kind] = [2]float64{k[0] + rr, k[1] + 1}
				if rr < 1 || r < 1 {
					t.Logf("judged.%s.txt:%d: %s %q: reciprocal rank %.2f, recall %.2f; first: %v", lang, q.line, q.kind, q.query, rr, r, top[:min(3, len(top))])
				}
			}
			n := float64(len(qs))
			mrr, recall = mrr/n, recall/n
			for k, v := range kinds {
				t.Logf("%s: MRR@5 of %d %s queries: %.3f", lang, int(v[1]), k, v[0]/v[1])
			}
			t.Logf("%s: %d queries, MRR@5 %.3f, recall@10 %.3f", lang, len(qs), mrr, recall)
			if m := judgedMin[lang]; mrr < m.mrr5 || recall < m.recall10 {
				t.Errorf("%s: MRR@5 %.3f (want ≥ %.2f), recall@10 %.3f (want ≥ %.2f)", lang, mrr, m.mrr5, recall, m.recall10)
			}
		})
	}
}
