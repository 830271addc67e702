package content

import (
	"bytes"
	"errors"
	"strings"

	"github.com/4im-project/dissem/builder/diag"
	"github.com/4im-project/dissem/builder/internal/yamlnode"
	"github.com/BurntSushi/toml"
	"github.com/adrg/frontmatter"
)

// splitFront separates front matter from body with adrg/frontmatter,
// decoding YAML and TOML into position-carrying Values. A file that is not
// UTF-8 text, or whose front matter is never closed, is reported as that
// (not as a body without front matter, which would bring a "missing
// required field" error for every field).
func splitFront(src []byte, file string, diags *diag.List) (*Value, []byte, int) {
	text, ok, d := yamlnode.Text(src, file)
	if !ok {
		diags.Append(d)
		return emptyMap(diag.Pos{File: file, Line: 1}), nil, 1
	}
	src = text
	// The library reads only the front matter: the body stays a slice of
	// src instead of a copy grown through its buffers.
	end, startLine, delim, closed := frontEnd(src)
	fmPos := diag.Pos{File: file, Line: startLine}
	front := emptyMap(fmPos)
	if !closed {
		diags.Errorf(diag.Pos{File: file, Line: startLine, Col: 1},
			"the front matter opened on line %d is never closed with %s; add a line %s after the last field", startLine, delim, delim)
		return front, src[len(src):], bytes.Count(src, []byte("\n")) + 1
	}
	yamlFormat := frontmatter.NewFormat("---", "---", func(data []byte, _ any) error {
		n, d := yamlnode.Parse(data, file, startLine+1)
		diags.Append(d)
		if n == nil {
			return nil
		}
		v := fromYAML(n, file, startLine)
		if v.Kind != Map {
			diags.Errorf(v.Pos, "front matter must be a list of fields like \"title: My title\", got %s", v.Kind)
			return nil
		}
		front = v
		return nil
	})
	tomlFormat := frontmatter.NewFormat("+++", "+++", func(data []byte, _ any) error {
		if line := tomlTooDeep(data); line > 0 {
			diags.Errorf(diag.Pos{File: file, Line: line + startLine}, "front matter (TOML): values are nested more than %d levels deep here; nothing needs that many", yamlnode.MaxDepth)
			return nil
		}
		var m map[string]any
		if _, err := toml.Decode(string(data), &m); err != nil {
			tomlError(err, data, file, startLine, diags)
			return nil
		}
		front = fromTOML(m, diag.Pos{File: file, Line: startLine + 1})
		dropControls(front, diags)
		return nil
	})
	body, err := frontmatter.Parse(bytes.NewReader(src[:end]), nil, yamlFormat, tomlFormat)
	if err != nil {
		diags.Errorf(fmPos, "cannot read the front matter: %v", err)
		return front, src, 1
	}
	if len(body) == 0 {
		body = src[end:]
	} else {
		body = append(body, src[end:]...)
	}
	if len(body) == len(src) {
		// No front matter: the whole file is the body.
		return front, src, 1
	}
	consumed := src[:len(src)-len(body)]
	return front, body, bytes.Count(consumed, []byte("\n")) + 1
}

func emptyMap(pos diag.Pos) *Value {
	return &Value{Kind: Map, Pos: pos, Fields: map[string]*Value{}, KeyPos: map[string]diag.Pos{}}
}

// frontEnd finds the front matter: end is the offset just past the line
// that closes it ("---" or "+++", as opened), or len(src) when there is
// none; line is the line it opens on (the first that is not blank); closed
// is false when it is opened with delim but never closed.
func frontEnd(src []byte) (end, line int, delim string, closed bool) {
	var open []byte
	line = 1
	for off, n := 0, 1; off < len(src); n++ {
		l := src[off:]
		next := len(src)
		if i := bytes.IndexByte(l, '\n'); i >= 0 {
			l, next = l[:i], off+i+1
		}
		t := bytes.TrimSpace(l)
		switch {
		case open == nil && len(t) == 0:
		case open == nil && (string(t) == "---" || string(t) == "+++"):
			open, line = t, n
		case open == nil:
			return len(src), n, "", true
		case bytes.Equal(t, open):
			return next, line, string(open), true
		}
		off = next
	}
	return len(src), line, string(open), open == nil
}

// tomlError reports a TOML decoding error at its line, naming both lines of
// a key given twice.
func tomlError(err error, data []byte, file string, startLine int, diags *diag.List) {
	var pe toml.ParseError
	if !errors.As(err, &pe) {
		diags.Errorf(diag.Pos{File: file, Line: startLine}, "front matter (TOML): %v", err)
		return
	}
	pos := diag.Pos{File: file, Line: pe.Position.Line + startLine, Col: pe.Position.Col}
	if strings.HasSuffix(pe.Message, "has already been defined.") {
		key := pe.LastKey[strings.LastIndexByte(pe.LastKey, '.')+1:]
		if line := yamlnode.Line(data, pe.Position.Line); strings.Contains(line, key) {
			pos.Col = strings.Index(line, key) + 1
		}
		if first := tomlKeyLine(data, key, pe.Position.Line); first > 0 {
			diags.Errorf(pos, "field %q is given twice, on lines %d and %d; keep one", key, first+startLine, pos.Line)
		} else {
			diags.Errorf(pos, "field %q is given twice; keep one", key)
		}
		return
	}
	diags.Errorf(pos, "front matter (TOML): %s", pe.Message)
}

// tomlKeyLine returns the last line before line before that sets key
// ("key = …") or opens a table named key ("[key]"), or 0.
func tomlKeyLine(data []byte, key string, before int) int {
	found := 0
	for n := 1; n < before && len(data) > 0; n++ {
		l := data
		if i := bytes.IndexByte(data, '\n'); i >= 0 {
			l, data = data[:i], data[i+1:]
		} else {
			data = nil
		}
		t := strings.TrimSpace(string(l))
		if rest, ok := strings.CutPrefix(t, key); ok && strings.HasPrefix(strings.TrimSpace(rest), "=") {
			found = n
		}
		if t == "["+key+"]" || t == "[["+key+"]]" {
			found = n
		}
	}
	return found
}

// tomlTooDeep returns the line of data on which brackets and braces nest
// deeper than yamlnode.MaxDepth, or 0. The TOML decoder's time grows with
// the square of the depth (a kilobyte of "{a=" takes seconds), so depth is
// refused before decoding; brackets inside strings and comments do not count.
func tomlTooDeep(data []byte) int {
	depth, line := 0, 1
	for i := 0; i < len(data); i++ {
		switch c := data[i]; c {
		case '\n':
			line++
		case '#':
			for i+1 < len(data) && data[i+1] != '\n' {
				i++
			}
		case '"', '\'':
			if i+2 < len(data) && data[i+1] == c && data[i+2] == c {
				// A multi-line string ends at the next three quotes.
				end := bytes.Index(data[i+3:], []byte{c, c, c})
				if end < 0 {
					return 0
				}
				line += bytes.Count(data[i+3:i+3+end], []byte("\n"))
				i += 3 + end + 2
				continue
			}
			for i+1 < len(data) && data[i+1] != c && data[i+1] != '\n' {
				if c == '"' && data[i+1] == '\\' {
					i++
				}
				i++
			}
			i++
			if i < len(data) && data[i] == '\n' {
				line++
			}
		case '[', '{':
			if depth++; depth > yamlnode.MaxDepth {
				return line
			}
		case ']', '}':
			depth = max(depth-1, 0)
		}
	}
	return 0
}
