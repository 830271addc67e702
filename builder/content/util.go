package content

import (
	"runtime"
	"sort"
)

func numWorkers() int { return max(runtime.GOMAXPROCS(0), 1) }

func sortedKeys(m map[string]any) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
