package main

import (
	"encoding/json"
	"sort"
	"strings"
	"testing"
)

// The sample site's translation status is what an editor trying dissem
// status on it should see: the Slovak news item that is not translated yet,
// and nothing stale. The event reports' translations once showed as stale
// because their pictures were added in all three languages at once without
// marking them (dissem status --mark), so every translator would have been
// sent to redo them.
func TestSampleStatus(t *testing.T) {
	code, out, stderr := runCmd(t, "status", "--source", "../..", "--format", "json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var rep struct {
		Documents []struct {
			Document  string
			Languages map[string]struct{ State string }
		}
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("%v:\n%s", err, out)
	}
	var got []string
	for _, d := range rep.Documents {
		for lang, s := range d.Languages {
			if s.State != "source" && s.State != "current" {
				got = append(got, d.Document+" "+lang+" "+s.State)
			}
		}
	}
	sort.Strings(got)
	if want := "news/kosice-study-visit sk missing"; strings.Join(got, "; ") != want {
		t.Errorf("the sample's translations not current: %q, want only %q (a translation made again after its source changed is marked with dissem status --mark FILE)", got, want)
	}
	if code, _, _ := runCmd(t, "status", "--source", "../..", "--strict"); code != 1 {
		t.Errorf("--strict on the sample (one translation missing): exit %d, want 1", code)
	}
}
