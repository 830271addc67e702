// Package yamlnode parses the YAML that editors write — front matter,
// site.yaml, UI strings — into node trees with positions, refusing what an
// editor never means and a hostile file uses to make a build run out of
// time or memory:
//
//   - aliases (*name): a recursive one (`x: &a [*a]`) never ends and ten
//     nested ones ("billion laughs") grow a kilobyte into gigabytes; editors
//     need neither, so any alias is an error at its own line;
//   - nesting deeper than MaxDepth (checked by the parser, no recursion);
//   - a key given twice in one mapping (YAML's "last one wins" silently
//     drops the first), reported with both lines;
//   - bytes that are not UTF-8 (see Text).
//
// Syntax errors are reported at the line of the mistake, in words an editor
// understands, not at the line where the parser gave up.
package yamlnode

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/4im-project/dissem/builder/diag"
	"go.yaml.in/yaml/v4"
	"go.yaml.in/yaml/v4/plugin/loaderlimits"
)

// MaxDepth is how deeply lists and mappings may nest. Front matter needs
// three or four levels; the bound keeps every walk over the tree shallow.
const MaxDepth = 100

// Parse parses src, the YAML of file that starts on the file's line
// firstLine (1 for a whole file, the line after "---" for front matter).
// It returns the document's top node, or nil when src holds no document
// (empty, or only comments) or has errors; every problem is in the list.
func Parse(src []byte, file string, firstLine int) (*yaml.Node, diag.List) {
	var diags diag.List
	l, err := yaml.NewLoader(bytes.NewReader(src), yaml.WithPlugin(loaderlimits.New(loaderlimits.DepthValue(MaxDepth))))
	if err != nil {
		diags.Errorf(diag.Pos{File: file, Line: firstLine}, "cannot read the YAML: %v", err)
		return nil, diags
	}
	var doc yaml.Node
	if err := l.Load(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, nil
		}
		syntaxError(err, src, file, firstLine, &diags)
		return nil, diags
	}
	lines := fileLines(src)
	toFileLines(&doc, lines)
	var extra yaml.Node
	if err := l.Load(&extra); err == nil {
		// A bare "---" at the end starts a document on the line after the
		// file's last one; point at the marker's line instead.
		line := min(toFile(lines, extra.Line), bytes.Count(src, []byte("\n"))+1)
		diags.Errorf(diag.Pos{File: file, Line: line + firstLine - 1, Col: 1},
			"a second set of fields starts here, after a line \"---\" or \"...\"; keep all fields in one block")
	} else if !errors.Is(err, io.EOF) {
		syntaxError(err, src, file, firstLine, &diags)
	}
	if len(doc.Content) == 0 {
		return nil, diags
	}
	top := doc.Content[0]
	if top.Kind == yaml.ScalarNode && top.Tag == "!!null" && top.Value == "" {
		return nil, diags // only "---": no fields at all, as if empty
	}
	check(top, file, firstLine-1, &diags)
	if diags.HasErrors() {
		return nil, diags
	}
	return top, diags
}

// fileLines maps YAML's line numbers to the file's, or is nil when they
// agree. YAML ends a line at "\n", "\r\n" and also at a lone "\r", U+0085,
// U+2028 and U+2029; every other position in a document counts "\n" only,
// as the body's do, so after one of those (a paste from an old program or
// a PDF) each later field was placed lines too far, the last ones past the
// end of the file.
func fileLines(src []byte) []int {
	if !bytes.ContainsAny(src, "\r\u0085\u2028\u2029") {
		return nil
	}
	m := []int{0, 1} // YAML's line 1 is the file's line 1
	line := 1
	for i := 0; i < len(src); i++ {
		switch c := src[i]; {
		case c == '\n':
			line++
			m = append(m, line)
		case c == '\r' && (i+1 == len(src) || src[i+1] != '\n'),
			c == 0xc2 && i+1 < len(src) && src[i+1] == 0x85,
			c == 0xe2 && i+2 < len(src) && src[i+1] == 0x80 && (src[i+2] == 0xa8 || src[i+2] == 0xa9):
			m = append(m, line)
		}
	}
	return m
}

// toFile is the file's line of YAML's line y (see fileLines).
func toFile(m []int, y int) int {
	switch {
	case m == nil || y <= 0:
		return y
	case y >= len(m):
		return m[len(m)-1]
	}
	return m[y]
}

// toFileLines gives every node of the tree under n the file's line.
func toFileLines(n *yaml.Node, m []int) {
	if m == nil {
		return
	}
	n.Line = toFile(m, n.Line)
	for _, c := range n.Content {
		toFileLines(c, m)
	}
}

// check walks n for aliases, duplicate keys, tags and keys that are not
// names, and takes invisible control characters out of scalars (see
// Controls) with a warning. The parser has bounded the depth, and without
// aliases the tree is no bigger than the text. Only the first alias is
// reported: an alias bomb has dozens, one message is enough.
func check(n *yaml.Node, file string, lineOffset int, diags *diag.List) {
	aliased := false
	var walk func(n *yaml.Node)
	walk = func(n *yaml.Node) {
		if n.Style&yaml.TaggedStyle != 0 && n.Tag != "!!str" {
			// "!!binary" would decode base64 into a text field, "!!int S"
			// or "!custom" were read as plain text: nobody means either.
			diags.Errorf(diag.Pos{File: file, Line: n.Line + lineOffset, Col: n.Column},
				"the YAML tag %q is not supported here; remove it and write the value as plain text", n.Tag)
		}
		switch n.Kind {
		case yaml.ScalarNode:
			if v, r, found := Controls(n.Value); found {
				n.Value = v
				diags.Warnf(diag.Pos{File: file, Line: n.Line + lineOffset, Col: n.Column}, "%s", ControlMessage(r))
			}
			if r, ok := Override(n.Value); ok {
				diags.Warnf(diag.Pos{File: file, Line: n.Line + lineOffset, Col: n.Column}, "%s", OverrideMessage(r))
			}
		case yaml.AliasNode:
			if !aliased {
				diags.Errorf(diag.Pos{File: file, Line: n.Line + lineOffset, Col: n.Column},
					"%q repeats a value marked with \"&%s\"; repeating values this way is not supported here, write the value out in full", "*"+n.Value, n.Value)
			}
			aliased = true
		case yaml.SequenceNode:
			for _, c := range n.Content {
				walk(c)
			}
		case yaml.MappingNode:
			for i := 0; i < len(n.Content); i += 2 {
				if k := n.Content[i]; k.Kind != yaml.ScalarNode {
					diags.Errorf(diag.Pos{File: file, Line: k.Line + lineOffset, Col: k.Column},
						"a field name must be one word like title, not a list or a mapping (written after \"?\")")
				}
			}
			duplicates(n, file, lineOffset, diags)
			for _, c := range n.Content {
				walk(c)
			}
		}
	}
	walk(n)
}

// duplicates reports each key of mapping n given more than once. Mappings
// are small, so comparing pairs costs less than building a set.
func duplicates(n *yaml.Node, file string, lineOffset int, diags *diag.List) {
	keys := n.Content
	if len(keys) > 64 {
		firstAt := make(map[string]*yaml.Node, len(keys)/2)
		for i := 0; i+1 < len(keys); i += 2 {
			k := keys[i]
			if k.Kind != yaml.ScalarNode {
				continue
			}
			if first, dup := firstAt[k.Value]; dup {
				reportDuplicate(first, k, file, lineOffset, diags)
			} else {
				firstAt[k.Value] = k
			}
		}
		return
	}
	for i := 2; i+1 < len(keys); i += 2 {
		k := keys[i]
		if k.Kind != yaml.ScalarNode {
			continue
		}
		for j := 0; j < i; j += 2 {
			if keys[j].Kind == yaml.ScalarNode && keys[j].Value == k.Value {
				reportDuplicate(keys[j], k, file, lineOffset, diags)
				break
			}
		}
	}
}

func reportDuplicate(first, again *yaml.Node, file string, lineOffset int, diags *diag.List) {
	diags.Errorf(diag.Pos{File: file, Line: again.Line + lineOffset, Col: again.Column},
		"field %q is given twice, on lines %d and %d; keep one", again.Value, first.Line+lineOffset, again.Line+lineOffset)
}

// syntaxError reports a parser error at the line of the mistake. The parser
// notices an unclosed quote or bracket only where the text ends, so those
// point at where the quote or bracket was opened.
func syntaxError(err error, src []byte, file string, firstLine int, diags *diag.List) {
	var le *yaml.LoadError
	if !errors.As(err, &le) {
		diags.Errorf(diag.Pos{File: file, Line: firstLine}, "the YAML cannot be read; check the indentation and put quotes around values that contain a colon")
		return
	}
	// The parser may place the end of the text on a line after the last.
	lastLine := bytes.Count(src, []byte("\n")) + 1
	lines := fileLines(src)
	at := func(m yaml.Mark) diag.Pos {
		if m.Line == 0 {
			return diag.Pos{File: file, Line: firstLine}
		}
		line := toFile(lines, m.Line)
		if line > lastLine {
			return diag.Pos{File: file, Line: lastLine + firstLine - 1}
		}
		return diag.Pos{File: file, Line: line + firstLine - 1, Col: m.Column}
	}
	msg, ctx := le.Message, le.ContextMsg
	line := Line(src, le.Mark.Line)
	if !strings.Contains(ctx, "quoted scalar") {
		// A quote left open runs on to the next quote mark, lines later,
		// and the parser stumbles only there.
		if n, col, q := openQuote(src, le.Mark.Line); n > 0 {
			diags.Errorf(diag.Pos{File: file, Line: n + firstLine - 1, Col: col}, "the text in quotes that starts here is never closed; add the closing quote mark (%s) at the end of the value", q)
			return
		}
	}
	switch {
	case strings.Contains(ctx, "quoted scalar") && strings.Contains(msg, "escape"):
		diags.Errorf(at(le.Mark), "a backslash in double quotes starts an escape like \\n; write \\\\ for a backslash, or use single quotes")
	case strings.Contains(ctx, "quoted scalar"):
		q := "quote mark"
		switch charAt(src, le.ContextMark) {
		case `"\""`:
			q += ` (")`
		case `"'"`:
			q += ` (')`
		}
		diags.Errorf(at(le.ContextMark), "the text in quotes that starts here is never closed; add the closing %s at the end of the value", q)
	case strings.Contains(ctx, "flow sequence"):
		diags.Errorf(at(le.ContextMark), "the list opened here with \"[\" is never closed with \"]\"; write it as [first, second] on one line")
	case strings.Contains(ctx, "flow mapping"):
		diags.Errorf(at(le.ContextMark), "the group opened here with \"{\" is never closed with \"}\"; write it as {name: value, other: value}")
	case strings.Contains(msg, "tab character"), strings.Contains(msg, "cannot start any token") && charAt(src, le.Mark) == `"\t"`:
		pos := at(le.Mark)
		pos.Col = 1
		diags.Errorf(pos, "this line is indented with a tab; indent with spaces")
	case strings.Contains(ctx, "simple key") && strings.Contains(msg, "':'"):
		diags.Errorf(at(le.ContextMark), "this line has no \":\"; write each field as \"name: value\"")
	case strings.Contains(msg, "mapping values are not allowed"):
		if before := prefixRunes(line, le.Mark.Column-1); strings.Contains(before, ": ") {
			diags.Errorf(at(le.Mark), "the value contains \": \"; put the whole value in quotes, like title: \"Rent: a guide\"")
		} else {
			pos := at(le.Mark)
			pos.Col = utf8.RuneCountInString(line) - utf8.RuneCountInString(strings.TrimLeft(line, " ")) + 1
			diags.Errorf(pos, "this line is indented more than the field above it; line up fields of the same level")
		}
	case strings.Contains(msg, "expected '-' indicator"), strings.Contains(msg, "did not find expected key") && strings.HasPrefix(strings.TrimSpace(line), "-"):
		diags.Errorf(at(le.Mark), "this line does not line up with the lines above it; indent the items of a list alike, each starting with \"- \"")
	case strings.Contains(msg, "did not find expected key") && le.Mark.Column > 1 && strings.TrimSpace(prefixRunes(line, le.Mark.Column-1)) == "" && strings.Contains(line, ":"):
		diags.Errorf(at(le.Mark), "this line is indented more than the field above it; line up fields of the same level")
	case strings.Contains(msg, "did not find expected key"):
		diags.Errorf(at(le.Mark), "unexpected text here; check the indentation, and put the whole value in quotes when it contains a quote mark or \": \"")
	case strings.Contains(msg, "cannot start any token"):
		diags.Errorf(at(le.Mark), "a value cannot start with %s; put the value in quotes", charAt(src, le.Mark))
	case strings.Contains(msg, "exceeded max depth"):
		diags.Errorf(at(le.Mark), "values are nested more than %d levels deep here; nothing needs that many", MaxDepth)
	case strings.Contains(msg, "unknown anchor"):
		diags.Errorf(at(le.Mark), "%q repeats a value marked with \"&\", which is not supported here; write the value out in full", "*"+wordAt(src, le.Mark))
	case strings.Contains(msg, "UTF-8"), strings.Contains(msg, "UTF-16"):
		diags.Errorf(at(le.Mark), "the file is not saved as UTF-8; save it as UTF-8")
	default:
		diags.Errorf(at(le.Mark), "the YAML cannot be read here (%s); check the indentation and put quotes around values that contain a colon", msg)
	}
}

// openQuote finds the first line up to line last whose value opens a quote
// that the line does not close ("summary: "How to ask…" without the closing
// mark), and returns its number, the quote's column and the quote mark.
func openQuote(src []byte, last int) (n, col int, quote string) {
	for n = 1; n <= last && len(src) > 0; n++ {
		l := src
		if i := bytes.IndexByte(src, '\n'); i >= 0 {
			l, src = src[:i], src[i+1:]
		} else {
			src = nil
		}
		t := strings.TrimRight(string(l), " \t\r")
		start := strings.Index(t, ": ") + 2
		if start < 2 {
			if trimmed := strings.TrimLeft(t, " "); strings.HasPrefix(trimmed, "- ") {
				start = len(t) - len(trimmed) + 2
			} else {
				continue
			}
		}
		v := strings.TrimLeft(t[start:], " ")
		if v == "" || v[0] != '"' && v[0] != '\'' {
			continue
		}
		if !closesQuote(v) {
			return n, utf8.RuneCountInString(t[:len(t)-len(v)]) + 1, v[:1]
		}
	}
	return 0, 0, ""
}

// closesQuote reports whether the quoted value v (starting with its quote
// mark) is closed on its line.
func closesQuote(v string) bool {
	q := v[0]
	for i := 1; i < len(v); i++ {
		switch {
		case q == '"' && v[i] == '\\':
			i++
		case v[i] == q && q == '\'' && i+1 < len(v) && v[i+1] == '\'':
			i++ // '' is a quote mark inside single quotes
		case v[i] == q:
			return true
		}
	}
	return false
}

// Line returns the 1-based line n of src without its line break, or "".
func Line(src []byte, n int) string {
	for i := 1; i < n; i++ {
		j := bytes.IndexByte(src, '\n')
		if j < 0 {
			return ""
		}
		src = src[j+1:]
	}
	if j := bytes.IndexByte(src, '\n'); j >= 0 {
		src = src[:j]
	}
	return string(src)
}

// prefixRunes returns the first n runes of s (columns count characters).
func prefixRunes(s string, n int) string {
	for i := range s {
		if n == 0 {
			return s[:i]
		}
		n--
	}
	return s
}

// charAt quotes the character at mark m.
func charAt(src []byte, m yaml.Mark) string {
	rest := strings.TrimPrefix(Line(src, m.Line), prefixRunes(Line(src, m.Line), m.Column-1))
	for _, r := range rest {
		return fmt.Sprintf("%q", string(r))
	}
	return "the quote mark"
}

// wordAt returns the name after the "*" at mark m.
func wordAt(src []byte, m yaml.Mark) string {
	line := Line(src, m.Line)
	rest := strings.TrimPrefix(strings.TrimPrefix(line, prefixRunes(line, m.Column-1)), "*")
	if i := strings.IndexAny(rest, " ,]}\t"); i >= 0 {
		rest = rest[:i]
	}
	return rest
}
