package linkcheck

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"

	"github.com/tdewolff/parse/v2"
	"github.com/tdewolff/parse/v2/css"
)

func parseCSSFile(dir, rel string) *page {
	data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(rel)))
	if err != nil {
		return &page{err: err}
	}
	return &page{refs: cssRefs(data, 1, "CSS url()")}
}

// cssRefs returns the url() and @import references of a style sheet, a
// <style> element or a style attribute that starts on line first. Every one
// of them is fetched by the browser, so all are resources.
func cssRefs(data []byte, first int, what string) []ref {
	var refs []ref
	// NewInputBytes appends a NUL to its slice; capping the capacity makes
	// it copy instead of writing into the HTML tokenizer's buffer.
	l := css.NewLexer(parse.NewInputBytes(data[:len(data):len(data)]))
	line := first
	afterImport := false
	for {
		tt, tok := l.Next()
		if tt == css.ErrorToken {
			return refs
		}
		switch {
		case tt == css.URLToken:
			refs = append(refs, ref{url: cssURL(tok), line: line, what: what, resource: true})
		case tt == css.StringToken && afterImport:
			refs = append(refs, ref{url: unquote(string(tok)), line: line, what: "CSS @import", resource: true})
		}
		if tt != css.WhitespaceToken && tt != css.CommentToken {
			afterImport = tt == css.AtKeywordToken && strings.EqualFold(string(tok), "@import")
		}
		line += bytes.Count(tok, []byte{'\n'})
	}
}

// cssURL takes the address out of a url(…) token.
func cssURL(tok []byte) string {
	s := string(tok)
	s = strings.TrimSuffix(s[strings.IndexByte(s, '(')+1:], ")")
	return unquote(strings.TrimSpace(s))
}

func unquote(s string) string {
	if len(s) >= 2 && (s[0] == '"' || s[0] == '\'') && s[len(s)-1] == s[0] {
		return s[1 : len(s)-1]
	}
	return s
}
