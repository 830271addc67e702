package pool

import (
	"errors"
	"fmt"
	"strings"
	"sync/atomic"
	"testing"
)

func TestEachCallsEveryIndexOnce(t *testing.T) {
	tests := []struct{ n, workers int }{
		{0, 4}, {1, 4}, {5, 1}, {100, 3}, {7, 0}, {3, 10},
	}
	for _, tt := range tests {
		calls := make([]atomic.Int32, tt.n)
		var running, most atomic.Int32
		Each(tt.n, tt.workers, func(i int) {
			r := running.Add(1)
			for m := most.Load(); r > m && !most.CompareAndSwap(m, r); m = most.Load() {
			}
			calls[i].Add(1)
			running.Add(-1)
		})
		for i := range calls {
			if c := calls[i].Load(); c != 1 {
				t.Errorf("n=%d workers=%d: f(%d) called %d times", tt.n, tt.workers, i, c)
			}
		}
		if limit := int32(max(tt.workers, 1)); most.Load() > limit {
			t.Errorf("n=%d workers=%d: %d calls at once", tt.n, tt.workers, most.Load())
		}
	}
}

// TestRunRecoversAPanic: a panicking item comes back as a value naming the
// item; every other item runs at most once, and the pool does not hang
// however many workers there are or which item panics.
func TestRunRecoversAPanic(t *testing.T) {
	tests := []struct{ n, workers, bad int }{
		{1, 1, 0}, {10, 1, 0}, {10, 1, 9}, {100, 4, 50}, {100, 100, 3}, {1000, 2, 999},
	}
	for _, tt := range tests {
		calls := make([]atomic.Int32, tt.n)
		p := Run(tt.n, tt.workers, func(i int) {
			calls[i].Add(1)
			if i == tt.bad {
				var s []int
				_ = s[i+1] // index out of range, as the font code did
			}
		})
		if p == nil {
			t.Fatalf("n=%d workers=%d: no panic reported", tt.n, tt.workers)
		}
		if p.Index != tt.bad || !strings.Contains(fmt.Sprint(p.Value), "index out of range") || len(p.Stack) == 0 {
			t.Errorf("n=%d workers=%d: got index %d, value %v", tt.n, tt.workers, p.Index, p.Value)
		}
		for i := range calls {
			if c := calls[i].Load(); c > 1 || i == tt.bad && c != 1 {
				t.Errorf("n=%d workers=%d: f(%d) called %d times", tt.n, tt.workers, i, c)
			}
		}
	}
}

// TestEachPanicsInTheCaller: Each hands the panic to the caller's goroutine,
// where a deferred Recover turns it into an error that says it is a bug
// and names what was being made.
func TestEachPanicsInTheCaller(t *testing.T) {
	build := func() (err error) {
		defer Recover(&err, "content/guides/x.en.md")
		Each(8, 3, func(i int) {
			if i == 5 {
				panic("boom")
			}
		})
		return nil
	}
	err := build()
	var p *Panic
	if !errors.As(err, &p) || p.Index != 5 {
		t.Fatalf("err = %v, want a *Panic for item 5", err)
	}
	want := "dissem failed on content/guides/x.en.md (boom); this is a bug in dissem; please report it"
	if err.Error() != want {
		t.Errorf("message:\n%s\nwant:\n%s", err, want)
	}
	var bug interface{ Bug() bool }
	if !errors.As(err, &bug) || !bug.Bug() {
		t.Error("the error does not say it is a bug")
	}
}

func TestRecoverWithoutPanicKeepsTheError(t *testing.T) {
	f := func() (err error) {
		defer Recover(&err, "x")
		return errors.New("ordinary")
	}
	if err := f(); err == nil || err.Error() != "ordinary" {
		t.Errorf("err = %v", err)
	}
}

func BenchmarkEach(b *testing.B) {
	out := make([]int, 10000)
	for b.Loop() {
		Each(len(out), 4, func(i int) { out[i] = i * 2 })
	}
}
