package status

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"math/rand/v2"
	"testing"
)

// TestHashOracle checks Hash against the plain definition it optimises
// (every CRLF made LF, blank space at the ends trimmed, SHA-256's first six
// bytes in hex) on bodies with and without CRs, lone CRs, CRs at the ends
// and blank bodies: a recorded translated_from must keep matching.
func TestHashOracle(t *testing.T) {
	plain := func(body []byte) string {
		sum := sha256.Sum256(bytes.TrimSpace(bytes.ReplaceAll(body, []byte("\r\n"), []byte("\n"))))
		return hex.EncodeToString(sum[:6])
	}
	bodies := [][]byte{nil, {}, []byte(" \n\t"), []byte("\r\n"), []byte("\r"), []byte("a\r"), []byte("\ra"),
		[]byte("a\r\r\nb"), []byte("Á\r\nő\n\r\n"), []byte("no carriage return\n")}
	r := rand.New(rand.NewPCG(1, 2))
	alphabet := []byte("ab \r\n\tő")
	for range 2000 {
		b := make([]byte, r.IntN(40))
		for i := range b {
			b[i] = alphabet[r.IntN(len(alphabet))]
		}
		bodies = append(bodies, b)
	}
	for _, b := range bodies {
		if got, want := Hash(b), plain(b); got != want {
			t.Fatalf("Hash(%q) = %s, want %s", b, got, want)
		}
	}
}
