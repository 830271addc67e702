package schema

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"github.com/4im-project/dissem/builder/content"
	"github.com/4im-project/dissem/builder/diag"
)

// Lint reports what is allowed but probably a mistake, as warnings: a
// lastmod before the date, a body that repeats the title as a # heading, and
// personal data (e-mail addresses, phone numbers) that editors copy from
// application forms into published texts. public lists the contacts that may
// be published (site.yaml's publicContacts), compared case-insensitively
// with spaces and hyphens ignored.
func Lint(doc *content.Doc, m *Meta, public map[string]bool) diag.List {
	var d diag.List
	if !m.Lastmod.IsZero() && !m.Date.IsZero() && m.Lastmod.Before(m.Date) {
		d.Warnf(posOf(doc, "lastmod"), "field \"lastmod\" (%s) is before \"date\" (%s); a document cannot change before it is published",
			m.Lastmod.Format("2006-01-02"), m.Date.Format("2006-01-02"))
	}
	if line, ok := firstLine(doc.Body); ok && (bytes.HasPrefix(line.text, []byte("# ")) || bytes.Equal(line.text, []byte("#"))) {
		d.Warnf(diag.Pos{File: doc.Path, Line: doc.BodyLine + line.n, Col: 1},
			"the text starts with a \"#\" heading, but the page shows the title as its heading already; remove it or use \"##\" for a section")
	}
	for _, key := range []string{"title", "summary"} {
		if v := doc.Front.Get(key); v != nil && v.Kind == content.Scalar {
			for _, f := range FindPersonalData([]byte(v.Text)) {
				if !public[NormalizeContact(f.Text)] {
					d.Warnf(v.Pos, "field %q holds %s; %s", key, f.describe(), personalAdvice)
				}
			}
		}
	}
	for _, f := range FindPersonalData(doc.Body) {
		if public[NormalizeContact(f.Text)] {
			continue
		}
		line := bytes.Count(doc.Body[:f.Offset], []byte("\n"))
		col := utf8.RuneCount(doc.Body[bytes.LastIndexByte(doc.Body[:f.Offset], '\n')+1:f.Offset]) + 1
		d.Warnf(diag.Pos{File: doc.Path, Line: doc.BodyLine + line, Col: col}, "the text holds %s; %s", f.describe(), personalAdvice)
	}
	return d
}

const personalAdvice = "do not publish a private person's contact details; if it is a public contact, add it to publicContacts in site.yaml"

type bodyLine struct {
	text []byte
	n    int
}

// firstLine returns the first non-blank line of body and its index.
func firstLine(body []byte) (bodyLine, bool) {
	for n := 0; len(body) > 0; n++ {
		line := body
		if i := bytes.IndexByte(body, '\n'); i >= 0 {
			line, body = body[:i], body[i+1:]
		} else {
			body = nil
		}
		if t := bytes.TrimSpace(line); len(t) > 0 {
			return bodyLine{t, n}, true
		}
	}
	return bodyLine{}, false
}

// Found is personal data found in a text.
type Found struct {
	// Kind is "email" or "phone".
	Kind   string
	Text   string
	Offset int
}

func (f Found) describe() string {
	if f.Kind == "email" {
		return "the e-mail address " + f.Text
	}
	return "the phone number " + f.Text
}

// FindPersonalData returns the e-mail addresses and phone numbers in text,
// in order. It scans once and looks closer only at '@', '+' and '0', so it
// costs little on texts that hold none. Addresses of roles (info@, press@…)
// are not personal and are left out.
func FindPersonalData(text []byte) []Found {
	var found []Found
	for i := 0; i < len(text); i++ {
		switch c := text[i]; {
		case c == '@':
			start := i
			for start > 0 && emailLocal(text[start-1]) {
				start--
			}
			end := i + 1
			for end < len(text) && (emailDomain(text[end])) {
				end++
			}
			for end > i+1 && text[end-1] == '.' {
				end--
			}
			domain := text[i+1 : end]
			if start < i && bytes.IndexByte(domain, '.') > 0 {
				local := strings.ToLower(string(text[start:i]))
				if !roleAddress[local] {
					found = append(found, Found{"email", string(text[start:end]), start})
				}
				i = end
			}
		case (c == '+' || c == '0') && (i == 0 || phoneStart(text[i-1])):
			end, digits := i, 0
			for end < len(text) && phoneChar(text[end]) {
				if text[end] >= '0' && text[end] <= '9' {
					digits++
				}
				end++
			}
			for end > i && !(text[end-1] >= '0' && text[end-1] <= '9') {
				end--
			}
			// A date (2024-05-31) has 8 digits, a postcode 4–5; phone
			// numbers with a trunk or country prefix have 9 to 15.
			if digits >= 9 && digits <= 15 && (end >= len(text) || !isLetter(text[end])) {
				found = append(found, Found{"phone", string(text[i:end]), i})
				i = end
			}
		}
	}
	return found
}

// roleAddress lists the local parts of addresses that belong to an office,
// not a person, in the project's three languages.
var roleAddress = map[string]bool{
	"info": true, "office": true, "press": true, "contact": true, "hello": true, "media": true,
	"iroda": true, "sajto": true, "kapcsolat": true, "ugyfelszolgalat": true, "titkarsag": true,
	"kontakt": true, "podatelna": true, "tlac": true, "sekretariat": true,
	"noreply": true, "no-reply": true, "webmaster": true, "dpo": true, "gdpr": true,
}

func emailLocal(c byte) bool {
	return isLetter(c) || c >= '0' && c <= '9' || c == '.' || c == '_' || c == '%' || c == '+' || c == '-'
}

func emailDomain(c byte) bool { return isLetter(c) || c >= '0' && c <= '9' || c == '.' || c == '-' }

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= 0x80 }

func phoneChar(c byte) bool {
	return c >= '0' && c <= '9' || c == ' ' || c == '-' || c == '/' || c == '(' || c == ')' || c == '+' || c == '.'
}

// phoneStart reports whether a phone number may begin after c: not in the
// middle of a word, a number or a date.
func phoneStart(c byte) bool {
	return !isLetter(c) && !(c >= '0' && c <= '9') && c != '+' && c != '-' && c != '.' && c != '/' && c != ','
}

// NormalizeContact is how contacts are compared with the allowed list.
func NormalizeContact(s string) string {
	return strings.Map(func(r rune) rune {
		switch r {
		case ' ', '-', '/', '(', ')', '.':
			if strings.ContainsRune(s, '@') && r == '.' {
				return r
			}
			return -1
		}
		return r
	}, strings.ToLower(strings.TrimSpace(s)))
}
