package search

// StemSlovak is a light stemmer for Slovak: Savoy's light stemmer for Czech
// (Dolamic & Savoy, "Indexing and stemming approaches for the Czech
// language", Information Processing & Management 45, 2009; the algorithm of
// Lucene's CzechStemmer) with the case endings, possessive suffixes and
// alternations of Slovak. Like Savoy's, it removes only inflection (case,
// number, possessive), never derivation, so it rarely joins words of
// different meaning; and it keeps at least three letters of every word.
//
// w must be in lower case; the stem keeps w's diacritics.
func StemSlovak(w string) string {
	s := []rune(w)
	n := len(s)
	n = skRemoveCase(s, n)
	n = skRemovePossessive(s, n)
	if n > 0 {
		n = skNormalize(s, n)
	}
	return string(s[:n])
}

// Endings by length, tried longest first as in Savoy's removeCase. Each
// list needs the word to be longer than the given number of letters, so
// that a short word keeps a stem of at least three letters.
var skCase = []struct {
	min  int
	ends []string
}{
	// -iach/-iami: soft feminine and neuter plural (uliciach, vzdelávaniami);
	// -ovia: masculine animate plural (synovia).
	{6, []string{"iach", "iami", "ovia"}},
	// adjectives (-ého, -ému, -ých, -ými, -ích, -ími, and their short
	// forms after a long syllable by the rhythmic law: sociálneho,
	// sociálnych), plural cases (-ách, -ami, -och, -iam), the dative -ovi
	// and the instrumental -iou of nouns in -ia (participáciou).
	{5, []string{"ého", "ému", "ých", "ými", "ích", "ími", "eho", "emu", "ych", "ymi", "ich", "imi",
		"ách", "ami", "och", "iam", "ovi", "iou"}},
	// instrumental and locative (-om, -ou, -ím, -ým, -ym, -im), dative
	// plural (-ám, -am), genitive plural (-ov), feminine adjective (-ej),
	// soft endings (-ia, -ie, -ii, -iu) and the instrumental -mi.
	{4, []string{"om", "ou", "ím", "ým", "ym", "im", "ám", "am", "ov", "ej", "ia", "ie", "ii", "iu", "mi"}},
}

// skVowelEnd are the one-letter endings: the vowels of Slovak case endings.
const skVowelEnd = "aeiouyáéíóúýä"

func skEndsWith(s []rune, n int, end string) bool {
	e := []rune(end)
	if len(e) > n {
		return false
	}
	for i := range e {
		if s[n-len(e)+i] != e[i] {
			return false
		}
	}
	return true
}

func skRemoveCase(s []rune, n int) int {
	for _, c := range skCase {
		if n <= c.min {
			continue
		}
		for _, e := range c.ends {
			if skEndsWith(s, n, e) {
				return n - len([]rune(e))
			}
		}
	}
	if n > 3 {
		for _, v := range skVowelEnd {
			if s[n-1] == v {
				return n - 1
			}
		}
	}
	return n
}

// skRemovePossessive removes the possessive adjective suffixes -ov (otcov)
// and -in (matkin), as Savoy's removePossessives does for Czech.
func skRemovePossessive(s []rune, n int) int {
	if n > 5 && (skEndsWith(s, n, "ov") || skEndsWith(s, n, "in")) {
		return n - 2
	}
	return n
}

// skNormalize undoes the alternations inflection causes at the end of a
// stem, so that every form of a word meets in one stem:
//   - k, h and ch become c, z and s in masculine plurals (vojak → vojaci,
//     Čech → Česi): c and č map to k, z and ž to h, as in Savoy's Czech rules;
//   - the mobile vowels e, ie and o drop out in some cases (príručka →
//     príručiek, otec → otca, deň → dňa): e, ie or o before the last
//     consonant is removed.
func skNormalize(s []rune, n int) int {
	switch s[n-1] {
	case 'c', 'č':
		s[n-1] = 'k'
		return n
	case 'z', 'ž':
		s[n-1] = 'h'
		return n
	}
	if n > 3 && s[n-3] == 'i' && s[n-2] == 'e' {
		s[n-3] = s[n-1]
		return n - 2
	}
	if n > 2 && s[n-2] == 'e' {
		s[n-2] = s[n-1]
		return n - 1
	}
	return n
}
