// Package i18n holds what differs between languages: UI strings with their
// plural forms, date and number formats, quotation marks and the rest of
// typesetting (Typeset). It is the one place templates, feeds and briefs
// look words up.
package i18n

import (
	"errors"
	"fmt"
	"io/fs"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/4im-project/dissem/builder/diag"
	"github.com/4im-project/dissem/builder/internal/yamlnode"
	"go.yaml.in/yaml/v4"
)

// Lang is the language-specific part of the catalog.
type Lang struct {
	Code string
	// Quotes are the double and single quotation marks, open and close.
	Quotes [4]string
	// DateFormat uses {d}, {dd}, {month} and {yyyy}: "{yyyy}. {month} {d}.".
	DateFormat string
	// Months are the month names as used in dates (genitive where the language needs it).
	Months [12]string
	// Strings are the UI strings, typeset (see Typeset). A counted string
	// has a form per plural category: "pages_n.one", "pages_n.other".
	Strings map[string]string
	// NoBreakAfter are the words a line may not end with (Slovak
	// one-letter prepositions, Hungarian articles): Typeset writes a
	// no-break space after them.
	NoBreakAfter []string
	// Numbers is how the language writes numbers and amounts.
	Numbers NumberFormat

	longestNoBreak int // bytes of the longest NoBreakAfter word
}

// file is the shape of templates/i18n/<lang>.yaml.
type file struct {
	Quotes     []string          `yaml:"quotes"`
	DateFormat string            `yaml:"date_format"`
	Months     []string          `yaml:"months"`
	Strings    map[string]string `yaml:"strings"`
	// NoBreakAfter, DecimalMark, GroupMark, GroupFrom and CurrencyFormat
	// are optional; without them a language writes numbers as English does.
	NoBreakAfter   []string `yaml:"no_break_after"`
	DecimalMark    *string  `yaml:"decimal_mark"`
	GroupMark      *string  `yaml:"group_mark"`
	GroupFrom      int      `yaml:"group_from"`
	CurrencyFormat string   `yaml:"currency_format"`
}

// Catalog holds every language's strings.
type Catalog struct {
	langs map[string]*Lang
	// missing records keys looked up but not defined, reported once per build.
	mu      sync.Mutex
	missing map[string]bool
}

// Load reads <code>.yaml from fsys for each code; dir is shown in messages.
// Every key of the first language must exist in every other language.
func Load(fsys fs.FS, dir string, codes []string) (*Catalog, diag.List) {
	var diags diag.List
	c := &Catalog{langs: map[string]*Lang{}, missing: map[string]bool{}}
	for _, code := range codes {
		name := code + ".yaml"
		pos := diag.Pos{File: dir + "/" + name}
		src, err := fs.ReadFile(fsys, name)
		if err != nil {
			diags.Errorf(pos, "no UI strings for language %q: create %s", code, pos.File)
			continue
		}
		f, d := parseFile(src, pos.File)
		diags.Append(d)
		if d.HasErrors() {
			continue
		}
		l := &Lang{Code: code, DateFormat: f.DateFormat, Strings: f.Strings}
		if len(f.Quotes) != 4 {
			diags.Errorf(pos, "quotes: want 4 marks (open, close, open single, close single), got %d", len(f.Quotes))
		} else {
			copy(l.Quotes[:], f.Quotes)
		}
		if len(f.Months) != 12 {
			diags.Errorf(pos, "months: want 12 month names, got %d", len(f.Months))
		} else {
			copy(l.Months[:], f.Months)
		}
		if l.DateFormat == "" {
			diags.Errorf(pos, "date_format: missing; e.g. \"{d} {month} {yyyy}\"")
		}
		if l.Strings == nil {
			l.Strings = map[string]string{}
		}
		diags.Append(l.setNumbers(f, pos))
		l.NoBreakAfter = f.NoBreakAfter
		for _, w := range l.NoBreakAfter {
			l.longestNoBreak = max(l.longestNoBreak, len(w))
		}
		if len(l.Quotes[0]) > 0 {
			// UI strings are shown to readers as they are: typeset them once.
			for k, v := range l.Strings {
				l.Strings[k] = l.Typeset(v)
			}
		}
		checkPlurals(l, func(key, msg string) { diags.Errorf(pos, "%s", msg) })
		c.langs[code] = l
	}
	if len(codes) > 0 {
		if ref := c.langs[codes[0]]; ref != nil {
			for _, code := range codes[1:] {
				l := c.langs[code]
				if l == nil {
					continue
				}
				for _, k := range sortedKeys(ref.Strings) {
					if _, ok := l.Strings[k]; !ok {
						diags.Errorf(diag.Pos{File: dir + "/" + code + ".yaml"}, "UI string %q is missing for language %q (%s has it: %q)", k, code, codes[0], ref.Strings[k])
					}
				}
			}
		}
	}
	return c, diags
}

// parseFile reads a UI strings file with yamlnode's limits (no aliases,
// bounded depth, duplicate keys reported), then decodes it.
func parseFile(src []byte, name string) (file, diag.List) {
	var f file
	text, ok, diags := yamlnode.Text(src, name)
	if !ok {
		return f, diags
	}
	top, d := yamlnode.Parse(text, name, 1)
	diags.Append(d)
	if top == nil || d.HasErrors() {
		return f, diags
	}
	if err := top.Decode(&f); err != nil {
		pos := diag.Pos{File: name, Line: 1, Col: 1}
		var le *yaml.LoadError
		if errors.As(err, &le) {
			pos = diag.Pos{File: name, Line: le.Mark.Line, Col: le.Mark.Column}
		}
		diags.Errorf(pos, "this value does not fit: quotes, months and no_break_after are lists of text, date_format and the marks are text, group_from is a whole number, strings are name: text pairs")
	}
	return f, diags
}

// setNumbers fills l.Numbers from the file, English's format where it is silent.
func (l *Lang) setNumbers(f file, pos diag.Pos) diag.List {
	var diags diag.List
	l.Numbers = defaultNumbers
	if f.DecimalMark != nil {
		l.Numbers.Decimal = *f.DecimalMark
	}
	if f.GroupMark != nil {
		l.Numbers.Group = *f.GroupMark
	}
	if f.GroupFrom != 0 {
		l.Numbers.MinGrouped = f.GroupFrom
	}
	if f.CurrencyFormat != "" {
		l.Numbers.Currency = f.CurrencyFormat
		if !strings.Contains(f.CurrencyFormat, "{n}") || !strings.Contains(f.CurrencyFormat, "¤") {
			diags.Errorf(pos, "currency_format: write where the amount ({n}) and the currency symbol (¤) go, like \"{n} ¤\", got %q", f.CurrencyFormat)
		}
	}
	if l.Numbers.Decimal == "" || l.Numbers.Decimal == l.Numbers.Group {
		diags.Errorf(pos, "decimal_mark: want the mark before decimals, like \",\", different from group_mark, got %q", l.Numbers.Decimal)
	}
	return diags
}

// Lang returns the language with code, or nil.
func (c *Catalog) Lang(code string) *Lang {
	if c == nil {
		return nil
	}
	return c.langs[code]
}

// T returns the UI string key in language code. A missing key is recorded
// (see Missing) and its name returned, so the build can fail with all of them.
func (c *Catalog) T(code, key string) string {
	if l := c.langs[code]; l != nil {
		if s, ok := l.Strings[key]; ok {
			return s
		}
	}
	c.mu.Lock()
	c.missing[code+"\x00"+key] = true
	c.mu.Unlock()
	return key
}

// Missing reports every key looked up with T that was not defined.
func (c *Catalog) Missing(dir string) diag.List {
	var diags diag.List
	c.mu.Lock()
	defer c.mu.Unlock()
	keys := make([]string, 0, len(c.missing))
	for k := range c.missing {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		code, key, _ := strings.Cut(k, "\x00")
		diags.Errorf(diag.Pos{File: dir + "/" + code + ".yaml"}, "UI string %q is missing for language %q; add it under strings:", key, code)
	}
	return diags
}

// FormatDate writes t in the language's date format: "31 May 2024",
// "2024. május 31.", "31. mája 2024".
func (l *Lang) FormatDate(t time.Time) string {
	var b strings.Builder
	f := l.DateFormat
	for f != "" {
		open := strings.IndexByte(f, '{')
		end := strings.IndexByte(f, '}')
		if open < 0 || end < open {
			b.WriteString(f)
			break
		}
		b.WriteString(f[:open])
		switch f[open : end+1] {
		case "{d}":
			b.WriteString(strconv.Itoa(t.Day()))
		case "{dd}":
			fmt.Fprintf(&b, "%02d", t.Day())
		case "{month}":
			b.WriteString(l.Months[t.Month()-1])
		case "{yyyy}":
			b.WriteString(strconv.Itoa(t.Year()))
		default:
			b.WriteString(f[open : end+1])
		}
		f = f[end+1:]
	}
	return b.String()
}

func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
