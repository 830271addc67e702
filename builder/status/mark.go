package status

import (
	"bytes"
	"errors"
	"fmt"
	"strconv"
)

// Mark returns src with its front matter's translated_from set to hash.
func Mark(src []byte, hash string) ([]byte, error) { return SetField(src, "translated_from", hash) }

// SetField returns src with the top-level front-matter field key set to the
// text value (written quoted), replacing the field's line when it is there
// and adding it before the closing delimiter otherwise. The rest of the file
// is kept byte for byte. Fields whose value spans several lines are not
// replaced correctly; it is meant for one-line fields such as title, draft
// and translated_from.
func SetField(src []byte, key, value string) ([]byte, error) {
	nl := []byte("\n")
	if bytes.Contains(src, []byte("\r\n")) {
		nl = []byte("\r\n")
	}
	lines := bytes.SplitAfter(src, []byte("\n"))
	open := -1
	var delim string
	for i, l := range lines {
		t := string(bytes.TrimSpace(l))
		if open < 0 {
			if t == "" {
				continue
			}
			if t != "---" && t != "+++" {
				return nil, errors.New("the file has no front matter; add one between --- lines first")
			}
			open, delim = i, t
			continue
		}
		field := fmt.Sprintf("%s: %s", key, quote(value))
		if delim == "+++" {
			field = fmt.Sprintf("%s = %s", key, quote(value))
		}
		if bytes.HasPrefix(l, []byte(key)) {
			rest := bytes.TrimLeft(l[len(key):], " \t")
			if len(rest) > 0 && (rest[0] == ':' || rest[0] == '=') {
				return join(lines[:i], []byte(field), nl, lines[i+1:]), nil
			}
		}
		if t == delim {
			return join(lines[:i], []byte(field), nl, lines[i:]), nil
		}
	}
	return nil, errors.New("the front matter is never closed")
}

func join(before [][]byte, field, nl []byte, after [][]byte) []byte {
	var b bytes.Buffer
	for _, l := range before {
		b.Write(l)
	}
	b.Write(field)
	b.Write(nl)
	for _, l := range after {
		b.Write(l)
	}
	return b.Bytes()
}

// quote writes value as a double-quoted string that YAML and TOML both read
// back as value: booleans stay bare.
func quote(value string) string {
	if value == "true" || value == "false" {
		return value
	}
	return strconv.Quote(value)
}
