package resolve

import (
	"strings"
	"testing"
	"testing/fstest"
)

// TestFrontMatterImage checks the field "image" against the content tree's
// files, relative to the document, word for word where it fails.
func TestFrontMatterImage(t *testing.T) {
	tests := []struct {
		image, want string // want "" means no message
	}{
		{"photo.jpg", ""},
		{"./photo.jpg", ""},
		{"Team.JPG", ""},
		{"../img/logo.svg", ""},
		{"sub/../photo.jpg", ""},
		{"gone.png", `content/guides/x.en.md:6:8: field "image": there is no file content/guides/gone.png; check the path (it is relative to content/guides)`},
		{"../../etc/passwd.png", `content/guides/x.en.md:6:8: field "image": "../../etc/passwd.png" leads out of the content folder`},
		{"../..", `field "image": "../.." leads out of the content folder`},
		{"/img/logo.svg", `field "image": "/img/logo.svg" is not a file of the content folder`},
		{"https://cdn.example.com/a.jpg", `field "image": "https://cdn.example.com/a.jpg" is not a file of the content folder`},
		{"data:image/png;base64,AAAA", `is not a file of the content folder`},
		{"notes.txt", `field "image": "notes.txt" is not a picture; use a .jpg, .png, .webp, .avif, .gif or .svg file`},
		{".hidden.jpg", `there is no file content/guides/.hidden.jpg`},
	}
	for _, tt := range tests {
		t.Run(tt.image, func(t *testing.T) {
			fsys := fstest.MapFS{
				"guides/x.en.md":     {Data: []byte(front("X", "audience: A\nimage: "+tt.image+"\nimage_alt: A picture\n") + "Body.\n")},
				"guides/photo.jpg":   {Data: []byte("jpg")},
				"guides/Team.JPG":    {Data: []byte("jpg")},
				"guides/notes.txt":   {Data: []byte("txt")},
				"guides/.hidden.jpg": {Data: []byte("jpg")},
				"img/logo.svg":       {Data: []byte("<svg/>")},
			}
			_, got := resolveFS(t, fsys)
			if tt.want == "" && got != "" || tt.want != "" && !strings.Contains(got, tt.want) {
				t.Errorf("image: %s\ngot  %q\nwant %q", tt.image, got, tt.want)
			}
		})
	}
}
