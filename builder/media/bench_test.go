package media

import (
	"os"
	"syscall"
	"testing"
	"testing/fstest"

	"github.com/4im-project/dissem/builder/media/mediatest"
	"golang.org/x/image/draw"
)

// benchPhoto is a 2400 × 1600 photo: the sample site's Tetemvár street
// when it is there (real grain, a phone's EXIF), else a textured one.
func benchPhoto(b *testing.B) []byte {
	if data, err := os.ReadFile("../../content/case-studies/tetemvar-street.jpg"); err == nil {
		return data
	}
	data, err := mediatest.JPEG(photo(2400, 1600), 88, mediatest.EXIF{Orientation: 1})
	if err != nil {
		b.Fatal(err)
	}
	return data
}

// BenchmarkProcess is the Target "a 2400 × 1600 JPEG into all sizes ≤ 1 s
// of one core": decode, resize to every width, encode (run with -cpu 1).
func BenchmarkProcess(b *testing.B) {
	for _, k := range []struct {
		name string
		s    draw.Scaler
	}{{"CatmullRom", draw.CatmullRom}, {"BiLinear", draw.BiLinear}, {"ApproxBiLinear", draw.ApproxBiLinear}} {
		b.Run(k.name, func(b *testing.B) {
			old := scaler
			scaler = k.s
			defer func() { scaler = old }()
			data := benchPhoto(b)
			img, err := NewSet(fstest.MapFS{"p.jpg": {Data: data}}, Options{}).Image("p.jpg")
			if err != nil {
				b.Fatal(err)
			}
			var out int
			start := cpuTime()
			for b.Loop() {
				outs, err := process(img, data)
				if err != nil {
					b.Fatal(err)
				}
				out = 0
				for _, o := range outs {
					out += len(o)
				}
			}
			b.ReportMetric(float64(out)/1024, "KB-out")
			// CPU time, not wall time: the build machine is shared.
			b.ReportMetric(float64(cpuTime()-start)/1e6/float64(b.N), "cpu-ms/op")
		})
	}
}

// BenchmarkReuse is the Target "≤ 5 ms per image to reuse": an unchanged
// rebuild probes the picture (read, hash, header) and copies its variants
// from the cache.
func BenchmarkReuse(b *testing.B) {
	data := benchPhoto(b)
	fsys := fstest.MapFS{"p.jpg": {Data: data}}
	dir := b.TempDir()
	set := NewSet(fsys, Options{CacheDir: dir})
	if _, err := set.Image("p.jpg"); err != nil {
		b.Fatal(err)
	}
	if _, _, err := set.Write(memWriter{}); err != nil {
		b.Fatal(err)
	}
	start := cpuTime()
	for b.Loop() {
		set := NewSet(fsys, Options{CacheDir: dir})
		if _, err := set.Image("p.jpg"); err != nil {
			b.Fatal(err)
		}
		st, _, err := set.Write(memWriter{})
		if err != nil || st.Processed != 0 {
			b.Fatal(err, st)
		}
	}
	b.ReportMetric(float64(cpuTime()-start)/1e6/float64(b.N), "cpu-ms/op")
}

// cpuTime is the process's user and system time in nanoseconds.
func cpuTime() int64 {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return ru.Utime.Nano() + ru.Stime.Nano()
}
