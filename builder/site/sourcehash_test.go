package site

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cespare/xxhash/v2"

	"github.com/4im-project/dissem/builder/content"
	"github.com/4im-project/dissem/builder/internal/filecache"
	"github.com/4im-project/dissem/builder/register"
	"github.com/4im-project/dissem/builder/schema"
	"github.com/4im-project/dissem/builder/status"
)

// TestSourceHashes checks the register's translation states, with briefs
// on and off (the load then drops the bodies), against hashes worked out
// here: a Hungarian translation made from the English source as it is
// (current), a Slovak one made from an older text (stale), and a Slovak
// translation of a document that has no English version, whose source is
// the Hungarian one (current; with briefs off it is read again). The load
// hashes only the unmarked versions of marked documents it holds the body
// of, and with briefs off holds no body after.
func TestSourceHashes(t *testing.T) {
	src := t.TempDir()
	copyTree(t, "testdata/site", src)
	guides := filepath.Join(src, "content", "guides")
	read := func(name string) string {
		b, err := os.ReadFile(filepath.Join(guides, name))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	mark := func(name, from string) string {
		return "---\ntranslated_from: \"" + from + "\"\n" + strings.TrimPrefix(read(name), "---\n")
	}
	write := func(name, text string) {
		if err := os.WriteFile(filepath.Join(guides, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	local := strings.Replace(read("survey.hu.md"), "A háztartásfelmérés", "Helyi felmérés", 1)
	local = strings.Replace(local, "toolkit: kit\norder: 1\n", "", 1)
	write("local.hu.md", local)
	write("local.sk.md", "---\ntranslated_from: \""+bodyHash(local)+"\"\n"+
		strings.Replace(strings.TrimPrefix(local, "---\n"), "Helyi felmérés", "Miestny prieskum", 1))
	write("survey.hu.md", mark("survey.hu.md", bodyHash(read("survey.en.md"))))
	write("survey.sk.md", mark("survey.sk.md", bodyHash("---\n---\nThe method, as it was.\n")))
	want := map[string]string{"guides/survey en": register.Source, "guides/survey hu": register.Current,
		"guides/survey sk": register.Stale, "guides/local hu": register.Source, "guides/local sk": register.Current}
	for _, briefs := range []bool{true, false} {
		o := Options{Source: src, Now: fixedNow, NoSearch: true, NoBriefs: !briefs}
		o.defaults()
		l, d := load(&o, nil, nil)
		if d.HasErrors() {
			t.Fatal(d)
		}
		l.sourcesHashed()
		// With briefs on every body is at hand: the Hungarian source too.
		hashed := map[string]bool{"guides/survey.en.md": true, "guides/local.hu.md": briefs}
		for doc := range l.hashes {
			if !hashed[doc.Rel] {
				t.Errorf("briefs %v: the load hashed %s", briefs, doc.Rel)
			}
			delete(hashed, doc.Rel)
		}
		for rel, want := range hashed {
			if want {
				t.Errorf("briefs %v: the load did not hash %s", briefs, rel)
			}
		}
		if !briefs {
			for _, doc := range l.tree.Docs {
				if doc.Body != nil {
					t.Errorf("briefs off: %s's body is still held after the load", doc.Rel)
				}
			}
		}
		reg := register.Build(register.Input{Site: l.site, SourceHash: l.sourceHash})
		got := map[string]string{}
		for _, row := range reg.Rows {
			if _, ok := want[row.Key+" "+row.Lang]; ok {
				got[row.Key+" "+row.Lang] = row.State
			}
		}
		for k, w := range want {
			if got[k] != w {
				t.Errorf("briefs %v: %s is %q, want %q", briefs, k, got[k], w)
			}
		}
	}
}

// TestSourceHashCache checks the cache of source hashes: a build keeps
// what it hashed, the next takes a body's hash from the cache (a planted
// one comes back, so it is read), a changed body is hashed again, and a
// damaged cache file is ignored and written anew.
func TestSourceHashCache(t *testing.T) {
	source := &content.Doc{Rel: "guides/a.en.md", Dir: "guides", Base: "a", Lang: "en", Body: []byte("The method.\n")}
	marked := &content.Doc{Rel: "guides/a.hu.md", Dir: "guides", Base: "a", Lang: "hu", Body: []byte("A módszer.\n")}
	docs := []*content.Doc{source, marked}
	infos := func() []sourceInfo {
		return []sourceInfo{sourceInfoOf(source, &schema.Meta{}, true),
			sourceInfoOf(marked, &schema.Meta{TranslatedFrom: "abc"}, true)}
	}
	cacheDir := t.TempDir()
	file := filepath.Join(cacheDir, "register", sourceHashesName)
	got := hashSources(docs, infos(), cacheDir)
	if len(got) != 1 || got[source] != status.Hash(source.Body) {
		t.Fatalf("first build: %v, want the source's hash only", got)
	}
	if info, err := os.Stat(file); err != nil || info.Size() != entrySize {
		t.Fatalf("cache file after the first build: %v, %v", info, err)
	}
	c := &filecache.Dir{Path: filepath.Dir(file)}
	writeSourceHashes(c, []sourceKey{infos()[0].body}, []string{"0123456789ab"})
	if got := hashSources(docs, infos(), cacheDir); got[source] != "0123456789ab" {
		t.Errorf("second build: %q, want the cached (planted) hash", got[source])
	}
	source.Body = []byte("The method, revised.\n")
	if got := hashSources(docs, infos(), cacheDir); got[source] != status.Hash(source.Body) {
		t.Errorf("changed body: %q, want its own hash", got[source])
	}
	if err := os.WriteFile(file, []byte("damaged"), 0o644); err != nil {
		t.Fatal(err)
	}
	if got := hashSources(docs, infos(), cacheDir); got[source] != status.Hash(source.Body) {
		t.Errorf("damaged cache: %q, want the body's hash", got[source])
	}
	if info, err := os.Stat(file); err != nil || info.Size() != entrySize {
		t.Errorf("damaged cache file not written anew: %v, %v", info, err)
	}
	// Without a cache folder nothing is kept, and nothing breaks.
	if got := hashSources(docs, infos(), ""); got[source] != status.Hash(source.Body) {
		t.Errorf("no cache: %q", got[source])
	}
}

// TestKeySum checks that keySum is the hash of status.Key, which it makes
// without the key where it can.
func TestKeySum(t *testing.T) {
	for _, c := range []struct{ dir, base, key string }{
		{"guides", "survey", ""}, {"guides/sub", "survey", ""}, {"", "about", ""}, {".", "about", ""},
		{"guides/", "survey", ""}, {"a/../b", "x", ""}, {"guides", "", ""}, {"guides", "..", ""},
		{"guides", "survey", "shared-key"}, {"/abs", "x", ""},
	} {
		doc, meta := &content.Doc{Dir: c.dir, Base: c.base}, &schema.Meta{TranslationKey: c.key}
		if got, want := keySum(doc, meta), xxhash.Sum64String(status.Key(doc, meta)); got != want {
			t.Errorf("keySum(%q, %q, %q) = %x, want the hash of %q, %x", c.dir, c.base, c.key, got, status.Key(doc, meta), want)
		}
	}
}
