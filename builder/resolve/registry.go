package resolve

import (
	"fmt"
	"strings"

	"github.com/4im-project/dissem/builder/diag"
)

// The ranks of claimants. When two claim one path, the message goes to the
// one of higher rank, which is the one an editor should rename: a "slug"
// field before the file name it repeats, a document before the folder it
// would shadow, a folder before the site's own pages.
const (
	rankSite   = iota // the site's own pages and files: home, search, feeds…
	rankFolder        // section folders and taxonomy terms
	rankFile          // documents, media and static files
	rankSlug          // documents whose "slug" field made the address
)

// claim says who writes an output path and how to tell the editor.
type claim struct {
	rank int
	// pos is where the claimant comes from: a content file, a front-matter
	// field, a term, a folder. Empty for what the site itself generates.
	pos diag.Pos
	// what names the claimant in a sentence: "content/guides/a.en.md",
	// "the site's search page"; self names its address in a message put at
	// pos: "its address", "the folder's list".
	what, self string
	// fix tells the editor how to move this claimant elsewhere.
	fix string
	// url is the address as readers see it, for messages.
	url string
}

// registry is the site's one table of output paths. Every page and file the
// build writes claims its path here once, so two things that would land on
// the same path (and the later silently replace the earlier) are an error
// naming both. It costs one map insert per output path.
type registry struct {
	owner map[string]claim
	diags *diag.List
}

func newRegistry(diags *diag.List, size int) *registry {
	return &registry{owner: make(map[string]claim, size), diags: diags}
}

// regKey is the registry's key for an output path. A page's folder
// ("en/search/") and a file written as its index ("en/search/index.html")
// are the same place; paths that differ only in capitals are the same place
// on the file systems of Windows and macOS, where one would replace the other.
func regKey(p string) string {
	p = strings.TrimSuffix(p, "index.html")
	p = strings.TrimSuffix(p, "/")
	// strings.ToLower returns p itself when there is nothing to lower.
	return strings.ToLower(p)
}

// claim records that c writes path p. When p is taken, it reports the
// collision and returns false.
func (r *registry) claim(p string, c claim) bool {
	if n := lastSegment(p); len(n) > maxSegment {
		// The build would stop at writing, with a machine error and no
		// position; the claimant is the one to shorten.
		r.diags.Errorf(c.pos, "the address %s is too long to be a file name (%d characters in one part; at most %d); %s",
			shortURL(c.url), len(n), maxSegment, c.fix)
		return false
	}
	k := regKey(p)
	prev, taken := r.owner[k]
	if !taken {
		r.owner[k] = c
		return true
	}
	pos, msg := collision(prev, c)
	r.diags.Errorf(pos, "%s", msg)
	return false
}

// collision words the message for two claimants of one path. It goes to the
// claimant of higher rank, or the later file of two of the same rank, so
// that the blame never depends on the order files were read in.
func collision(a, b claim) (diag.Pos, string) {
	if a.rank > b.rank || a.rank == b.rank && later(a.pos, b.pos) {
		a, b = b, a
	}
	switch {
	case a.rank < b.rank && a.rank >= rankFile:
		return b.pos, fmt.Sprintf("%s %s is already taken by %s; %s", b.self, b.url, a.what, b.fix)
	case a.rank < b.rank:
		return b.pos, fmt.Sprintf("%s %s is already %s; %s", b.self, b.url, a.what, b.fix)
	case trimIndex(a.url) != trimIndex(b.url):
		return b.pos, fmt.Sprintf("%s and %s make addresses that differ only in capitals (%s and %s), and on Windows and macOS one would replace the other; %s", a.what, b.what, a.url, b.url, b.fix)
	}
	return b.pos, fmt.Sprintf("%s and %s both make %s; %s", a.what, b.what, b.url, b.fix)
}

// maxSegment is the longest part of an output path, in bytes: file systems
// take 255, and a document's folder name comes back in the names of its
// files ("{slug}-{lang}.json").
const maxSegment = 200

// lastSegment is the part of the output path p that its claimant names:
// "en/guides/x/" → "x", "media/guides/a.pdf" → "a.pdf". The folders above
// it are named, and checked, by their own claims.
func lastSegment(p string) string {
	p = strings.TrimSuffix(p, "index.html")
	p = strings.TrimSuffix(p, "/")
	return p[strings.LastIndexByte(p, '/')+1:]
}

// shortURL keeps a message about a long address readable.
func shortURL(u string) string {
	if len(u) <= 80 {
		return u
	}
	cut := 60
	for cut > 0 && u[cut]&0xc0 == 0x80 {
		cut--
	}
	return u[:cut] + "…"
}

func trimIndex(u string) string { return strings.TrimSuffix(u, "index.html") }

// later orders positions by file, line and column.
func later(a, b diag.Pos) bool {
	if a.File != b.File {
		return a.File > b.File
	}
	if a.Line != b.Line {
		return a.Line > b.Line
	}
	return a.Col > b.Col
}

// Owner names what writes the output path p ("en/search/",
// "media/guides/x.csv"), or "" when nothing does. Stages after resolve use
// it to check files resolve does not know of; it never changes the registry.
func (s *Site) Owner(p string) string {
	if s.urls == nil {
		return ""
	}
	return s.urls.owner[regKey(p)].what
}
