package config

import (
	"bytes"
	"net/url"
	"strings"
	"testing"

	"go.yaml.in/yaml/v4"
)

// FuzzConfig checks Parse on any bytes: it never panics; every message
// names site.yaml at a line inside it, without Go words; a configuration it
// accepts keeps its promises (a base URL that is http or https, 1 or more
// items a page, a default language that is one of the languages); and an
// accepted configuration written back as YAML parses to the same one.
func FuzzConfig(f *testing.F) {
	f.Add([]byte(base))
	f.Add([]byte(base + "paginate: 0\nmenu: [a]\nsections: {a: guide}\n"))
	f.Add([]byte("\xef\xbb\xbf" + base + "keyFigures: [{value: 1, label: {en: x}}]\nbriefs: false\n"))
	f.Add([]byte(base + "a: &a [*a]\n"))
	f.Add([]byte(""))
	f.Fuzz(func(t *testing.T, src []byte) {
		c, diags := Parse("site.yaml", src)
		// YAML breaks lines at \n, \r\n and a lone \r (old Mac editors),
		// and so do the positions it reports.
		lines := bytes.Count(bytes.ReplaceAll(src, []byte("\r\n"), []byte("\n")), []byte("\n")) +
			bytes.Count(src, []byte("\r")) - bytes.Count(src, []byte("\r\n")) + 1
		for _, d := range diags {
			if d.Pos.File != "site.yaml" || d.Pos.Line < 1 || d.Pos.Line > lines {
				t.Fatalf("message outside the file (%d lines): %s", lines, d)
			}
			for _, goWord := range []string{"!!", "config.", "EOF", "unmarshal", "construct", "reflect", "struct {"} {
				// The file's own text may be quoted back, Go words and all,
				// with its invisible control characters left out ("0!\x7f!"
				// is quoted as "0!!").
				if strings.Contains(d.Msg, goWord) && !bytes.Contains(src, []byte(goWord)) && !strings.Contains(visible(src), goWord) {
					t.Fatalf("message with the Go word %q: %s", goWord, d)
				}
			}
		}
		if diags.HasErrors() {
			return
		}
		u, err := url.Parse(c.BaseURL)
		if c == nil || err != nil || u.Scheme != "http" && u.Scheme != "https" || u.Host == "" || c.Paginate < 1 {
			t.Fatalf("accepted %+v", c)
		}
		found := false
		for _, l := range c.Languages {
			found = found || l.Code == c.DefaultLanguage
		}
		if !found {
			t.Fatalf("default language %q is not a language", c.DefaultLanguage)
		}
		for p, pos := range c.pos {
			if pos.Line < 1 || pos.Line > lines {
				t.Fatalf("%s recorded at line %d of %d", p, pos.Line, lines)
			}
		}
		out, err := yaml.Marshal(c)
		if err != nil {
			t.Fatal(err)
		}
		back, d := Parse("site.yaml", out)
		if d.HasErrors() {
			t.Fatalf("written back as\n%s\nit does not parse:\n%s", out, d)
		}
		if again, _ := yaml.Marshal(back); !bytes.Equal(again, out) {
			t.Fatalf("round trip changed the configuration:\n%s\n%s", out, again)
		}
	})
}

// visible is src without the invisible control characters (C0 but tab and
// line ends, DEL, C1) that values are read without.
func visible(src []byte) string {
	return strings.Map(func(r rune) rune {
		if r < 0x20 && r != '\t' && r != '\n' && r != '\r' || r >= 0x7f && r < 0xa0 {
			return -1
		}
		return r
	}, string(src))
}
