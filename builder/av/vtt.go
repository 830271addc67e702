package av

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/4im-project/dissem/builder/diag"
)

// maxVTT caps a caption file's size: an hour of dense captions is about
// 100 KB, so a file past this is not a caption file.
const maxVTT = 4 << 20

// CheckVTT validates a WebVTT caption file (file names it in messages):
// the WEBVTT header, each cue's timing line (hh:mm:ss.ttt --> hh:mm:ss.ttt,
// hours optional, end after start, cues in order of their start) and at
// least one cue. It reports every problem with its line and column and
// returns the number of cues.
func CheckVTT(file string, data []byte) (int, diag.List) {
	var d diag.List
	at := func(line, col int) diag.Pos { return diag.Pos{File: file, Line: line, Col: col} }
	if len(data) > maxVTT {
		d.Errorf(at(0, 0), "is %d MB, too large for a caption file; is it the right file?", len(data)>>20)
		return 0, d
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if !utf8.Valid(data) {
		d.Errorf(at(0, 0), "is not UTF-8 text; save the caption file as UTF-8")
		return 0, d
	}
	lines := splitLines(string(data))
	if len(lines) == 0 || !isHeader(lines[0]) {
		hint := ""
		if len(lines) > 1 && strings.Contains(lines[1], "-->") || len(lines) > 0 && strings.Contains(lines[0], "-->") {
			hint = " (this looks like an SRT file: add the line WEBVTT and a blank line at the top, and write the milliseconds after a dot: 00:00:01.000)"
		}
		d.Errorf(at(1, 1), "a WebVTT caption file must start with the line WEBVTT%s", hint)
		return 0, d
	}
	i := 1
	// The header runs to the first blank line.
	for i < len(lines) && lines[i] != "" {
		if strings.Contains(lines[i], "-->") {
			d.Errorf(at(i+1, 1), "leave a blank line between WEBVTT and the first cue")
			break
		}
		i++
	}
	cues := 0
	var prevStart int64 = -1
	for i < len(lines) {
		if lines[i] == "" {
			i++
			continue
		}
		// A block runs to the next blank line.
		start := i
		for i < len(lines) && lines[i] != "" {
			i++
		}
		block := lines[start:i]
		first := block[0]
		if isWord(first, "NOTE") || isWord(first, "STYLE") || isWord(first, "REGION") {
			continue
		}
		timing := 0
		if !strings.Contains(first, "-->") {
			timing = 1 // the first line is the cue's identifier
		}
		if timing >= len(block) || !strings.Contains(block[timing], "-->") {
			d.Errorf(at(start+1, 1), "%q is not a cue: a cue starts with its timing, like 00:00:01.000 --> 00:00:04.000 (a line before it may name the cue); separate cues with one blank line", clip(first))
			continue
		}
		s, e, ok := parseTiming(block[timing], start+timing+1, at, &d)
		if !ok {
			continue
		}
		cues++
		line := start + timing + 1
		switch {
		case e <= s:
			d.Errorf(at(line, 1), "the cue ends (%s) before it starts (%s); the second time is when the caption disappears", stamp(e), stamp(s))
		case s < prevStart:
			d.Errorf(at(line, 1), "the cue starts at %s, before the one above it (%s); put the cues in the order they are shown", stamp(s), stamp(prevStart))
		}
		prevStart = max(prevStart, s)
		for j := timing + 1; j < len(block); j++ {
			if strings.Contains(block[j], "-->") {
				d.Errorf(at(start+j+1, strings.Index(block[j], "-->")+1), "a caption's text may not contain \"-->\"; is a blank line missing before this cue?")
			}
		}
	}
	if cues == 0 && !d.HasErrors() {
		d.Errorf(at(1, 1), "has no cues: write each caption as its timing line (00:00:01.000 --> 00:00:04.000) and its text, separated by blank lines")
	}
	return cues, d
}

// splitLines splits on CRLF, LF or a lone CR, as WebVTT does.
func splitLines(s string) []string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	lines := strings.Split(s, "\n")
	if n := len(lines); n > 0 && lines[n-1] == "" {
		lines = lines[:n-1]
	}
	return lines
}

func isHeader(l string) bool { return isWord(l, "WEBVTT") }

// isWord reports whether line is w alone or w followed by a space or tab.
func isWord(line, w string) bool {
	rest, ok := strings.CutPrefix(line, w)
	return ok && (rest == "" || rest[0] == ' ' || rest[0] == '\t')
}

// parseTiming reads "start --> end [settings]" on file line ln, in
// milliseconds.
func parseTiming(l string, ln int, at func(int, int) diag.Pos, d *diag.List) (int64, int64, bool) {
	arrow := strings.Index(l, "-->")
	left, right := l[:arrow], l[arrow+3:]
	if !strings.HasSuffix(left, " ") && !strings.HasSuffix(left, "\t") || !strings.HasPrefix(right, " ") && !strings.HasPrefix(right, "\t") {
		d.Errorf(at(ln, arrow+1), "put a space on each side of \"-->\", like 00:00:01.000 --> 00:00:04.000")
		return 0, 0, false
	}
	startText := strings.TrimSpace(left)
	s, ok := parseStamp(startText)
	if !ok {
		d.Errorf(at(ln, 1+strings.Index(l, startText)), "start time %q: %s", clip(startText), stampHelp(startText))
		return 0, 0, false
	}
	endText, _, _ := strings.Cut(strings.TrimLeft(right, " \t"), " ")
	endText, _, _ = strings.Cut(endText, "\t")
	e, ok := parseStamp(endText)
	if !ok {
		d.Errorf(at(ln, arrow+4+strings.Index(right, endText)), "end time %q: %s", clip(endText), stampHelp(endText))
		return 0, 0, false
	}
	return s, e, true
}

// stampHelp says how a time is written, with the common mistake named.
func stampHelp(t string) string {
	if strings.Contains(t, ",") {
		return "write the milliseconds after a dot, not a comma (00:00:01.000); commas are SRT's way"
	}
	return "write it as minutes:seconds.milliseconds (00:01.000) or hours:minutes:seconds.milliseconds (00:00:01.000)"
}

// parseStamp reads [hh:]mm:ss.ttt (hours of two or more digits) in
// milliseconds.
func parseStamp(t string) (int64, bool) {
	parts := strings.Split(t, ":")
	if len(parts) < 2 || len(parts) > 3 {
		return 0, false
	}
	var h int64
	if len(parts) == 3 {
		hs := parts[0]
		if len(hs) < 2 || len(hs) > 6 || !digits(hs) {
			return 0, false
		}
		for _, c := range hs {
			h = h*10 + int64(c-'0')
		}
		parts = parts[1:]
	}
	m, sec := parts[0], parts[1]
	if len(m) != 2 || !digits(m) || len(sec) != 6 || sec[2] != '.' || !digits(sec[:2]) || !digits(sec[3:]) {
		return 0, false
	}
	mm := int64(m[0]-'0')*10 + int64(m[1]-'0')
	ss := int64(sec[0]-'0')*10 + int64(sec[1]-'0')
	if mm > 59 || ss > 59 {
		return 0, false
	}
	ms := int64(sec[3]-'0')*100 + int64(sec[4]-'0')*10 + int64(sec[5]-'0')
	return ((h*60+mm)*60+ss)*1000 + ms, true
}

func digits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// stamp writes ms as hh:mm:ss.ttt.
func stamp(ms int64) string {
	return fmt.Sprintf("%02d:%02d:%02d.%03d", ms/3600000, ms/60000%60, ms/1000%60, ms%1000)
}

// clip shortens a quoted line in a message.
func clip(s string) string {
	if r := []rune(s); len(r) > 60 {
		return string(r[:57]) + "…"
	}
	return s
}
