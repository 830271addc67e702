// Package pool runs independent jobs on a bounded number of goroutines.
// Callers write each result into results[i], so the outcome never depends
// on scheduling.
//
// A job that panics does not kill the process: the panic reaches the
// caller as a [*Panic] value, which says it is a bug in dissem.
package pool

import (
	"fmt"
	"runtime"
	"runtime/debug"
	"sync"
	"sync/atomic"
)

// PerCPU is k workers for every CPU the program may use (at least k).
func PerCPU(k int) int { return max(runtime.GOMAXPROCS(0), 1) * k }

// Each calls f(0), …, f(n-1) on at most workers goroutines and returns when
// all calls have returned.
//
// If a call panics, Each panics in the caller's goroutine with a *Panic
// once the calls under way have returned: the caller's deferred functions
// run (a build removes its temporary folder) and a recover there, such as
// site.Build's, turns it into an error instead of a crash.
func Each(n, workers int, f func(i int)) {
	if p := Run(n, workers, f); p != nil {
		panic(p)
	}
}

// Run is [Each] that returns the first panic of a call instead. After a
// panic the remaining items are not started; calls under way finish.
func Run(n, workers int, f func(i int)) *Panic {
	workers = min(n, max(workers, 1))
	var wg sync.WaitGroup
	var first atomic.Pointer[Panic]
	next := make(chan int, workers)
	for range workers {
		wg.Go(func() {
			cur := -1
			// One deferred recover per worker, not per item: the loop's
			// cost is what it was.
			defer func() {
				if v := recover(); v != nil {
					first.CompareAndSwap(nil, &Panic{Index: cur, Value: v, Stack: debug.Stack()})
					for range next {
						// Take the remaining items without running them, so
						// the feeder is never left waiting.
					}
				}
			}()
			for i := range next {
				cur = i
				f(i)
			}
		})
	}
	for i := range n {
		if first.Load() != nil {
			break
		}
		next <- i
	}
	close(next)
	wg.Wait()
	return first.Load()
}

// Panic is a panic recovered from a job: a bug in dissem, not a mistake in
// the site, so it is reported as such.
type Panic struct {
	Index int    // the item whose call panicked, or -1
	What  string // what was being made ("content/guides/x.en.md"); may be empty
	Value any    // what was passed to panic
	Stack []byte // the goroutine's stack when it panicked, for the report
}

// Error names what was being made and asks for a report.
func (p *Panic) Error() string {
	on := ""
	if p.What != "" {
		on = " on " + p.What
	}
	return fmt.Sprintf("dissem failed%s (%v); this is a bug in dissem; please report it", on, p.Value)
}

// Bug reports that the error is a bug in dissem; the command line exits
// with its own status for it.
func (p *Panic) Bug() bool { return true }

// StackTrace returns where the panic happened, for the bug report.
func (p *Panic) StackTrace() []byte { return p.Stack }

// Recover, deferred directly (defer pool.Recover(&err, what)), turns a panic
// in the function into a *Panic error naming what it was making. A *Panic
// from a nested pool keeps its stack and gets the name if it had none.
func Recover(err *error, what string) {
	v := recover()
	if v == nil {
		return
	}
	p, ok := v.(*Panic)
	if !ok {
		p = &Panic{Index: -1, Value: v, Stack: debug.Stack()}
	}
	if p.What == "" {
		p.What = what
	}
	*err = p
}
