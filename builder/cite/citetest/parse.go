// Package citetest reads citation files strictly, for tests: what a
// reference manager would refuse (or read wrongly) is an error here.
package citetest

import (
	"encoding/json"
	"fmt"
	"strings"
)

// BibEntry is one parsed BibTeX entry.
type BibEntry struct {
	Type, Key string
	Fields    map[string]string // values with the outer braces taken off
	Order     []string
}

// ParseBibTeX reads exactly one entry: @type{key, name = {value}, …}.
// Braces must balance in every value, a special character (# $ % & _ ~ ^)
// must be escaped with a backslash, a field may appear once, and the month
// may be a bare three-letter macro.
func ParseBibTeX(src string) (*BibEntry, error) {
	s := strings.TrimSpace(src)
	if !strings.HasPrefix(s, "@") {
		return nil, fmt.Errorf("no @ at the start")
	}
	open := strings.IndexByte(s, '{')
	if open < 0 {
		return nil, fmt.Errorf("no {")
	}
	e := &BibEntry{Type: s[1:open], Fields: map[string]string{}}
	s = s[open+1:]
	comma := strings.IndexByte(s, ',')
	if comma < 0 {
		return nil, fmt.Errorf("no comma after the key")
	}
	e.Key = strings.TrimSpace(s[:comma])
	if e.Key == "" || strings.ContainsAny(e.Key, " {}\",=#%") {
		return nil, fmt.Errorf("bad key %q", e.Key)
	}
	s = s[comma+1:]
	for {
		s = strings.TrimLeft(s, " \n\t")
		if strings.HasPrefix(s, "}") {
			if rest := strings.TrimSpace(s[1:]); rest != "" {
				return nil, fmt.Errorf("text after the entry: %q", rest)
			}
			return e, nil
		}
		eq := strings.IndexByte(s, '=')
		if eq < 0 {
			return nil, fmt.Errorf("field without =: %q", s)
		}
		name := strings.TrimSpace(s[:eq])
		if name == "" || strings.Trim(name, "abcdefghijklmnopqrstuvwxyz") != "" {
			return nil, fmt.Errorf("bad field name %q", name)
		}
		if _, dup := e.Fields[name]; dup {
			return nil, fmt.Errorf("field %q twice", name)
		}
		s = strings.TrimLeft(s[eq+1:], " ")
		var value string
		if strings.HasPrefix(s, "{") {
			depth, end := 0, -1
			for i := 0; i < len(s); i++ {
				switch s[i] {
				case '\\':
					i++ // an escaped character
				case '{':
					depth++
				case '}':
					depth--
					if depth == 0 {
						end = i
					}
				}
				if end >= 0 {
					break
				}
			}
			if end < 0 {
				return nil, fmt.Errorf("field %q: braces do not balance", name)
			}
			value = s[1:end]
			s = s[end+1:]
			for i := 0; i < len(value); i++ {
				if value[i] == '\\' {
					i++
					continue
				}
				if strings.IndexByte("#$%&_~^", value[i]) >= 0 && name != "url" && name != "doi" {
					return nil, fmt.Errorf("field %q: unescaped %q in %q", name, value[i], value)
				}
			}
		} else {
			end := strings.IndexAny(s, ",}")
			if end < 0 {
				return nil, fmt.Errorf("field %q: no end", name)
			}
			value = strings.TrimSpace(s[:end])
			if !(name == "month" && len(value) == 3) && strings.Trim(value, "0123456789") != "" {
				return nil, fmt.Errorf("field %q: bare value %q", name, value)
			}
			s = s[end:]
		}
		e.Fields[name] = value
		e.Order = append(e.Order, name)
		s = strings.TrimLeft(s, " ")
		if strings.HasPrefix(s, ",") {
			s = s[1:]
		} else if !strings.HasPrefix(strings.TrimLeft(s, " \n"), "}") {
			return nil, fmt.Errorf("field %q: no comma after it", name)
		}
	}
}

// risTags are the RIS tags the files may use.
var risTags = map[string]bool{"TY": true, "AU": true, "TI": true, "PY": true, "DA": true, "PB": true, "SN": true,
	"LA": true, "AB": true, "KW": true, "DO": true, "UR": true, "L1": true, "C1": true, "ER": true}

// ParseRIS reads one RIS record, by tag,: every line ends with CRLF and is "TG  - "
// and a value (two upper-case letters or a letter and a digit, two
// spaces, a hyphen, a space), TY first, ER last with nothing after it.
func ParseRIS(src string) (map[string][]string, error) {
	if !strings.HasSuffix(src, "\r\n") {
		return nil, fmt.Errorf("the last line does not end with CRLF")
	}
	lines := strings.Split(strings.TrimSuffix(src, "\r\n"), "\r\n")
	rec := map[string][]string{}
	for i, l := range lines {
		if strings.ContainsAny(l, "\r\n\u2028\u2029\u0085\v\f") {
			return nil, fmt.Errorf("line %d: a lone CR or LF, or another character that ends a line", i+1)
		}
		if len(l) < 6 || l[2:6] != "  - " {
			return nil, fmt.Errorf("line %d: want \"TG  - value\", got %q", i+1, l)
		}
		tag := l[:2]
		if !risTags[tag] {
			return nil, fmt.Errorf("line %d: unknown tag %q", i+1, tag)
		}
		switch {
		case i == 0 && tag != "TY":
			return nil, fmt.Errorf("the first tag is %s, not TY", tag)
		case i == len(lines)-1 && (tag != "ER" || l != "ER  - "):
			return nil, fmt.Errorf("the last line is %q, not \"ER  - \"", l)
		case i > 0 && i < len(lines)-1 && (tag == "TY" || tag == "ER"):
			return nil, fmt.Errorf("line %d: %s inside the record", i+1, tag)
		case tag != "ER" && strings.TrimSpace(l[6:]) == "":
			return nil, fmt.Errorf("line %d: empty %s", i+1, tag)
		}
		rec[tag] = append(rec[tag], l[6:])
	}
	return rec, nil
}

// CSLItem is the part of a CSL-JSON item the tests read; unknown fields
// are refused (a misspelt variable is silently dropped by citeproc).
type CSLItem struct {
	ID       string              `json:"id"`
	Type     string              `json:"type"`
	Title    string              `json:"title"`
	Language string              `json:"language"`
	Author   []map[string]string `json:"author"`
	Issued   struct {
		DateParts [][]int `json:"date-parts"`
	} `json:"issued"`
	EventDate *struct {
		DateParts [][]int `json:"date-parts"`
	} `json:"event-date"`
	URL        string `json:"URL"`
	DOI        string `json:"DOI"`
	Publisher  string `json:"publisher"`
	Number     string `json:"number"`
	Abstract   string `json:"abstract"`
	Genre      string `json:"genre"`
	Keyword    string `json:"keyword"`
	License    string `json:"license"`
	EventPlace string `json:"event-place"`
}

// cslTypes are the CSL 1.0.2 item types the files may use.
var cslTypes = map[string]bool{"report": true, "article-newspaper": true, "webpage": true}

// ParseCSL reads a CSL-JSON file of one item strictly.
func ParseCSL(src []byte) (*CSLItem, error) {
	dec := json.NewDecoder(strings.NewReader(string(src)))
	dec.DisallowUnknownFields()
	var items []CSLItem
	if err := dec.Decode(&items); err != nil {
		return nil, err
	}
	if dec.More() {
		return nil, fmt.Errorf("text after the list")
	}
	if len(items) != 1 {
		return nil, fmt.Errorf("%d items, want 1", len(items))
	}
	it := &items[0]
	if it.ID == "" || it.Title == "" || !cslTypes[it.Type] {
		return nil, fmt.Errorf("id %q, title %q, type %q", it.ID, it.Title, it.Type)
	}
	if len(it.Issued.DateParts) != 1 || len(it.Issued.DateParts[0]) != 3 {
		return nil, fmt.Errorf("issued %v, want [[y, m, d]]", it.Issued.DateParts)
	}
	for _, a := range it.Author {
		if len(a) != 1 || a["literal"] == "" {
			return nil, fmt.Errorf("author %v, want {literal: name}", a)
		}
	}
	return it, nil
}
