// Package pool runs independent jobs on a bounded number of goroutines.
// Callers write each result into results[i], so the outcome never depends
// on scheduling.
package pool

import (
	"runtime"
	"sync"
)

// PerCPU is k workers for every CPU the program may use (at least k).
func PerCPU(k int) int { return max(runtime.GOMAXPROCS(0), 1) * k }

// Each calls f(0), …, f(n-1) on at most workers goroutines and returns when
// all calls have returned.
func Each(n, workers int, f func(i int)) {
	workers = min(n, max(workers, 1))
	var wg sync.WaitGroup
	next := make(chan int, workers)
	for range workers {
		wg.Go(func() {
			for i := range next {
				f(i)
			}
		})
	}
	for i := range n {
		next <- i
	}
	close(next)
	wg.Wait()
}
