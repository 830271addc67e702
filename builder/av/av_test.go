package av

import (
	"bytes"
	"image"
	pngenc "image/png"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/4im-project/dissem/builder/config"
	"github.com/4im-project/dissem/builder/content"
	"github.com/4im-project/dissem/builder/diag"
	"github.com/4im-project/dissem/builder/resolve"
	"github.com/4im-project/dissem/builder/schema"
)

const (
	mp4 = "\x00\x00\x00\x18ftypisom"
	vtt = "WEBVTT\n\n00:00.000 --> 00:01.000\nHi\n"
)

// site makes a resolved site of one video document in each of langs.
func site(video *schema.Video, langs ...string) *resolve.Site {
	cfg := &config.Config{Languages: []config.Language{{Code: "en", Name: "English"}, {Code: "hu", Name: "Magyar"}, {Code: "sk", Name: "Slovenčina"}}}
	s := &resolve.Site{Config: cfg, BasePath: "/"}
	for _, l := range langs {
		s.Docs = append(s.Docs, &resolve.Page{Lang: l,
			Doc:  &content.Doc{Path: "content/news/x." + l + ".md", Dir: "news"},
			Meta: &schema.Meta{Video: video}})
	}
	return s
}

func prepare(t *testing.T, s *resolve.Site, files fstest.MapFS) (*Media, diag.List) {
	t.Helper()
	names := map[string]bool{}
	for n := range files {
		names[n] = true
	}
	return Prepare(s, Options{FS: files, Files: names, Prefix: "content"})
}

// TestTracks: every language's captions are offered, the page's own first
// and on by default; a broken caption file is reported once however many
// translations show its video; a page whose language has none is an error.
func TestTracks(t *testing.T) {
	v := &schema.Video{Sources: []string{"clip.mp4"}, Poster: "clip.png", Transcript: "One\nline.\n\nTwo.", Pos: diag.Pos{File: "x", Line: 1}}
	var png bytes.Buffer
	if err := pngenc.Encode(&png, image.NewGray(image.Rect(0, 0, 16, 9))); err != nil {
		t.Fatal(err)
	}
	files := fstest.MapFS{
		"news/clip.mp4":    {Data: []byte(mp4)},
		"news/clip.png":    {Data: png.Bytes()},
		"news/clip.en.vtt": {Data: []byte(vtt)},
		"news/clip.hu.vtt": {Data: []byte(vtt)},
	}
	s := site(v, "en", "hu")
	m, d := prepare(t, s, files)
	if len(d) > 0 {
		t.Fatalf("diags:\n%s", d)
	}
	got := m.Of(s.Docs[1]).Video
	want := []Track{{URL: "/media/news/clip.hu.vtt", Lang: "hu", Label: "Magyar", Default: true}, {URL: "/media/news/clip.en.vtt", Lang: "en", Label: "English"}}
	if !reflect.DeepEqual(got.Tracks, want) || got.Width != 16 || got.Height != 9 || !reflect.DeepEqual(got.Transcript, []string{"One line.", "Two."}) {
		t.Errorf("hu video: %+v", got)
	}
	if u := m.Used(); !reflect.DeepEqual(u, []string{"news/clip.en.vtt", "news/clip.hu.vtt", "news/clip.mp4", "news/clip.png"}) {
		t.Errorf("used %v", u)
	}

	files["news/clip.hu.vtt"] = &fstest.MapFile{Data: []byte("WEBVTT\n\n00:00,000 --> 00:01.000\nHi\n")}
	s = site(v, "en", "hu", "sk")
	_, d = prepare(t, s, files)
	var msgs []string
	for _, x := range d {
		msgs = append(msgs, x.String())
	}
	all := strings.Join(msgs, "\n")
	if len(d) != 2 || strings.Count(all, "clip.hu.vtt:3:1: start time") != 1 || !strings.Contains(all, "has no captions in Slovenčina; add the caption file content/news/clip.sk.vtt") {
		t.Errorf("want the broken file once and the missing Slovak captions, got:\n%s", all)
	}
}

// TestParagraphs: blank lines separate paragraphs, line breaks inside one
// are spaces, whatever the line ends.
func TestParagraphs(t *testing.T) {
	got := Paragraphs("  First\r\nline.\r\n\r\n\n Second.\rmore \n\n")
	if want := []string{"First line.", "Second. more"}; !reflect.DeepEqual(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
	if Paragraphs(" \n\n ") != nil {
		t.Error("blank text has paragraphs")
	}
}

// TestTranscriptFile: a one-line value ending in .txt names a file; any
// other value is the transcript itself.
func TestTranscriptFile(t *testing.T) {
	for in, want := range map[string]string{"talk.hu.txt": "talk.hu.txt", "Talk.TXT": "Talk.TXT", "We met.\nSee notes.txt": "", "Hello.": ""} {
		if got := (&schema.Video{Transcript: in}).TranscriptFile(); got != want {
			t.Errorf("%q: got %q, want %q", in, got, want)
		}
	}
}

// TestSources: a WebM and an MP4 of one video are offered in the order
// written, each with its type; the captions are found beside the first.
func TestSources(t *testing.T) {
	var png bytes.Buffer
	if err := pngenc.Encode(&png, image.NewGray(image.Rect(0, 0, 4, 3))); err != nil {
		t.Fatal(err)
	}
	v := &schema.Video{Sources: []string{"clip.webm", "clip.mp4"}, Poster: "still.png"}
	files := fstest.MapFS{
		"news/clip.webm":     {Data: []byte("\x1a\x45\xdf\xa3\x9f\x42\x86\x81\x01\x42\x82\x84webm")},
		"news/clip.mp4":      {Data: []byte(mp4)},
		"news/still.png":     {Data: png.Bytes()},
		"news/clip.en.vtt":   {Data: []byte(vtt)},
		"news/other.en.vtt":  {Data: []byte("not captions")}, // another video's: not read
		"news/clip.de.vtt":   {Data: []byte("not a site language")},
		"news/clip.mkv.none": {Data: []byte("")},
	}
	s := site(v, "en")
	m, d := prepare(t, s, files)
	if len(d) > 0 {
		t.Fatalf("diags:\n%s", d)
	}
	got := m.Of(s.Docs[0]).Video
	want := []Source{{URL: "/media/news/clip.webm", Type: "video/webm"}, {URL: "/media/news/clip.mp4", Type: "video/mp4"}}
	if !reflect.DeepEqual(got.Sources, want) || len(got.Tracks) != 1 || got.Width != 4 {
		t.Errorf("video %+v", got)
	}
}
