package av

import (
	"strings"
	"testing"
)

// TestCheckVTT: each mistake an editor makes in a caption file is said at
// its line and column, word for word; good files pass with their cues
// counted.
func TestCheckVTT(t *testing.T) {
	cases := []struct {
		name, src string
		cues      int
		want      string // the one message, "" for none
	}{
		{"good", "WEBVTT\n\n00:00.000 --> 00:02.000\nHello\n\n2\n00:00:02.000 --> 00:00:04.500 line:90%\nWorld\n", 2, ""},
		{"bom crlf header text", "\ufeffWEBVTT - Kick-off\r\n\r\nNOTE made by hand\r\n\r\n00:01.000 --> 00:02.000\r\nHi\r\n", 1, ""},
		{"hours of three digits", "WEBVTT\n\n100:00:00.000 --> 100:00:01.000\nlate\n", 1, ""},
		{"no header", "00:00.000 --> 00:02.000\nHello\n", 0,
			"c.vtt:1:1: a WebVTT caption file must start with the line WEBVTT (this looks like an SRT file: add the line WEBVTT and a blank line at the top, and write the milliseconds after a dot: 00:00:01.000)"},
		{"srt comma", "WEBVTT\n\n1\n00:00:01,000 --> 00:00:02.000\nHello\n", 0,
			`c.vtt:4:1: start time "00:00:01,000": write the milliseconds after a dot, not a comma (00:00:01.000); commas are SRT's way`},
		{"bad end", "WEBVTT\n\n00:01.000 --> 00:2.000\nHello\n", 0,
			`c.vtt:3:15: end time "00:2.000": write it as minutes:seconds.milliseconds (00:01.000) or hours:minutes:seconds.milliseconds (00:00:01.000)`},
		{"seconds past 59", "WEBVTT\n\n00:61.000 --> 01:02.000\nHello\n", 0, `c.vtt:3:1: start time "00:61.000"`},
		{"no spaces", "WEBVTT\n\n00:01.000-->00:02.000\nHello\n", 0,
			`c.vtt:3:10: put a space on each side of "-->", like 00:00:01.000 --> 00:00:04.000`},
		{"ends before start", "WEBVTT\n\n00:05.000 --> 00:02.000\nHello\n", 1,
			"c.vtt:3:1: the cue ends (00:00:02.000) before it starts (00:00:05.000); the second time is when the caption disappears"},
		{"out of order", "WEBVTT\n\n00:05.000 --> 00:06.000\nA\n\n00:01.000 --> 00:02.000\nB\n", 2,
			"c.vtt:6:1: the cue starts at 00:00:01.000, before the one above it (00:00:05.000); put the cues in the order they are shown"},
		{"not a cue", "WEBVTT\n\nHello there\nno timing\n", 0,
			`c.vtt:3:1: "Hello there" is not a cue: a cue starts with its timing`},
		{"blank line missing", "WEBVTT\n\n00:01.000 --> 00:02.000\nA\n00:02.000 --> 00:03.000\nB\n", 1,
			`c.vtt:5:11: a caption's text may not contain "-->"; is a blank line missing before this cue?`},
		{"header runs into cue", "WEBVTT\n00:01.000 --> 00:02.000\nA\n", 1, "c.vtt:2:1: leave a blank line between WEBVTT and the first cue"},
		{"no cues", "WEBVTT\n\nNOTE nothing yet\n", 0, "c.vtt:1:1: has no cues"},
		{"WEBVTTX", "WEBVTTX\n\n00:01.000 --> 00:02.000\nA\n", 0, "c.vtt:1:1: a WebVTT caption file must start with the line WEBVTT"},
		{"not utf-8", "WEBVTT\n\n00:01.000 --> 00:02.000\n\xff\xfe\n", 0, "c.vtt: is not UTF-8 text; save the caption file as UTF-8"},
		{"empty", "", 0, "c.vtt:1:1: a WebVTT caption file must start with the line WEBVTT"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			n, d := CheckVTT("c.vtt", []byte(c.src))
			if c.want == "" {
				if len(d) > 0 || n != c.cues {
					t.Fatalf("cues %d, want %d; diags:\n%s", n, c.cues, d)
				}
				return
			}
			if len(d) != 1 || !strings.HasPrefix(d[0].String(), c.want) {
				t.Fatalf("got\n%s\nwant one message starting\n%s", d, c.want)
			}
			if n != c.cues {
				t.Errorf("cues %d, want %d", n, c.cues)
			}
		})
	}
}

// FuzzCheckVTT: any bytes give messages, never a panic, and a file that
// passes has at least one cue.
func FuzzCheckVTT(f *testing.F) {
	f.Add([]byte("WEBVTT\n\n00:00.000 --> 00:02.000\nHello\n"))
	f.Add([]byte("WEBVTT\n\n1\n00:00:01,000 --> x\n"))
	f.Add([]byte("WEBVTT\r-->\r\r-->"))
	f.Fuzz(func(t *testing.T, b []byte) {
		n, d := CheckVTT("f.vtt", b)
		if !d.HasErrors() && n == 0 {
			t.Fatalf("no errors and no cues for %q", b)
		}
	})
}
