package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestExportDataCite runs "dissem export datacite" as an editor would: the
// records land in --out, named after the briefs; mistakes on the command
// line are usage errors, mistakes in the content content errors.
func TestExportDataCite(t *testing.T) {
	site := "../../builder/site/testdata/site"
	broken := "../../builder/site/testdata/broken"
	tests := []struct {
		name           string
		args           []string
		code           int
		stdout, stderr string
	}{
		{"records", []string{"export", "datacite", "--source", site, "--out", "OUT"}, 0, "wrote 6 DataCite records into", ""},
		{"help", []string{"export", "--help"}, 0, "", "DataCite Metadata Schema 4.6"},
		{"no format", []string{"export"}, 2, "", "say what to export: dissem export datacite"},
		{"flag first", []string{"export", "--out", "x"}, 2, "", "say what to export"},
		{"unknown format", []string{"export", "zenodo"}, 2, "", `unknown format "zenodo"; the one there is: datacite`},
		{"into the content", []string{"export", "datacite", "--source", site, "--out", site + "/content/x"}, 2, "", "is inside the site's content/ folder"},
		{"content errors", []string{"export", "datacite", "--source", broken, "--out", "OUT"}, 1, "", `bad.en.md:4:7: field "date"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "datacite")
			for i, a := range tt.args {
				if a == "OUT" {
					tt.args[i] = out
				}
			}
			var stdout, stderr bytes.Buffer
			code := run(tt.args, &stdout, &stderr)
			if code != tt.code || !strings.Contains(stdout.String(), tt.stdout) || !strings.Contains(stderr.String(), tt.stderr) {
				t.Fatalf("exit %d, want %d\nstdout: %s\nstderr: %s", code, tt.code, stdout.String(), stderr.String())
			}
			if tt.name != "records" {
				return
			}
			rec, err := os.ReadFile(filepath.Join(out, "en", "case-studies", "tetemvar", "tetemvar-en.datacite.json"))
			if err != nil || !bytes.Contains(rec, []byte(`"resourceTypeGeneral": "Report"`)) {
				t.Errorf("tetemvar's record: %v\n%s", err, rec)
			}
		})
	}
}
