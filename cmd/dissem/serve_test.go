package main

import (
	"io"
	"testing"
)

// TestListenAddr checks how --addr, --bind and --port combine.
func TestListenAddr(t *testing.T) {
	tests := []struct {
		args []string
		want string // "" for a usage error
	}{
		{nil, "127.0.0.1:1313"},
		{[]string{"--port", "8080"}, "127.0.0.1:8080"},
		{[]string{"--bind", "0.0.0.0"}, "0.0.0.0:1313"},
		{[]string{"--bind", "::1", "--port", "0"}, "[::1]:0"},
		{[]string{"--bind", "localhost"}, "localhost:1313"},
		{[]string{"--addr", "0.0.0.0:9000"}, "0.0.0.0:9000"},
		{[]string{"--addr", ":9000"}, ":9000"},
		{[]string{"--addr", "0.0.0.0:9000", "--bind", "127.0.0.1"}, "127.0.0.1:9000"},
		{[]string{"--addr", "127.0.0.1"}, ""},
		{[]string{"--port", "http"}, ""},
		{[]string{"--port", "70000"}, ""},
	}
	for _, tt := range tests {
		fs := newFlagSet("serve", "", io.Discard)
		serveFlags(fs)
		if err := parse(fs, tt.args); err != nil {
			t.Fatalf("%q: %v", tt.args, err)
		}
		got, err := listenAddr(fs)
		if err != nil {
			got = ""
		}
		if got != tt.want {
			t.Errorf("%q: %q (%v), want %q", tt.args, got, err, tt.want)
		}
	}
}
