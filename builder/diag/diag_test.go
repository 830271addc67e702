package diag

import "testing"

func TestPosString(t *testing.T) {
	tests := []struct {
		pos  Pos
		want string
	}{
		{Pos{File: "a.md"}, "a.md"},
		{Pos{File: "a.md", Line: 3}, "a.md:3"},
		{Pos{File: "a.md", Line: 3, Col: 7}, "a.md:3:7"},
	}
	for _, tt := range tests {
		if got := tt.pos.String(); got != tt.want {
			t.Errorf("%#v.String() = %q, want %q", tt.pos, got, tt.want)
		}
	}
}

func TestListSortAndErrors(t *testing.T) {
	var l List
	l.Warnf(Pos{File: "b.md", Line: 1}, "unknown field %q", "x")
	l.Errorf(Pos{File: "a.md", Line: 9, Col: 2}, "bad")
	l.Errorf(Pos{File: "a.md", Line: 2, Col: 1}, "worse")
	if !l.HasErrors() || l.Errors() != 2 {
		t.Fatalf("Errors() = %d, want 2", l.Errors())
	}
	l.Sort()
	want := "a.md:2:1: worse\na.md:9:2: bad\nb.md:1: warning: unknown field \"x\"\n"
	if got := l.String(); got != want {
		t.Errorf("String() =\n%s\nwant\n%s", got, want)
	}
	var warnOnly List
	warnOnly.Warnf(Pos{File: "c.md"}, "w")
	if warnOnly.Err() != nil {
		t.Error("warnings alone must not be an error")
	}
}
