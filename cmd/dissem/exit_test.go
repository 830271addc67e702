package main

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"
)

// fakeBug stands for site.Build's *pool.Panic, which cmd cannot import.
type fakeBug struct{}

func (fakeBug) Error() string {
	return "dissem failed on content/guides/x.en.md (boom); this is a bug in dissem; please report it"
}
func (fakeBug) Bug() bool          { return true }
func (fakeBug) StackTrace() []byte { return []byte("goroutine 7 [running]:\n") }

// TestExitStatusOfABug: a panic is a machine error of its own, status 4,
// not a usage error (2) nor a disk failure (3); the message and the stack
// for the report are printed.
func TestExitStatusOfABug(t *testing.T) {
	tests := []struct {
		name   string
		err    error
		code   int
		stderr []string
	}{
		{"bug", fakeBug{}, 4, []string{"dissem: dissem failed on content/guides/x.en.md (boom); this is a bug in dissem; please report it", "Please include what follows in the report:\ngoroutine 7"}},
		{"wrapped bug", fmt.Errorf("writing briefs: %w", fakeBug{}), 4, []string{"this is a bug in dissem", "goroutine 7"}},
		{"disk", errors.New("no space left on device"), 3, []string{"dissem: no space left on device"}},
		{"usage", errUsage, 2, nil},
		{"content", contentError{2}, 1, nil},
		{"none", nil, 0, nil},
	}
	for _, tt := range tests {
		var stderr bytes.Buffer
		if got := exitStatus(tt.err, &stderr); got != tt.code {
			t.Errorf("%s: status %d, want %d", tt.name, got, tt.code)
		}
		for _, want := range tt.stderr {
			if !strings.Contains(stderr.String(), want) {
				t.Errorf("%s: stderr lacks %q:\n%s", tt.name, want, stderr.String())
			}
		}
	}
}

func TestHelpListsExitStatuses(t *testing.T) {
	var out bytes.Buffer
	run([]string{"--help"}, &out, &out)
	if !strings.Contains(out.String(), "4 a bug in dissem") {
		t.Errorf("dissem --help does not document exit status 4:\n%s", out.String())
	}
}
