package site

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestExportDataCiteNeedsPublisher: without site.yaml's publisher, the
// export is refused with a message at site.yaml; it wrote records with
// "publisher": {"name": ""} (and no creator name for documents without
// authors), which a repository refuses only when the DOI is made.
func TestExportDataCiteNeedsPublisher(t *testing.T) {
	src := t.TempDir()
	files := map[string]string{
		"site.yaml":                 "title: {en: \"R\"}\nbaseURL: \"https://example.org/\"\nlanguages: [{code: en, name: English}]\nmenu: [guides]\n",
		"content/guides/open.en.md": "---\ntitle: Open\nsummary: S.\ndate: 2024-01-02\naudience: All\n---\nText.\n",
	}
	writeFiles(t, src, files)
	recs, diags, err := ExportDataCite(Options{Source: src, Now: fixedNow, NoSearch: true})
	if err != nil {
		t.Fatal(err)
	}
	want := `site.yaml:1:1: field "publisher" is missing: DataCite records must name who publishes the documents; add it to site.yaml, like publisher: "Miskolc Municipality"`
	if len(recs) != 0 || !diags.HasErrors() || !strings.Contains(diags.String(), want) {
		t.Errorf("%d records, messages:\n%s\nwant no record and\n%s", len(recs), diags, want)
	}
}

// TestExportDataCiteSameDOITwice: two documents (here two language
// versions) with one DOI, written in different case, are refused at the
// second one's field, naming the first: deposited, the second record
// would overwrite the first's title and language.
func TestExportDataCiteSameDOITwice(t *testing.T) {
	src := t.TempDir()
	files := map[string]string{
		"site.yaml": "title: {en: \"R\", hu: \"R\"}\nbaseURL: \"https://example.org/\"\npublisher: \"P\"\n" +
			"languages: [{code: en, name: English}, {code: hu, name: Magyar}]\nmenu: [guides]\n",
		"content/guides/open.en.md": "---\ntitle: Open\nsummary: S.\ndate: 2024-01-02\naudience: All\ndoi: \"10.5281/zenodo.777\"\n---\nText.\n",
		"content/guides/open.hu.md": "---\ntitle: Nyitott\nsummary: S.\ndate: 2024-01-02\naudience: Mind\ndoi: \"https://doi.org/10.5281/ZENODO.777\"\n---\nSzöveg.\n",
	}
	writeFiles(t, src, files)
	recs, diags, err := ExportDataCite(Options{Source: src, Now: fixedNow, NoSearch: true})
	if err != nil {
		t.Fatal(err)
	}
	want := `content/guides/open.hu.md:6:6: field "doi": 10.5281/ZENODO.777 is also the DOI of content/guides/open.en.md:6:6; a DOI names one document in one language, so give each version its own, or leave it out and let the repository mint one`
	got := strings.ReplaceAll(diags.String(), src+string(filepath.Separator), "")
	if len(recs) != 0 || !strings.Contains(got, want) {
		t.Errorf("%d records, messages:\n%s\nwant no record and\n%s", len(recs), got, want)
	}
}
