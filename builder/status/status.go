// Package status reports translation coverage: for every document, which
// languages have it, which are drafts, which are missing, and which are
// stale — made from a source text that has changed since.
//
// A translation records what it was made from in its front matter as
// `translated_from: HASH`, the short hash of the source-language body (see
// [Hash]). File modification times cannot tell this: a git clone resets them.
package status

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"path"
	"sort"

	"github.com/4im-project/dissem/builder/content"
	"github.com/4im-project/dissem/builder/schema"
)

// State is the state of one document in one language.
type State string

// The states, from best to worst.
const (
	// Source is the version the others are translated from.
	Source State = "source"
	// Current is a translation made from the source as it is now.
	Current State = "current"
	// Unmarked is a translation that does not say what it was made from.
	Unmarked State = "unmarked"
	// Draft is a translation marked draft: true.
	Draft State = "draft"
	// Stale is a translation made from an older source text.
	Stale State = "stale"
	// Missing means the document does not exist in that language.
	Missing State = "missing"
)

// Cell is one document in one language.
type Cell struct {
	State State `json:"state"`
	// File is the document's path as editors type it; "" when missing.
	File string `json:"file,omitempty"`
}

// Row is one document in every language.
type Row struct {
	// Key names the document: its translationKey, or folder/base name.
	Key string `json:"document"`
	// SourceLang is the language the others are translated from.
	SourceLang string          `json:"source"`
	Langs      map[string]Cell `json:"languages"`
}

// Report is the translation status of a site.
type Report struct {
	Languages []string `json:"language_order"`
	Rows      []Row    `json:"documents"`
}

// Doc is what the report needs of a loaded document.
type Doc struct {
	Doc  *content.Doc
	Meta *schema.Meta
}

// Hash returns the short hash of a Markdown body that a translation records
// as translated_from. Line endings and trailing blank space do not count, so
// an editor's CRLF or a final newline does not make every translation stale.
func Hash(body []byte) string {
	b := body
	// A body without a CR (nearly every one) is hashed where it lies: the
	// copy ReplaceAll makes was as costly as the hash (the register hashes
	// every marked source of the site).
	if bytes.IndexByte(body, '\r') >= 0 {
		b = bytes.ReplaceAll(body, []byte("\r\n"), []byte("\n"))
	}
	sum := sha256.Sum256(bytes.TrimSpace(b))
	return hex.EncodeToString(sum[:6])
}

// Key returns the name that ties a document's translations together.
func Key(d *content.Doc, m *schema.Meta) string {
	if m != nil && m.TranslationKey != "" {
		return m.TranslationKey
	}
	return path.Join(d.Dir, d.Base)
}

// Compute builds the report. languages are the site's codes in order; def is
// the default language, which is the source whenever the document has it
// (otherwise the first language, in site order, that has it).
func Compute(docs []Doc, languages []string, def string) *Report {
	groups := map[string]map[string]Doc{}
	for _, d := range docs {
		k := Key(d.Doc, d.Meta)
		if groups[k] == nil {
			groups[k] = map[string]Doc{}
		}
		groups[k][d.Doc.Lang] = d
	}
	keys := make([]string, 0, len(groups))
	for k := range groups {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	order := append([]string{def}, languages...)
	rep := &Report{Languages: languages}
	for _, k := range keys {
		g := groups[k]
		row := Row{Key: k, Langs: map[string]Cell{}}
		for _, l := range order {
			if _, ok := g[l]; ok {
				row.SourceLang = l
				break
			}
		}
		srcHash := Hash(g[row.SourceLang].Doc.Body)
		for _, l := range languages {
			d, ok := g[l]
			switch {
			case !ok:
				row.Langs[l] = Cell{State: Missing}
				continue
			case l == row.SourceLang:
				row.Langs[l] = Cell{State: Source}
			case d.Meta != nil && d.Meta.Draft:
				row.Langs[l] = Cell{State: Draft}
			case d.Meta == nil || d.Meta.TranslatedFrom == "":
				row.Langs[l] = Cell{State: Unmarked}
			case d.Meta.TranslatedFrom != srcHash:
				row.Langs[l] = Cell{State: Stale}
			default:
				row.Langs[l] = Cell{State: Current}
			}
			c := row.Langs[l]
			c.File = d.Doc.Path
			row.Langs[l] = c
		}
		rep.Rows = append(rep.Rows, row)
	}
	return rep
}

// Counts returns how many cells are in each state.
func (r *Report) Counts() map[State]int {
	n := map[State]int{}
	for _, row := range r.Rows {
		for _, c := range row.Langs {
			n[c.State]++
		}
	}
	return n
}

// Incomplete reports whether any translation is missing, stale or a draft.
func (r *Report) Incomplete() bool {
	n := r.Counts()
	return n[Missing]+n[Stale]+n[Draft] > 0
}
