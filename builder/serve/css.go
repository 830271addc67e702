package serve

import (
	"bytes"
	"strings"
)

// cssSwap is one stylesheet to swap in open pages: the URL paths of the old
// and new file (the same when the name carries no fingerprint).
type cssSwap struct {
	From string `json:"from"`
	To   string `json:"to"`
}

// cssOnly returns the stylesheets to swap when the only difference between
// two snapshots is stylesheets: Changed holds only .css files, and pages
// that differ only in the fingerprinted names of those stylesheets. It
// returns nil when pages must reload.
func cssOnly(prev, next *Snapshot) []cssSwap {
	if next.Changed == nil {
		return nil
	}
	var swaps []cssSwap
	gone := map[string]string{} // unfingerprinted name → fingerprinted, removed
	var added, pages []string
	for _, name := range next.Changed {
		_, before := prev.Files[name]
		_, after := next.Files[name]
		switch {
		case strings.HasSuffix(name, ".html") && before && after:
			pages = append(pages, name)
		case !strings.HasSuffix(name, ".css"):
			return nil
		case before && after:
			swaps = append(swaps, cssSwap{"/" + name, "/" + name})
		case before:
			gone[plainName(name)] = name
		case after:
			added = append(added, name)
		}
	}
	for _, name := range added {
		old, ok := gone[plainName(name)]
		if !ok {
			return nil // a new stylesheet: only a reload links it
		}
		delete(gone, plainName(name))
		swaps = append(swaps, cssSwap{"/" + old, "/" + name})
	}
	if len(swaps) == 0 || len(gone) > 0 {
		return nil
	}
	for _, p := range pages {
		// Kept packed, the pages are compared unpacked, one at a time.
		a, ok1 := prev.file(p)
		b, ok2 := next.file(p)
		if !ok1 || !ok2 || !onlyRenamed(a, b, swaps) {
			return nil
		}
	}
	return swaps
}

// plainName drops a file name's fingerprint: "css/site.3f2a9c1b.css" is
// "css/site.css".
func plainName(name string) string {
	dir, base := "", name
	if i := strings.LastIndexByte(name, '/'); i >= 0 {
		dir, base = name[:i+1], name[i+1:]
	}
	if !fingerprinted(base) {
		return name
	}
	i := strings.LastIndexByte(base, '.')
	j := strings.LastIndexByte(base[:i], '.')
	return dir + base[:j] + base[i:]
}

// onlyRenamed reports whether b is a with each swap's From replaced by its
// To, and nothing else changed.
func onlyRenamed(a, b []byte, swaps []cssSwap) bool {
	for {
		at, k := -1, 0
		for i, s := range swaps {
			if s.From == s.To {
				continue
			}
			if j := bytes.Index(a, []byte(s.From)); j >= 0 && (at < 0 || j < at) {
				at, k = j, i
			}
		}
		if at < 0 {
			return bytes.Equal(a, b)
		}
		from, to := swaps[k].From, swaps[k].To
		if len(b) < at+len(to) || !bytes.Equal(a[:at], b[:at]) || string(b[at:at+len(to)]) != to {
			return false
		}
		a, b = a[at+len(from):], b[at+len(to):]
	}
}
