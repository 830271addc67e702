package search

import "testing"

// The Slovak stemmer: every form of a word meets in one stem, and words of
// different meaning stay apart. Forms are from the sample content and from
// Slovak grammar tables (Pauliny, Ružička, Štolc: Slovenská gramatika).
func TestStemSlovak(t *testing.T) {
	groups := [][]string{
		// feminine, hard: príručka (guide), with the mobile ie of príručiek
		{"príručka", "príručky", "príručke", "príručku", "príručkou", "príručiek", "príručkám", "príručkách", "príručkami"},
		// feminine, soft: domácnosť (household)
		{"domácnosť", "domácnosti", "domácností", "domácnostiam", "domácnostiach", "domácnosťou"},
		// masculine inanimate: prieskum (survey)
		{"prieskum", "prieskumu", "prieskume", "prieskumom", "prieskumy", "prieskumov", "prieskumoch", "prieskumami"},
		// masculine animate, k/c alternation: pracovník (worker)
		{"pracovník", "pracovníka", "pracovníkovi", "pracovníkom", "pracovníci", "pracovníkov", "pracovníkoch"},
		// neuter: mesto (city)
		{"mesto", "mesta", "mestu", "meste", "mestom", "mestách", "mestami"},
		// a plural place name: Košice
		{"košice", "košíc", "košiciach", "košiciam"},
		// adjectives: sociálny (social)
		{"sociálny", "sociálneho", "sociálnemu", "sociálnom", "sociálnym", "sociálnych", "sociálnymi", "sociálna", "sociálnej", "sociálnou"},
		// feminine -ia: participácia
		{"participácia", "participácie", "participácii", "participáciu", "participáciou"},
	}
	for _, g := range groups {
		want := StemSlovak(g[0])
		for _, w := range g[1:] {
			if got := StemSlovak(w); Fold(got) != Fold(want) {
				t.Errorf("StemSlovak(%q) = %q, want %q like %q", w, got, want, g[0])
			}
		}
	}
	apart := [][2]string{{"mesto", "mesiac"}, {"práca", "prax"}, {"dom", "domácnosť"}, {"rada", "rok"}}
	for _, p := range apart {
		if StemSlovak(p[0]) == StemSlovak(p[1]) {
			t.Errorf("%q and %q share the stem %q", p[0], p[1], StemSlovak(p[0]))
		}
	}
	// Short words keep at least three letters (or are left whole).
	for _, w := range []string{"a", "aj", "ako", "dom", "kde"} {
		if got := StemSlovak(w); len([]rune(got)) < min(3, len([]rune(w))) {
			t.Errorf("StemSlovak(%q) = %q: too short", w, got)
		}
	}
}

// Snowball for English and Hungarian: the forms a reader types meet the
// forms in the documents.
func TestStemmers(t *testing.T) {
	tests := []struct {
		lang  string
		forms []string
	}{
		{"en", []string{"survey", "surveys", "surveyed", "surveying"}},
		{"en", []string{"community", "communities"}},
		{"en", []string{"household", "households"}},
		{"hu", []string{"felmérés", "felmérést", "felmérések", "felmérésről", "felméréseket", "felmérésben"}},
		{"hu", []string{"háztartás", "háztartások", "háztartásokat", "háztartásban"}},
		{"hu", []string{"közösség", "közösségi", "közösséget"}},
		{"hu", []string{"kassa", "kassán", "kassai"}},
	}
	for _, tt := range tests {
		stem := Stemmer(tt.lang)
		want := Fold(stem(tt.forms[0]))
		for _, f := range tt.forms[1:] {
			if got := Fold(stem(f)); got != want {
				t.Errorf("%s: %q → %q, want %q like %q", tt.lang, f, got, want, tt.forms[0])
			}
		}
	}
	if Stemmer("de") != nil {
		t.Error("a language without a stemmer should get nil")
	}
}

func TestFold(t *testing.T) {
	for in, want := range map[string]string{
		"Közösségi": "kozossegi", "Košice": "kosice", "ŐSZINTÉN": "oszinten", "ľudia": "ludia",
		"Ďalší": "dalsi", "mäkký": "makky", "plain": "plain", "Tetemvár": "tetemvar",
	} {
		if got := Fold(in); got != want {
			t.Errorf("Fold(%q) = %q, want %q", in, got, want)
		}
	}
}
