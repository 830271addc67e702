package main

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"image"
	"image/color"
	"os"
	"os/exec"
	"path/filepath"
)

// lines are the narration (English, spoken by espeak-ng) and its captions
// in each language; a cue lasts as long as its sentence is spoken.
var lines = []map[string]string{
	{
		"en": "The Social Innovation Resource Centre has opened in Miskolc.",
		"hu": "Megnyílt Miskolcon a Társadalmi Innovációs Forrásközpont.",
		"sk": "V Miškovci sa otvorilo Centrum zdrojov sociálnych inovácií.",
	},
	{
		"en": "Its team keeps social, employment and financial support joined up for residents.",
		"hu": "Csapata összehangolja a lakóknak nyújtott szociális, foglalkoztatási és pénzügyi támogatást.",
		"sk": "Jeho tím prepája sociálnu, pracovnú a finančnú podporu pre obyvateľov.",
	},
}

// The video's timing, in seconds: silence before, between and after the
// two sentences; fps is the frame rate (a title card needs few frames).
const (
	lead, gap, tail = 0.4, 0.3, 0.6
	fps             = 12
)

func makeVideo(dir string) error {
	tmp, err := os.MkdirTemp("", "avsample")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	var pcm [][]byte
	rate := 0
	for i, l := range lines {
		wav := filepath.Join(tmp, fmt.Sprintf("s%d.wav", i))
		if out, err := exec.Command("espeak-ng", "-v", "en-gb", "-s", "150", "-w", wav, l["en"]).CombinedOutput(); err != nil {
			return fmt.Errorf("espeak-ng: %v: %s", err, out)
		}
		data, r, err := readWAV(wav)
		if err != nil {
			return err
		}
		pcm, rate = append(pcm, data), r
	}
	secs := func(n int) float64 { return float64(n) / 2 / float64(rate) } // 16-bit mono
	silence := func(s float64) []byte { return make([]byte, 2*int(s*float64(rate))) }
	start1 := lead
	end1 := start1 + secs(len(pcm[0]))
	start2 := end1 + gap
	end2 := start2 + secs(len(pcm[1]))
	total := end2 + tail
	audio := bytes.Join([][]byte{silence(lead), pcm[0], silence(gap), pcm[1], silence(tail)}, nil)
	if err := os.WriteFile(filepath.Join(tmp, "voice.wav"), wavFile(audio, rate), 0o644); err != nil {
		return err
	}
	frames := int(total*fps) + 1
	for f := 0; f < frames; f++ {
		t := float64(f) / fps
		saveQuiet(filepath.Join(tmp, fmt.Sprintf("f%04d.png", f)), card(1, progress(t, start2, end2), t >= start1-0.2))
	}
	save(filepath.Join(dir, "resource-centre.jpg"), card(2, 1, true))
	out := filepath.Join(dir, "resource-centre.mp4")
	cmd := exec.Command("ffmpeg", "-y", "-loglevel", "error", "-framerate", fmt.Sprint(fps), "-i", filepath.Join(tmp, "f%04d.png"),
		"-i", filepath.Join(tmp, "voice.wav"), "-c:v", "libx264", "-preset", "veryslow", "-crf", "30", "-pix_fmt", "yuv420p",
		"-c:a", "aac", "-b:a", "32k", "-ac", "1", "-movflags", "+faststart", "-map_metadata", "-1", "-shortest", out)
	if b, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("ffmpeg: %v: %s", err, b)
	}
	fi, err := os.Stat(out)
	if err != nil {
		return err
	}
	fmt.Println("wrote", out, fi.Size(), "bytes,", fmt.Sprintf("%.1f s", total))
	for _, lang := range []string{"en", "hu", "sk"} {
		vtt := fmt.Sprintf("WEBVTT\n\n1\n%s --> %s\n%s\n\n2\n%s --> %s\n%s\n",
			stamp(start1), stamp(end1), lines[0][lang], stamp(start2), stamp(end2), lines[1][lang])
		name := filepath.Join(dir, "resource-centre."+lang+".vtt")
		if err := os.WriteFile(name, []byte(vtt), 0o644); err != nil {
			return err
		}
		fmt.Println("wrote", name)
	}
	return nil
}

// progress is how far through [from, to] t is, from 0 to 1.
func progress(t, from, to float64) float64 {
	switch {
	case t <= from:
		return 0
	case t >= to:
		return 1
	}
	return (t - from) / (to - from)
}

// card draws the video's title card at 640 × 360 times scale: the centre's
// name, then three circles (social, employment, financial) joined by a
// line drawn as far as joined (0 to 1).
func card(scale int, joined float64, title bool) *image.RGBA {
	s := func(v int) int { return v * scale }
	img := image.NewRGBA(image.Rect(0, 0, s(640), s(360)))
	rect(img, 0, 0, s(640), s(360), dark)
	rect(img, 0, s(330), s(640), s(360), blue)
	if title {
		text(img, "Social Innovation Resource Centre", float64(s(30)), s(320), s(80), white, true)
		text(img, "Miskolc · 4IM", float64(s(20)), s(320), s(115), color.RGBA{0xcf, 0xe3, 0xff, 0xff}, true)
	}
	xs := []int{140, 320, 500}
	labels := []string{"social", "employment", "financial"}
	lineEnd := xs[0] + int(joined*float64(xs[2]-xs[0]))
	if joined > 0 {
		rect(img, s(xs[0]), s(212), s(lineEnd), s(218), orange)
	}
	for i, x := range xs {
		c := color.Color(blue)
		if joined > 0 && lineEnd >= x {
			c = orange
		}
		disc(img, s(x), s(215), s(38), c)
		text(img, labels[i], float64(s(20)), s(x), s(285), white, true)
	}
	return img
}

func stamp(sec float64) string {
	ms := int(sec*1000 + 0.5)
	return fmt.Sprintf("%02d:%02d:%02d.%03d", ms/3600000, ms/60000%60, ms/1000%60, ms%1000)
}

// readWAV returns a 16-bit mono WAV file's samples and rate.
func readWAV(name string) ([]byte, int, error) {
	b, err := os.ReadFile(name)
	if err != nil {
		return nil, 0, err
	}
	if len(b) < 12 || string(b[:4]) != "RIFF" || string(b[8:12]) != "WAVE" {
		return nil, 0, fmt.Errorf("%s: not a WAV file", name)
	}
	rate := 0
	for p := 12; p+8 <= len(b); {
		id, n := string(b[p:p+4]), int(binary.LittleEndian.Uint32(b[p+4:p+8]))
		body := b[p+8 : min(len(b), p+8+n)]
		switch id {
		case "fmt ":
			if binary.LittleEndian.Uint16(body[2:4]) != 1 || binary.LittleEndian.Uint16(body[14:16]) != 16 {
				return nil, 0, fmt.Errorf("%s: want 16-bit mono", name)
			}
			rate = int(binary.LittleEndian.Uint32(body[4:8]))
		case "data":
			// espeak-ng writing to a file may leave the size at its maximum.
			return body, rate, nil
		}
		p += 8 + n + n%2
	}
	return nil, 0, fmt.Errorf("%s: no samples", name)
}

// wavFile wraps 16-bit mono samples in a WAV header.
func wavFile(pcm []byte, rate int) []byte {
	var b bytes.Buffer
	le := func(v any) { _ = binary.Write(&b, binary.LittleEndian, v) }
	b.WriteString("RIFF")
	le(uint32(36 + len(pcm)))
	b.WriteString("WAVEfmt ")
	le(uint32(16))
	le(uint16(1))
	le(uint16(1))
	le(uint32(rate))
	le(uint32(rate * 2))
	le(uint16(2))
	le(uint16(16))
	b.WriteString("data")
	le(uint32(len(pcm)))
	b.Write(pcm)
	return b.Bytes()
}
