package register

import (
	"strconv"
	"strings"

	"github.com/4im-project/dissem/builder/i18n"
	"github.com/4im-project/dissem/builder/schema"
)

// Indicator is a case study's indicator with its numbers read: Value and
// Target as written, V and T the numbers in them; Chartable when both
// were read and the target is above zero.
type Indicator struct {
	schema.Indicator
	V, T      float64
	Chartable bool
}

// Percent is the value as a share of the target, in per cent.
func (in Indicator) Percent() float64 { return in.V / in.T * 100 }

// ReadIndicators reads the numbers in indicators written in a language
// that writes numbers as nf does ("1,200 people" in English, "1 200 fő"
// or "80,5 %" in Hungarian).
func ReadIndicators(inds []schema.Indicator, nf i18n.NumberFormat) []Indicator {
	out := make([]Indicator, len(inds))
	for i, in := range inds {
		v, okV := ParseNumber(in.Value, nf)
		t, okT := ParseNumber(in.Target, nf)
		out[i] = Indicator{Indicator: in, V: v, T: t, Chartable: okV && okT && t > 0 && v >= 0}
	}
	return out
}

// ParseNumber reads the first number in s as a language with number
// format nf writes it: its group marks (and spaces of any width) between
// digits are dropped, its decimal mark read as the point. ok is false
// when s holds no digit.
func ParseNumber(s string, nf i18n.NumberFormat) (float64, bool) {
	start := strings.IndexAny(s, "0123456789")
	if start < 0 {
		return 0, false
	}
	neg := start > 0 && (s[start-1] == '-' || strings.HasSuffix(s[:start], "−"))
	var b strings.Builder
	rest := s[start:]
	seenDecimal := false
	for rest != "" {
		c := rest[0]
		switch {
		case c >= '0' && c <= '9':
			b.WriteByte(c)
			rest = rest[1:]
			continue
		}
		sep, n := separator(rest, nf)
		// A mark counts only between digits: "3 people." ends at the 3.
		if n == 0 || len(rest) <= n || rest[n] < '0' || rest[n] > '9' {
			break
		}
		if sep == "." {
			if seenDecimal {
				break
			}
			seenDecimal = true
			b.WriteByte('.')
		}
		rest = rest[n:]
	}
	v, err := strconv.ParseFloat(b.String(), 64)
	if err != nil {
		return 0, false
	}
	if neg {
		v = -v
	}
	return v, true
}

// separator names the mark at the start of s: "." for the language's
// decimal mark, "," for a group mark or a space; n is its length in bytes
// (0 for anything else).
func separator(s string, nf i18n.NumberFormat) (string, int) {
	if nf.Decimal != "" && strings.HasPrefix(s, nf.Decimal) {
		return ".", len(nf.Decimal)
	}
	if nf.Group != "" && strings.HasPrefix(s, nf.Group) {
		return ",", len(nf.Group)
	}
	for _, sp := range []string{" ", "\u00a0", "\u202f", "\u2009"} {
		if strings.HasPrefix(s, sp) {
			return ",", len(sp)
		}
	}
	return "", 0
}
