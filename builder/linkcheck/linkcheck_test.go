package linkcheck

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// writeSite writes files into a temporary folder, like fstest.MapFS on disk
// (Check reads a real output folder).
func writeSite(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, body := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// doc is a minimal page with head and body parts.
func doc(head, body string) string {
	return "<!doctype html><html lang=en><head><title>t</title>" + head + "</head><body>" + body + "</body></html>"
}

// good is a small correct site: two translations, a stylesheet, a sitemap.
func good() map[string]string {
	alts := `<link rel="alternate" hreflang="en" href="https://x.org/en/a/"><link rel="alternate" hreflang="hu" href="https://x.org/hu/a/"><link rel="stylesheet" href="/css/s.css">`
	return map[string]string{
		"index.html":      doc("", `<a href="/en/">en</a> <a href="hu/">hu</a> <a href="https://other.org/x.js">out</a> <a href="mailto:a@b.c">m</a> <a href="tel:+36">t</a>`),
		"en/index.html":   doc("", `<a href="#main">skip</a><main id="main"><a href="a/#s2">a</a> <a href="/en/a">no slash</a> <a href="../hu/?q=1">hu</a> <a href="#top">top</a></main>`),
		"hu/index.html":   doc("", `<img src="/img/x.png" srcset="/img/x.png 1x, /img/x.png 2x" alt=""><a href="https://x.org/en/a/#s2">abs</a>`),
		"en/a/index.html": doc(alts, `<h2 id="s2">S</h2><a name="old"></a><a href="../../hu/a/#old2">hu</a><a href="b.pdf#page=2">pdf</a>`),
		"en/a/b.pdf":      "%PDF",
		"hu/a/index.html": doc(alts, `<a name="old2"></a><a href="/en/a/#old">en</a><form action="/hu/"></form>`),
		"css/s.css":       `body{background:url(../img/x.png)} @import "t.css"; .x{background:url("data:image/png;base64,AA==")}`,
		"css/t.css":       `a{color:red}`,
		"img/x.png":       "png",
		"sitemap.xml": `<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">
<url><loc>https://x.org/en/a/</loc><xhtml:link rel="alternate" hreflang="hu" href="https://x.org/hu/a/"/></url>
</urlset>`,
	}
}

func TestCheckGood(t *testing.T) {
	rep, diags := Check(writeSite(t, good()), "https://x.org/")
	if len(diags) != 0 {
		t.Errorf("unexpected diagnostics:\n%s", diags)
	}
	if rep.Pages != 5 {
		t.Errorf("Pages = %d, want 5", rep.Pages)
	}
	// 21 in HTML, 2 in CSS (not the data: URL), 2 in the sitemap.
	if rep.Links != 25 {
		t.Errorf("Links = %d, want 25", rep.Links)
	}
}

func TestCheckPlanted(t *testing.T) {
	tests := []struct {
		name    string
		base    string
		plant   map[string]string
		want    []string // each must appear in one diagnostic
		wantLen int
	}{
		{"missing page", "https://x.org/", map[string]string{
			"en/b/index.html": doc("", "<p>\n<a href=\"/en/nope/\">x</a>")},
			[]string{`en/b/index.html:2: broken link: <a href> "/en/nope/" leads nowhere: there is no file en/nope/index.html`}, 1},
		{"missing fragment", "https://x.org/", map[string]string{
			"en/b/index.html": doc("", `<a href="/en/a/#nope">x</a><a href="#gone">y</a>`)},
			[]string{`en/b/index.html:1: broken link: <a href> "/en/a/#nope" leads to a missing anchor: en/a/index.html has no id="nope"`,
				`"#gone" leads to a missing anchor: en/b/index.html has no id="gone"`}, 2},
		{"missing image and script", "https://x.org/", map[string]string{
			"en/b/index.html": doc(`<script src="/js/none.js"></script>`, `<img src="../../img/none.png" alt="">`)},
			[]string{`<script src> "/js/none.js" leads nowhere`, `<img src> "../../img/none.png" leads nowhere: there is no file img/none.png`}, 2},
		{"own absolute URL", "https://x.org/", map[string]string{
			"en/b/index.html": doc("", `<a href="https://X.org/en/c/">x</a>`)},
			[]string{`"https://X.org/en/c/" leads nowhere`}, 1},
		{"missing CSS url", "https://x.org/", map[string]string{
			"css/t.css": "a{color:red}\nb{background:url('../img/none.svg')}"},
			[]string{`css/t.css:2: broken link: CSS url() "../img/none.svg" leads nowhere`}, 1},
		{"hreflang not reciprocal", "https://x.org/", map[string]string{
			"sk/a/index.html": doc(`<link rel="alternate" hreflang="en" href="https://x.org/en/a/"><link rel="alternate" hreflang="sk" href="https://x.org/sk/a/">`, "")},
			[]string{`sk/a/index.html:1: hreflang "en" alternate "https://x.org/en/a/" is not reciprocal: en/a/index.html does not list this page`}, 1},
		{"hreflang to a missing page", "https://x.org/", map[string]string{
			"sk/a/index.html": doc(`<link rel="alternate" hreflang="hu" href="https://x.org/hu/none/">`, "")},
			[]string{`<link href> "https://x.org/hu/none/" leads nowhere`}, 1},
		{"sitemap", "https://x.org/", map[string]string{
			"sitemap.xml": `<urlset xmlns:xhtml="http://www.w3.org/1999/xhtml"><url><loc>https://x.org/en/gone/</loc>
<xhtml:link rel="alternate" hreflang="hu" href="https://x.org/hu/gone/"/></url>
<url><loc>https://elsewhere.org/en/</loc></url></urlset>`},
			[]string{`sitemap.xml:1: broken link: <loc> "https://x.org/en/gone/" leads nowhere`,
				`sitemap.xml:2: broken link: <xhtml:link href> "https://x.org/hu/gone/" leads nowhere`,
				`sitemap.xml:3: <loc> "https://elsewhere.org/en/" is not on this site`}, 3},
		{"sitemap index", "https://x.org/", map[string]string{
			"sitemap.xml": `<sitemapindex><sitemap><loc>https://x.org/sitemap-1.xml</loc></sitemap>
<sitemap><loc>https://x.org/sitemap-2.xml</loc></sitemap></sitemapindex>`,
			"sitemap-1.xml": `<urlset><url><loc>https://x.org/en/</loc></url>
<url><loc>https://x.org/en/gone/</loc></url></urlset>`},
			[]string{`sitemap.xml:2: broken link: <loc> "https://x.org/sitemap-2.xml" leads nowhere`,
				`sitemap-1.xml:2: broken link: <loc> "https://x.org/en/gone/" leads nowhere`}, 2},
		{"nested sitemap index", "https://x.org/", map[string]string{
			"sitemap.xml":   `<sitemapindex><sitemap><loc>https://x.org/sitemap-1.xml</loc></sitemap></sitemapindex>`,
			"sitemap-1.xml": `<sitemapindex><sitemap><loc>https://x.org/sitemap-1.xml</loc></sitemap></sitemapindex>`},
			[]string{`sitemap-1.xml:1: <loc> "https://x.org/sitemap-1.xml": a sitemap index names sitemaps, and only sitemap.xml may be one`}, 1},
		{"third-party resources", "https://x.org/", map[string]string{
			"en/b/index.html": doc(`<link rel="stylesheet" href="https://cdn.example/s.css"><link rel="icon" href="//cdn.example/i.ico"><script src="https://cdn.example/a.js"></script><style>p{background:url(https://cdn.example/bg.png)}</style>`,
				`<img src="/img/x.png" srcset="https://cdn.example/x2.png 2x" alt=""><p style="background:url('http://cdn.example/p.png')"></p><iframe src="https://video.example/e/1" title="v"></iframe><a href="https://other.org/">fine</a>`),
			"css/t.css": `@import "https://fonts.example/f.css"; a{background:url(https://cdn.example/c.png)}`},
			[]string{`<link href> "https://cdn.example/s.css" loads a file from another site`, `<link href> "//cdn.example/i.ico" loads`,
				`<script src> "https://cdn.example/a.js" loads`, `<style> "https://cdn.example/bg.png" loads`, `<img srcset> "https://cdn.example/x2.png" loads`,
				`<p style> "http://cdn.example/p.png" loads`, `<iframe src> "https://video.example/e/1" loads`,
				`css/t.css:1: CSS @import "https://fonts.example/f.css" loads`, `css/t.css:1: CSS url() "https://cdn.example/c.png" loads`}, 9},
		{"base path", "https://x.org/sub/", map[string]string{
			"en/b/index.html": doc("", `<a href="/sub/en/a/">ok</a><a href="/sub">ok</a><a href="/en/a/">wrong</a>`)},
			// With a base path, every root-relative link of the good site is wrong too; count only this page's.
			[]string{`en/b/index.html:1: broken link: <a href> "/en/a/" is outside the site's base path /sub/: start it with /sub/`}, -1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			files := good()
			for k, v := range tt.plant {
				files[k] = v
			}
			_, diags := Check(writeSite(t, files), tt.base)
			got := diags.String()
			for _, w := range tt.want {
				if !strings.Contains(got, w) {
					t.Errorf("missing diagnostic containing\n\t%s\ngot:\n%s", w, got)
				}
			}
			if tt.wantLen >= 0 && len(diags) != tt.wantLen {
				t.Errorf("got %d diagnostics, want %d:\n%s", len(diags), tt.wantLen, got)
			}
		})
	}
}

func TestCheckMissingDir(t *testing.T) {
	_, diags := Check(filepath.Join(t.TempDir(), "none"), "https://x.org/")
	if !diags.HasErrors() || !strings.Contains(diags.String(), "cannot read the built site") {
		t.Errorf("want an error for a missing folder, got %q", diags)
	}
}
