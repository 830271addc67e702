package site

import (
	"bytes"
	"flag"
	"fmt"
	"io/fs"
	"maps"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/4im-project/dissem/builder/internal/packed"
	"github.com/4im-project/dissem/builder/status"
)

// editSteps is how many random edits TestIncrementalIsFull makes
// (-edit.steps=40 -race for a quicker look at data races).
var editSteps = flag.Int("edit.steps", 300, "how many edits TestIncrementalIsFull makes")

// TestIncrementalIsFull is the proof that serve is never stale: on a copy
// of the test site it makes a long seeded random sequence of an editor's
// edits (bodies, titles, dates, topics, toolkit order, documents and
// translations added, deleted and renamed, links broken and fixed, errors
// made and fixed, an attachment changed, the menu's page renamed), tells a
// Session each step's changed files, and after every step compares every
// file of its snapshot, byte for byte, with a fresh session's full build of
// the same files (and its problems when the files do not build). It also
// checks Snapshot.Changed against the bytes.
func TestIncrementalIsFull(t *testing.T) {
	seed := *editSeed
	if seed == 0 {
		seed = uint64(time.Now().UnixNano())
	}
	t.Logf("seed %d (repeat with -edit.seed=%[1]d)", seed)
	e := newEditor(t, rand.New(rand.NewPCG(seed, 10)))
	s := NewSession(e.opts())
	if d, err := s.Rebuild(nil, true); err != nil || d.HasErrors() {
		t.Fatalf("first build: %v\n%s", err, d)
	}
	// The same edits in a session that makes search indexes when asked.
	lazyOpts := e.opts()
	lazyOpts.LazySearch, lazyOpts.LazyRegister = true, true
	lazy := NewSession(lazyOpts)
	if d, err := lazy.Rebuild(nil, true); err != nil || d.HasErrors() {
		t.Fatalf("first build: %v\n%s", err, d)
	}
	prev := s.Snapshot().Files
	kept, steps := 0, 0
	for step := 1; step <= *editSteps; step++ {
		what, changed := e.edit()
		d, err := s.Rebuild(changed, false)
		if err != nil {
			t.Fatalf("step %d (%s): %v", step, what, err)
		}
		ld, err := lazy.Rebuild(changed, false)
		if err != nil || ld.String() != d.String() {
			t.Fatalf("step %d (%s): with lazy search: %v\n%s", step, what, err, ld)
		}
		fresh := NewSession(e.opts())
		fd, err := fresh.Rebuild(nil, true)
		if err != nil {
			t.Fatalf("step %d (%s): fresh build: %v", step, what, err)
		}
		if d.String() != fd.String() {
			t.Fatalf("step %d (%s): the rebuild says\n%s\na full build says\n%s", step, what, d, fd)
		}
		if fd.HasErrors() {
			if testing.Verbose() {
				t.Logf("step %d (%s): %s", step, what, fd)
			}
			continue
		}
		steps++
		got, want := s.Snapshot(), fresh.Snapshot()
		if diff := compareFiles(got.Files, want.Files); diff != "" {
			t.Fatalf("step %d (%s, changed %v): the rebuild differs from a full build:\n%s", step, what, changed, diff)
		}
		lazyFiles := maps.Clone(lazy.Snapshot().Files)
		for _, z := range lazy.Snapshot().search {
			files, err := z.all()
			if err != nil {
				t.Fatal(err)
			}
			for name, data := range files {
				// Made when asked for, as a build writes them; a
				// snapshot's files are kept packed (store.go).
				lazyFiles[name] = packed.Pack(name, data)
			}
		}
		// The register's pages and exports, as serve asks for them.
		for _, name := range lazy.Snapshot().Lazy {
			data, ok, err := lazy.Brief(name)
			if !ok || err != nil {
				t.Fatalf("step %d (%s): Brief(%q) = %v, %v", step, what, name, ok, err)
			}
			lazyFiles[name] = packed.Pack(name, data)
		}
		if diff := compareFiles(lazyFiles, want.Files); diff != "" {
			t.Fatalf("step %d (%s, changed %v): with lazy search and register, the rebuild differs from a full build:\n%s", step, what, changed, diff)
		}
		var differ []string
		for name, data := range got.Files {
			if old, ok := prev[name]; !ok || !bytes.Equal(old, data) {
				differ = append(differ, name)
			} else if len(data) > 0 && &old[0] == &data[0] {
				kept++
			}
		}
		for name := range prev {
			if _, ok := got.Files[name]; !ok {
				differ = append(differ, name)
			}
		}
		sort.Strings(differ)
		if strings.Join(differ, " ") != strings.Join(got.Changed, " ") {
			t.Fatalf("step %d (%s): Changed = %v, want %v", step, what, got.Changed, differ)
		}
		prev = got.Files
	}
	// Sources whose translations say what they were made from: their
	// saves must be fast too, both those that leave the register as it was
	// and those that make a translation stale or current again.
	t.Logf("%d good steps of %d; %d files kept from the previous snapshot; %d rebuilds only swapped bodies (%d of them titles, summaries or boxes), of %d marked sources (%d made the register again)",
		steps, *editSteps, kept, lazy.rebodies, lazy.shownRebodies, lazy.sourceRebodies, lazy.registers)
	if steps < *editSteps/2 || kept == 0 || lazy.rebodies < *editSteps/10 || lazy.shownRebodies < *editSteps/40 || lazy.sourceRebodies < *editSteps/60 ||
		(*editSteps >= 200 && (lazy.registers == 0 || lazy.registers == lazy.sourceRebodies)) {
		t.Errorf("only %d steps built, %d files were kept, %d rebuilds swapped bodies, of %d marked sources (%d made the register again): the test does not test much",
			steps, kept, lazy.rebodies, lazy.sourceRebodies, lazy.registers)
	}
}

// editSeed chooses TestIncrementalIsFull's edits; 0 means a new sequence
// each run (-edit.seed=0 -count=20 looks further).
var editSeed = flag.Uint64("edit.seed", 1, "seed of TestIncrementalIsFull's edits; 0 = from the clock")

// compareFiles describes how got differs from want, or "".
func compareFiles(got, want map[string][]byte) string {
	var b strings.Builder
	n := 0
	for name, w := range want {
		g, ok := got[name]
		switch {
		case !ok:
			fmt.Fprintf(&b, "%s: missing\n", name)
		case !bytes.Equal(g, w):
			// Kept compressed (store.go): the difference is in the contents.
			if u, err := packed.Unpack(name, g); err == nil {
				g = u
			}
			if u, err := packed.Unpack(name, w); err == nil {
				w = u
			}
			i := 0
			for i < len(g) && i < len(w) && g[i] == w[i] {
				i++
			}
			from := max(0, i-80)
			fmt.Fprintf(&b, "%s: differs at byte %d:\n  got  …%s…\n  want …%s…\n", name, i, g[from:min(len(g), i+80)], w[from:min(len(w), i+80)])
		default:
			continue
		}
		if n++; n == 5 {
			break
		}
	}
	for name := range got {
		if _, ok := want[name]; !ok {
			fmt.Fprintf(&b, "%s: not in a full build\n", name)
		}
	}
	return b.String()
}

// editor keeps a copy of the test site and makes random edits to it.
type editor struct {
	t    *testing.T
	rnd  *rand.Rand
	dir  string
	docs map[string]*genDoc // by path below the site folder
	// broken is a document whose link leads nowhere; bad one whose date is wrong.
	broken, bad string
	cache       string
	// renamed is set while the survey's first heading is renamed: the
	// about page's link to it (#the-method) leads nowhere.
	renamed bool
	// survey0 is the survey's English text as the site has it.
	survey0 string
}

// genDoc is a document the editor wrote, as fields it can change.
type genDoc struct {
	title, summary, date, body, audience, toolkit string
	topics                                        []string
	order                                         int
	brokenLink, badDate, draft                    bool
	// from is the translated_from it records (a translation).
	from string
}

func (d *genDoc) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "---\ntitle: %q\nsummary: %q\n", d.title, d.summary)
	if d.badDate {
		b.WriteString("date: 2024-13-45\n")
	} else {
		fmt.Fprintf(&b, "date: %s\n", d.date)
	}
	if d.audience != "" {
		fmt.Fprintf(&b, "audience: %q\n", d.audience)
	}
	if d.toolkit != "" {
		fmt.Fprintf(&b, "toolkit: %s\norder: %d\n", d.toolkit, d.order)
	}
	if len(d.topics) > 0 {
		fmt.Fprintf(&b, "topics: [%s]\n", strings.Join(d.topics, ", "))
	}
	if d.draft {
		b.WriteString("draft: true\n")
	}
	if d.from != "" {
		fmt.Fprintf(&b, "translated_from: %q\n", d.from)
	}
	b.WriteString("---\n")
	b.WriteString(d.body)
	if d.brokenLink {
		b.WriteString("\nSee [the missing guide](../guides/nowhere.md).\n")
	}
	return b.String()
}

func newEditor(t *testing.T, rnd *rand.Rand) *editor {
	dir := filepath.Join(t.TempDir(), "site")
	if err := os.CopyFS(dir, os.DirFS("testdata/site")); err != nil {
		t.Fatal(err)
	}
	// The survey's translations say what they were made from: the Hungarian
	// from the English text as it is (current until the survey's body is
	// edited), the Slovak from an older one (stale).
	src, err := os.ReadFile(filepath.Join(dir, "content/guides/survey.en.md"))
	if err != nil {
		t.Fatal(err)
	}
	for lang, from := range map[string]string{"hu": bodyHash(string(src)), "sk": "0123456789ab"} {
		tr := filepath.Join(dir, "content/guides/survey."+lang+".md")
		data, err := os.ReadFile(tr)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(tr, []byte("---\ntranslated_from: \""+from+"\"\n"+strings.TrimPrefix(string(data), "---\n")), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return &editor{t: t, rnd: rnd, dir: dir, docs: map[string]*genDoc{}, cache: t.TempDir(), survey0: string(src)}
}

// bodyHash is the translated_from of a translation made from the document
// file text as it is.
func bodyHash(text string) string {
	_, body, _ := strings.Cut(strings.TrimPrefix(text, "---\n"), "\n---\n")
	return status.Hash([]byte(body))
}

func (e *editor) opts() Options {
	return Options{Source: e.dir, Dest: filepath.Join(e.dir, "public"), Now: fixedNow, CacheDir: e.cache}
}

var (
	words  = strings.Fields("neighbourhood survey household energy coaching residents service point municipality partner pilot water heating school youth garden")
	topics = []string{"participation", "housing", "energy", "youth", "részvétel"}
	langs  = []string{"en", "hu", "sk"}
)

func (e *editor) words(n int) string {
	var w []string
	for range n {
		w = append(w, words[e.rnd.IntN(len(words))])
	}
	return strings.Join(w, " ")
}

func (e *editor) date() string {
	return fmt.Sprintf("20%02d-%02d-%02d", 20+e.rnd.IntN(5), 1+e.rnd.IntN(12), 1+e.rnd.IntN(28))
}

func (e *editor) write(rel, text string) {
	full := filepath.Join(e.dir, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
		e.t.Fatal(err)
	}
	if err := os.WriteFile(full, []byte(text), 0o644); err != nil {
		e.t.Fatal(err)
	}
}

func (e *editor) remove(rel string) {
	if err := os.Remove(filepath.Join(e.dir, filepath.FromSlash(rel))); err != nil {
		e.t.Fatal(err)
	}
}

// forget drops a document the editor deletes, and the error it had.
func (e *editor) forget(rel string) {
	delete(e.docs, rel)
	if e.bad == rel {
		e.bad = ""
	}
	if e.broken == rel {
		e.broken = ""
	}
}

// pick returns a random document the editor wrote, or "".
func (e *editor) pick() string {
	if len(e.docs) == 0 {
		return ""
	}
	names := make([]string, 0, len(e.docs))
	for n := range e.docs {
		names = append(names, n)
	}
	sort.Strings(names)
	return names[e.rnd.IntN(len(names))]
}

// newDoc makes a news item or a guide (in the toolkit, with an order).
func (e *editor) newDoc(section string) *genDoc {
	d := &genDoc{title: strings.ToUpper(e.words(1)[:1]) + e.words(3), summary: e.words(5), date: e.date(),
		body: "## " + e.words(2) + "\n\n" + e.words(20) + "\n"}
	if e.rnd.IntN(2) == 0 {
		d.topics = []string{topics[e.rnd.IntN(len(topics))]}
	}
	if section == "guides" {
		d.audience = e.words(2)
		if e.rnd.IntN(3) > 0 {
			d.toolkit, d.order = "kit", e.rnd.IntN(6)
		}
	}
	if e.rnd.IntN(3) == 0 {
		d.body += "\nSee [the survey](../guides/survey.md).\n"
	}
	if e.rnd.IntN(4) == 0 {
		// A link to a heading: its document's body decides whether it works.
		d.body += "\nSee [its method](../guides/survey.en.md#the-method).\n"
	}
	return d
}

// survey replaces old with new in the survey's English text, a body edit.
func (e *editor) survey(old, new string) []string {
	const survey = "content/guides/survey.en.md"
	data, err := fs.ReadFile(os.DirFS(e.dir), survey)
	if err != nil {
		e.t.Fatal(err)
	}
	e.write(survey, strings.Replace(string(data), old, new, 1))
	return []string{survey}
}

// edit makes one random edit and returns what it did and the changed paths.
func (e *editor) edit() (string, []string) {
	save := func(rel string) []string {
		e.write(rel, e.docs[rel].String())
		return []string{rel}
	}
	// Errors are fixed first, one way or another, so that most steps build.
	if e.bad != "" && e.rnd.IntN(2) == 0 {
		rel := e.bad
		e.docs[rel].badDate, e.bad = false, ""
		return "fix a date", save(rel)
	}
	if e.broken != "" && e.rnd.IntN(2) == 0 {
		rel := e.broken
		e.docs[rel].brokenLink, e.broken = false, ""
		return "fix a link", save(rel)
	}
	if e.renamed && e.rnd.IntN(2) == 0 {
		e.renamed = false
		return "name the survey's heading back", e.survey("## The approach", "## The method")
	}
	rel := e.pick()
	switch op := e.rnd.IntN(24); {
	case op < 3 || rel == "":
		section := []string{"news", "guides"}[e.rnd.IntN(2)]
		rel = fmt.Sprintf("content/%s/g%d.%s.md", section, e.rnd.IntN(1000), langs[e.rnd.IntN(3)])
		if e.docs[rel] != nil {
			return "nothing", nil
		}
		e.docs[rel] = e.newDoc(section)
		return "add a document", save(rel)
	case op == 3:
		e.forget(rel)
		e.remove(rel)
		return "delete a document", []string{rel}
	case op == 4:
		// A translation: the same name in another language.
		base := strings.TrimSuffix(strings.TrimSuffix(rel, ".md"), filepath.Ext(strings.TrimSuffix(rel, ".md")))
		tr := base + "." + langs[e.rnd.IntN(3)] + ".md"
		if e.docs[tr] != nil {
			e.forget(tr)
			e.remove(tr)
			return "delete a translation", []string{tr}
		}
		d := *e.docs[rel]
		d.title = "Tr " + d.title
		d.brokenLink, d.badDate = false, false
		if e.rnd.IntN(3) > 0 {
			// Made from rel's text as it is: current while rel is the
			// source and its body stays.
			d.from = bodyHash(e.docs[rel].String())
		}
		e.docs[tr] = &d
		return "add a translation", save(tr)
	case op == 5:
		dir, file := filepath.Split(rel)
		to := dir + fmt.Sprintf("r%d", e.rnd.IntN(10)) + file
		if e.docs[to] != nil || e.bad == rel || e.broken == rel {
			return "nothing", nil
		}
		e.docs[to] = e.docs[rel]
		delete(e.docs, rel)
		e.remove(rel)
		e.write(to, e.docs[to].String())
		return "rename a document", []string{rel, to}
	case op == 6:
		e.docs[rel].title = strings.ToUpper(e.words(1)[:1]) + e.words(2)
		return "edit a title", save(rel)
	case op == 7:
		e.docs[rel].date = e.date()
		return "edit a date", save(rel)
	case op == 8:
		e.docs[rel].topics = nil
		for _, t := range topics {
			if e.rnd.IntN(3) == 0 {
				e.docs[rel].topics = append(e.docs[rel].topics, t)
			}
		}
		return "edit topics", save(rel)
	case op == 9:
		if e.docs[rel].toolkit == "" {
			return "nothing", nil
		}
		e.docs[rel].order = e.rnd.IntN(6)
		return "change a toolkit's order", save(rel)
	case op == 10:
		if e.broken != "" {
			return "nothing", nil
		}
		e.docs[rel].brokenLink, e.broken = true, rel
		return "break a link", save(rel)
	case op == 11:
		if e.bad != "" {
			return "nothing", nil
		}
		e.docs[rel].badDate, e.bad = true, rel
		return "break a date", save(rel)
	case op == 12:
		if e.docs[rel].audience != "" && e.rnd.IntN(2) == 0 {
			// A guide's box on its page and in its brief.
			e.docs[rel].audience = e.words(3)
			return "edit an audience", save(rel)
		}
		e.docs[rel].summary = e.words(6)
		return "edit a summary", save(rel)
	case op == 13:
		e.docs[rel].draft = !e.docs[rel].draft
		return "toggle a draft", save(rel)
	case op == 14:
		e.write("content/guides/questions.csv", "question\n"+e.words(4)+"\n")
		return "edit an attachment", []string{"content/guides/questions.csv"}
	case op == 15:
		e.write("content/about.md", "---\ntitle: \""+strings.ToUpper(e.words(1)[:1])+e.words(1)+"\"\nsummary: \"About this site.\"\ndate: 2024-01-15\n---\nWe link to [the survey](guides/survey.md) and to [its method](guides/survey.md#the-method).\n")
		return "rename the menu's page", []string{"content/about.md"}
	case op == 16:
		// A body edit of a document of the test site itself.
		const survey = "content/guides/survey.en.md"
		data, err := fs.ReadFile(os.DirFS(e.dir), survey)
		if err != nil {
			e.t.Fatal(err)
		}
		if string(data) != e.survey0 && e.rnd.IntN(3) == 0 {
			// Undone: the Hungarian translation is current again.
			e.renamed = false
			e.write(survey, e.survey0)
			return "undo the survey's edits", []string{survey}
		}
		e.write(survey, string(data)+"\n"+e.words(8)+"\n")
		return "edit the survey's body", []string{survey}
	case op == 17:
		// A body edit that breaks another document's link (about.md
		// links to #the-method); a later step names it back.
		if e.renamed {
			return "nothing", nil
		}
		e.renamed = true
		return "rename the survey's heading", e.survey("## The method", "## The approach")
	default:
		e.docs[rel].body = "## " + e.words(2) + "\n\n" + e.words(10+e.rnd.IntN(30)) + "\n"
		return "edit a body", save(rel)
	}
}
