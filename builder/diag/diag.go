// Package diag carries positions and diagnostics through the build pipeline.
//
// A stage appends to a [List] and goes on; the site package prints the whole
// list at the end and refuses to write output when it holds an error.
package diag

import (
	"fmt"
	"sort"
	"strings"
)

// Pos is a position in a source file. Line and Col count from 1; zero means unknown.
type Pos struct {
	File string
	Line int
	Col  int
}

// String formats p as "file:line:col", dropping the parts that are unknown.
func (p Pos) String() string {
	switch {
	case p.Line == 0:
		return p.File
	case p.Col == 0:
		return fmt.Sprintf("%s:%d", p.File, p.Line)
	}
	return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Col)
}

// Severity tells errors, which stop a build, from warnings, which do not.
type Severity int

// The severities.
const (
	Error Severity = iota
	Warning
)

// Diag is one problem at one position.
type Diag struct {
	Pos      Pos
	Severity Severity
	Msg      string
}

// String formats d as "file:line:col: message", with "warning: " for warnings.
// Invisible characters are shown escaped (see Visible): a file name or a
// quoted value holding an escape sequence must not recolour, clear or
// retitle the terminal that prints it.
func (d Diag) String() string {
	if d.Severity == Warning {
		return Visible(d.Pos.String(), false) + ": warning: " + Visible(d.Msg, true)
	}
	return Visible(d.Pos.String(), false) + ": " + Visible(d.Msg, true)
}

// List collects diagnostics. The zero value is ready to use. It is not safe
// for concurrent use: parallel stages keep one List per item and merge them.
type List []Diag

// Errorf appends an error at pos.
func (l *List) Errorf(pos Pos, format string, args ...any) {
	*l = append(*l, Diag{Pos: pos, Severity: Error, Msg: fmt.Sprintf(format, args...)})
}

// Warnf appends a warning at pos.
func (l *List) Warnf(pos Pos, format string, args ...any) {
	*l = append(*l, Diag{Pos: pos, Severity: Warning, Msg: fmt.Sprintf(format, args...)})
}

// Append adds all of other to l.
func (l *List) Append(other List) { *l = append(*l, other...) }

// HasErrors reports whether l holds at least one error.
func (l List) HasErrors() bool {
	for _, d := range l {
		if d.Severity == Error {
			return true
		}
	}
	return false
}

// Errors returns the number of errors in l.
func (l List) Errors() int {
	n := 0
	for _, d := range l {
		if d.Severity == Error {
			n++
		}
	}
	return n
}

// Sort orders l by file, line, column and message, so reports are stable.
func (l List) Sort() {
	sort.SliceStable(l, func(i, j int) bool {
		a, b := l[i].Pos, l[j].Pos
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		if a.Col != b.Col {
			return a.Col < b.Col
		}
		return l[i].Msg < l[j].Msg
	})
}

// String formats l one diagnostic a line.
func (l List) String() string {
	var b strings.Builder
	for _, d := range l {
		b.WriteString(d.String())
		b.WriteByte('\n')
	}
	return b.String()
}

// Err returns l as an error when it holds errors, or nil.
func (l List) Err() error {
	if !l.HasErrors() {
		return nil
	}
	return ListError(l)
}

// ListError is a List used as an error value.
type ListError List

func (e ListError) Error() string {
	n := List(e).Errors()
	return fmt.Sprintf("%d error(s):\n%s", n, List(e).String())
}
