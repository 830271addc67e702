package resolve

import (
	"sort"
	"strconv"
	"strings"

	"github.com/4im-project/dissem/builder/config"
	"github.com/4im-project/dissem/builder/content"
	"github.com/4im-project/dissem/builder/diag"
)

// CheckMenu reports each entry of site.yaml's menu that names neither a
// section folder nor a top-level page of the content, at the entry's line:
// such an entry is left out of every page's navigation without a word.
// Drafts count, so that a menu can be written before the pages are public.
func CheckMenu(cfg *config.Config, docs []*content.Doc) diag.List {
	var d diag.List
	if len(cfg.Menu) == 0 {
		return d
	}
	names := map[string]bool{}
	for _, doc := range docs {
		if doc == nil {
			continue
		}
		if doc.Section != "" {
			names[doc.Section] = true
		} else {
			names[doc.Base] = true
		}
	}
	for i, item := range cfg.Menu {
		if names[item] {
			continue
		}
		d.Errorf(cfg.Pos("menu."+strconv.Itoa(i)), "field \"menu\": %q names no section folder and no page at the top of the content folder%s",
			item, menuHint(item, names))
	}
	return d
}

// menuHint suggests a name that differs from item only a little, or lists
// the names there are.
func menuHint(item string, names map[string]bool) string {
	all := make([]string, 0, len(names))
	for n := range names {
		all = append(all, n)
	}
	sort.Strings(all)
	for _, n := range all {
		if nearName(item, n) {
			return "; did you mean \"" + n + "\"?"
		}
	}
	if len(all) == 0 || len(all) > 20 {
		return ""
	}
	return "; the folders and pages are: " + strings.Join(all, ", ")
}

// nearName reports whether a and b differ by case, by one letter added,
// left out or changed, or by two neighbours swapped.
func nearName(a, b string) bool {
	a, b = strings.ToLower(a), strings.ToLower(b)
	if len(a) < len(b) {
		a, b = b, a
	}
	switch {
	case a == b:
		return true
	case len(b) < 3 || len(a)-len(b) > 1:
		return false
	case len(a) == len(b)+1:
		for i := range a {
			if a[:i]+a[i+1:] == b {
				return true
			}
		}
		return false
	}
	var diff []int
	for i := range a {
		if a[i] != b[i] {
			diff = append(diff, i)
		}
	}
	return len(diff) == 1 || len(diff) == 2 && diff[1] == diff[0]+1 && a[diff[0]] == b[diff[1]] && a[diff[1]] == b[diff[0]]
}
