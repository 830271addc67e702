package i18n

import (
	"strconv"
	"strings"
)

// NumberFormat says how a language writes numbers (CLDR): the decimal
// mark, the mark between groups of three digits, the fewest digits a
// number has before it is grouped (Hungarian writes 2024 and 4000 whole,
// 12 345 grouped) and where a currency symbol goes ("¤{n}" in English,
// "{n} ¤" in Hungarian and Slovak).
type NumberFormat struct {
	Decimal, Group string
	MinGrouped     int
	Currency       string
}

// defaultNumbers is English's format, for a UI strings file that says nothing.
var defaultNumbers = NumberFormat{Decimal: ".", Group: ",", MinGrouped: 4, Currency: "¤{n}"}

// currencySymbols are the symbols of the currencies EU projects report in;
// any other currency is written with its ISO code.
var currencySymbols = map[string]string{"EUR": "€", "HUF": "Ft", "CZK": "Kč", "PLN": "zł", "RON": "lei", "USD": "$", "GBP": "£", "CHF": "CHF"}

func intString(n int) string { return strconv.Itoa(n) }

// FormatInt writes n with the language's group mark: "762,280" in
// English, "762 280" (no-break space) in Hungarian and Slovak.
func (l *Lang) FormatInt(n int) string {
	s := strconv.Itoa(n)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	s = l.group(s)
	if neg {
		return "−" + s
	}
	return s
}

// group inserts the group mark into a string of digits.
func (l *Lang) group(digits string) string {
	f := l.Numbers
	if len(digits) < max(f.MinGrouped, 4) || f.Group == "" {
		return digits
	}
	var b strings.Builder
	b.Grow(len(digits) + len(digits)/3*len(f.Group))
	head := len(digits) % 3
	if head > 0 {
		b.WriteString(digits[:head])
	}
	for i := head; i < len(digits); i += 3 {
		if i > 0 {
			b.WriteString(f.Group)
		}
		b.WriteString(digits[i : i+3])
	}
	return b.String()
}

// FormatDecimal writes x with digits decimals and the language's marks:
// "1.5" in English, "1,5" in Hungarian and Slovak.
func (l *Lang) FormatDecimal(x float64, digits int) string {
	s := strconv.FormatFloat(x, 'f', digits, 64)
	n, err := l.FormatNumber(s)
	if err != nil {
		return s
	}
	return n
}

// FormatNumber rewrites a number written the programmer's way ("762280",
// "1234.5", "-3") in the language's way. It fails on anything else, so a
// site.yaml value like "762,280" is reported instead of misread.
func (l *Lang) FormatNumber(s string) (string, error) {
	neg := strings.HasPrefix(s, "-")
	body := strings.TrimPrefix(s, "-")
	whole, frac, hasFrac := strings.Cut(body, ".")
	if whole == "" || !digitsOnly(whole) || hasFrac && (frac == "" || !digitsOnly(frac)) {
		return "", strconv.ErrSyntax
	}
	out := l.group(whole)
	if hasFrac {
		out += l.Numbers.Decimal + frac
	}
	if neg {
		out = "−" + out
	}
	return out, nil
}

// FormatMoney writes an amount ("762280") in currency (an ISO code such
// as EUR) the language's way: "€762,280", "762 280 €".
func (l *Lang) FormatMoney(amount, currency string) (string, error) {
	n, err := l.FormatNumber(amount)
	if err != nil {
		return "", err
	}
	sym := currencySymbols[strings.ToUpper(currency)]
	if sym == "" {
		sym = currency
	}
	return strings.ReplaceAll(strings.ReplaceAll(l.Numbers.Currency, "{n}", n), "¤", sym), nil
}

// FormatSize writes a file size as KB or MB with the language's decimal
// mark and a no-break space before the unit: "180 KB", "1,2 MB".
func (l *Lang) FormatSize(n int64) string {
	if n >= 1<<20 {
		return l.FormatDecimal(float64(n)/(1<<20), 1) + "\u00a0MB"
	}
	return l.FormatInt(int((n+1023)/1024)) + "\u00a0KB"
}

func digitsOnly(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
