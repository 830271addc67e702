package render

import (
	"testing"

	"github.com/4im-project/dissem/builder/resolve"
)

func TestHumanSize(t *testing.T) {
	tests := []struct {
		n    int64
		want string
	}{
		{0, "0 KB"}, {1, "1 KB"}, {1024, "1 KB"}, {184_320, "180 KB"}, {3 << 20, "3.0 MB"},
	}
	for _, tt := range tests {
		if got := HumanSize(tt.n); got != tt.want {
			t.Errorf("HumanSize(%d) = %q, want %q", tt.n, got, tt.want)
		}
	}
}

func TestOutputName(t *testing.T) {
	tests := []struct{ path, want string }{
		{"", "index.html"},
		{"en/", "en/index.html"},
		{"en/guides/x/", "en/guides/x/index.html"},
		{"404.html", "404.html"},
	}
	for _, tt := range tests {
		if got := OutputName(&resolve.Page{Path: tt.path}); got != tt.want {
			t.Errorf("OutputName(%q) = %q, want %q", tt.path, got, tt.want)
		}
	}
}
