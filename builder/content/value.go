package content

import (
	"fmt"
	"time"

	"github.com/4im-project/dissem/builder/diag"
	"github.com/4im-project/dissem/builder/internal/yamlnode"
	"go.yaml.in/yaml/v4"
)

// Kind is the shape of a front-matter value.
type Kind int

// The kinds of front-matter values.
const (
	Scalar Kind = iota // a string, number, boolean or date, kept as written
	List
	Map
	Null
)

// Value is a front-matter value with the position it was written at, so that
// validation can point at the offending line.
type Value struct {
	Kind Kind
	Pos  diag.Pos
	// Text is a scalar as written (without quotes). Quoted is true when the
	// editor quoted it, which makes it a string whatever it looks like.
	Text   string
	Quoted bool
	// Native holds the decoder's own value for TOML scalars (int64, bool,
	// float64, time.Time, string); nil for YAML.
	Native any
	Items  []*Value // for List
	Keys   []string // for Map, in written order
	Fields map[string]*Value
	// KeyPos is where each key of a Map was written.
	KeyPos map[string]diag.Pos
}

// Get returns the value at key of a Map, or nil.
func (v *Value) Get(key string) *Value {
	if v == nil || v.Kind != Map {
		return nil
	}
	return v.Fields[key]
}

// KindName names k for messages.
func (k Kind) String() string {
	return [...]string{"a single value", "a list", "a mapping", "nothing"}[k]
}

// fromYAML converts a node tree checked by yamlnode.Parse (no aliases,
// bounded depth, no duplicate keys); line offsets shift positions from the
// front matter's own lines to the file's.
func fromYAML(n *yaml.Node, file string, lineOffset int) *Value {
	pos := diag.Pos{File: file, Line: n.Line + lineOffset, Col: n.Column}
	switch n.Kind {
	case yaml.DocumentNode:
		if len(n.Content) == 0 {
			return &Value{Kind: Map, Pos: pos, Fields: map[string]*Value{}, KeyPos: map[string]diag.Pos{}}
		}
		return fromYAML(n.Content[0], file, lineOffset)
	case yaml.AliasNode:
		// yamlnode.Parse refuses aliases: following one could recurse
		// forever (x: &a [*a]) or multiply the document.
		return &Value{Kind: Null, Pos: pos}
	case yaml.SequenceNode:
		v := &Value{Kind: List, Pos: pos}
		for _, c := range n.Content {
			v.Items = append(v.Items, fromYAML(c, file, lineOffset))
		}
		return v
	case yaml.MappingNode:
		v := &Value{Kind: Map, Pos: pos, Fields: map[string]*Value{}, KeyPos: map[string]diag.Pos{}}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k := n.Content[i]
			key := k.Value
			if _, dup := v.Fields[key]; !dup {
				v.Keys = append(v.Keys, key)
			}
			v.Fields[key] = fromYAML(n.Content[i+1], file, lineOffset)
			v.KeyPos[key] = diag.Pos{File: file, Line: k.Line + lineOffset, Col: k.Column}
		}
		return v
	}
	if n.Tag == "!!null" {
		return &Value{Kind: Null, Pos: pos}
	}
	return &Value{Kind: Scalar, Pos: pos, Text: n.Value, Quoted: n.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle) != 0}
}

// fromTOML converts decoded TOML. BurntSushi/toml does not expose key
// positions, so every value points at the front matter's first line; syntax
// errors still carry their own line.
func fromTOML(x any, pos diag.Pos) *Value {
	switch x := x.(type) {
	case map[string]any:
		v := &Value{Kind: Map, Pos: pos, Fields: map[string]*Value{}, KeyPos: map[string]diag.Pos{}}
		for _, k := range sortedKeys(x) {
			v.Keys = append(v.Keys, k)
			v.Fields[k] = fromTOML(x[k], pos)
			v.KeyPos[k] = pos
		}
		return v
	case []map[string]any:
		v := &Value{Kind: List, Pos: pos}
		for _, e := range x {
			v.Items = append(v.Items, fromTOML(e, pos))
		}
		return v
	case []any:
		v := &Value{Kind: List, Pos: pos}
		for _, e := range x {
			v.Items = append(v.Items, fromTOML(e, pos))
		}
		return v
	case string:
		return &Value{Kind: Scalar, Pos: pos, Text: x, Quoted: true, Native: x}
	case time.Time:
		return &Value{Kind: Scalar, Pos: pos, Text: x.Format(time.RFC3339), Native: x}
	}
	return &Value{Kind: Scalar, Pos: pos, Text: fmt.Sprint(x), Native: x}
}

// dropControls takes invisible control characters out of v's texts, as
// yamlnode.Parse does for YAML front matter, with one warning a value.
func dropControls(v *Value, diags *diag.List) {
	switch v.Kind {
	case Scalar:
		if _, ok := v.Native.(string); !ok {
			return
		}
		if t, r, found := yamlnode.Controls(v.Text); found {
			v.Text, v.Native = t, t
			diags.Warnf(v.Pos, "%s", yamlnode.ControlMessage(r))
		}
		if r, ok := yamlnode.Override(v.Text); ok {
			diags.Warnf(v.Pos, "%s", yamlnode.OverrideMessage(r))
		}
	case List:
		for _, it := range v.Items {
			dropControls(it, diags)
		}
	case Map:
		for _, k := range v.Keys {
			dropControls(v.Fields[k], diags)
		}
	}
}
