package search

import "testing"

// TestShardName: a prefix of a–z and 0–9 names its shard, others and the
// names Windows keeps for devices (a file con.json cannot exist there) are
// written in hex.
func TestShardName(t *testing.T) {
	for prefix, want := range map[string]string{
		"ab": "ab", "4im": "4im", "co": "co", "cons": "cons", "com": "com", "com10": "com10",
		"con": "_636f6e", "nul": "_6e756c", "aux": "_617578", "prn": "_70726e", "com1": "_636f6d31", "lpt9": "_6c707439",
		"é": "_c3a9", "": "",
	} {
		if got := ShardName(prefix); got != want {
			t.Errorf("ShardName(%q) = %q, want %q", prefix, got, want)
		}
	}
}
