package site

import (
	"bytes"
	"image"
	"image/color"
	"image/jpeg"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/4im-project/dissem/builder/media/mediatest"
)

// picturesSite is the bad-input base site with a phone photo (GPS,
// camera name, stored on its side) shown as a figure and as the survey's
// lead picture, and a stray file.
func picturesSite(t *testing.T) string {
	t.Helper()
	src := filepath.Join(t.TempDir(), "site")
	if err := os.CopyFS(src, os.DirFS("testdata/bad/_base")); err != nil {
		t.Fatal(err)
	}
	// 1200 × 800 as shown; stored 800 × 1200 with orientation 6.
	m := image.NewRGBA(image.Rect(0, 0, 800, 1200))
	for y := range 1200 {
		for x := range 800 {
			m.Set(x, y, color.RGBA{uint8(x), uint8(y), 120, 255})
		}
	}
	photo, err := mediatest.JPEG(m, 85, mediatest.EXIF{Orientation: 6, Make: "PhoneMaker",
		GPS: &mediatest.GPS{Lat: 48.1035, Lon: 20.7784}})
	if err != nil {
		t.Fatal(err)
	}
	files := map[string]string{
		"content/guides/hall.jpg":  string(photo),
		"content/guides/stray.txt": "nobody links me",
		"content/guides/survey.en.md": `---
title: "Household survey"
summary: "How to ask residents."
date: 2024-05-31
audience: "Social workers"
image: hall.jpg
image_alt: "The community hall"
image_credit: "Photo: Anna Kovács"
---
Ask open questions.

![Residents in the hall](hall.jpg "The first meeting — Photo: Anna Kovács")
`,
	}
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(src, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return src
}

// TestPicturesInTheSite: figure and lead picture markup with the
// picture's upright size, srcset widths, no metadata in any published
// file, the stray file reported and left out, and a rebuild that
// processes no picture and publishes the same bytes.
func TestPicturesInTheSite(t *testing.T) {
	src := picturesSite(t)
	cache := filepath.Join(t.TempDir(), "cache")
	build := func(dest string) *Result {
		res, err := Build(Options{Source: src, Dest: dest, Now: fixedNow, CacheDir: cache})
		if err != nil || res.Diags.HasErrors() {
			t.Fatal(err, res.Diags)
		}
		return res
	}
	dest1 := filepath.Join(t.TempDir(), "out")
	res := build(dest1)
	if res.Pictures.Images != 1 || res.Pictures.Processed != 1 {
		t.Errorf("first build: %+v, want 1 picture processed", res.Pictures)
	}
	var warned bool
	for _, d := range res.Diags {
		warned = warned || strings.Contains(d.String(), "content/guides/stray.txt: warning: no published document links to")
	}
	if !warned {
		t.Errorf("no warning for the stray file: %v", res.Diags)
	}
	if _, err := os.Stat(filepath.Join(dest1, "media/guides/stray.txt")); err == nil {
		t.Error("the stray file was published")
	}
	page, err := os.ReadFile(filepath.Join(dest1, "en/guides/survey/index.html"))
	if err != nil {
		t.Fatal(err)
	}
	html := string(page)
	name := `/pictures/hall-(\d+)\.[0-9a-f]{12}\.jpg`
	for _, want := range []string{
		// The lead picture comes first: fetched first, not lazy.
		`<figure class="lead-picture"><img src="` + name + `" srcset="` + name + ` 480w, ` + name + ` 800w, ` + name + ` 1200w" sizes="[^"]+" width="1200" height="800" alt="The community hall" fetchpriority="high"><figcaption><span class="credit">Photo: Anna Kovács</span></figcaption></figure>`,
		// The body's figure: lazy, with caption and credit.
		`<figure><img src="` + name + `" srcset="[^"]+" sizes="[^"]+" width="1200" height="800" alt="Residents in the hall" loading="lazy" decoding="async"><figcaption>The first meeting <span class="credit">Photo: Anna Kovács</span></figcaption></figure>`,
		`<meta property="og:image" content="https://example.org` + name + `"><meta property="og:image:width" content="1200"><meta property="og:image:height" content="800"><meta property="og:image:alt" content="The community hall">`,
		`"image":\{"@type":"ImageObject"`,
	} {
		if !regexp.MustCompile(want).MatchString(html) {
			t.Errorf("the page lacks %s", want)
		}
	}
	published, _ := filepath.Glob(filepath.Join(dest1, "pictures", "*"))
	if len(published) != 3 {
		t.Errorf("published %v, want 480, 800 and 1200 px", published)
	}
	for _, f := range published {
		data, _ := os.ReadFile(f)
		if bytes.Contains(data, []byte("Exif")) || bytes.Contains(data, []byte("PhoneMaker")) {
			t.Errorf("%s carries the photo's metadata", f)
		}
		if strings.Contains(f, "-1200.") {
			cfg, err := jpeg.DecodeConfig(bytes.NewReader(data))
			if err != nil || cfg.Width != 1200 || cfg.Height != 800 {
				t.Errorf("%s: %+v %v, want 1200 × 800 (upright)", f, cfg, err)
			}
		}
	}
	// The original is not published anywhere.
	if _, err := os.Stat(filepath.Join(dest1, "media/guides/hall.jpg")); err == nil {
		t.Error("the original photo was published")
	}

	dest2 := filepath.Join(t.TempDir(), "out")
	res2 := build(dest2)
	if res2.Pictures.Processed != 0 || res2.Pictures.Reused != 1 {
		t.Errorf("rebuild: %+v, want 0 processed and 1 reused", res2.Pictures)
	}
	for _, f := range published {
		a, _ := os.ReadFile(f)
		b, err := os.ReadFile(filepath.Join(dest2, "pictures", filepath.Base(f)))
		if err != nil || !bytes.Equal(a, b) {
			t.Errorf("%s differs on rebuild (%v)", filepath.Base(f), err)
		}
	}
}

// TestPicturesInServe: serve keeps publishing the pictures of documents
// it does not read again, and a changed picture gets new names on the
// pages that show it.
func TestPicturesInServe(t *testing.T) {
	src := picturesSite(t)
	// A picture only the body shows: the kept document must ask for it.
	var plan bytes.Buffer
	if err := jpeg.Encode(&plan, image.NewRGBA(image.Rect(0, 0, 300, 200)), nil); err != nil {
		t.Fatal(err)
	}
	survey := filepath.Join(src, "content/guides/survey.en.md")
	text, _ := os.ReadFile(survey)
	if err := os.WriteFile(survey, append(text, "\n![The floor plan](plan.jpg)\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(src, "content/guides/plan.jpg"), plan.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	s := NewSession(Options{Source: src, Now: fixedNow, CacheDir: filepath.Join(t.TempDir(), "cache")})
	pictures := func() (names []string, page string) {
		snap := s.Snapshot()
		for name := range snap.Files {
			if strings.HasPrefix(name, "pictures/") {
				names = append(names, name)
			}
		}
		html, _, _ := snap.File("en/guides/survey/index.html")
		return names, string(html)
	}
	rebuild := func(changed ...string) {
		d, err := s.Rebuild(changed, len(changed) == 0)
		if err != nil || d.HasErrors() {
			t.Fatal(err, d)
		}
	}
	rebuild()
	first, _ := pictures()
	if len(first) != 4 {
		t.Fatalf("first build publishes %v", first)
	}
	// Another document changes: the survey is kept, its pictures stay.
	about := filepath.Join(src, "content/about.md")
	data, _ := os.ReadFile(about)
	if err := os.WriteFile(about, append(data, "\nOne more line.\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	rebuild("content/about.md")
	if kept, _ := pictures(); len(kept) != 4 {
		t.Errorf("after an edit elsewhere: %v, want the 4 pictures still", kept)
	}
	// The picture changes: new names, on the page too.
	m := image.NewRGBA(image.Rect(0, 0, 900, 600))
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, m, nil); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(src, "content/guides/hall.jpg"), buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	rebuild("content/guides/hall.jpg")
	now, page := pictures()
	sort.Strings(first)
	oldHash := strings.Split(first[0], ".")[1]
	if len(now) != 4 || strings.Contains(strings.Join(now, " "), oldHash) {
		t.Errorf("after the picture changed: %v (before %v)", now, first)
	}
	for _, name := range now {
		if !strings.Contains(page, "/"+name) {
			t.Errorf("the page does not show %s", name)
		}
	}
	if !strings.Contains(page, `width="900" height="600"`) {
		t.Error("the page keeps the old size")
	}
}

// TestDraftPicturesNotPublished: a picture only a draft shows is not
// published while the draft is not.
func TestDraftPicturesNotPublished(t *testing.T) {
	src := picturesSite(t)
	var secret bytes.Buffer
	if err := jpeg.Encode(&secret, image.NewRGBA(image.Rect(0, 0, 300, 200)), nil); err != nil {
		t.Fatal(err)
	}
	draft := `---
title: "Coaching"
summary: "Draft."
date: 2024-06-01
audience: "Social workers"
draft: true
---
![Residents waiting for their consent](secret.jpg)
`
	for name, data := range map[string][]byte{"content/guides/coaching.en.md": []byte(draft), "content/guides/secret.jpg": secret.Bytes()} {
		if err := os.WriteFile(filepath.Join(src, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, drafts := range []bool{false, true} {
		dest := filepath.Join(t.TempDir(), "out")
		res, err := Build(Options{Source: src, Dest: dest, Now: fixedNow, CacheDir: filepath.Join(t.TempDir(), "cache"), Drafts: drafts})
		if err != nil || res.Diags.HasErrors() {
			t.Fatal(err, res.Diags)
		}
		found, _ := filepath.Glob(filepath.Join(dest, "pictures", "secret-*"))
		if drafts != (len(found) > 0) {
			t.Errorf("drafts shown %v: the draft's picture published as %v", drafts, found)
		}
		for _, d := range res.Diags {
			if strings.Contains(d.String(), "secret.jpg: warning") {
				t.Errorf("the draft's picture is called unused: %s", d)
			}
		}
	}
}
