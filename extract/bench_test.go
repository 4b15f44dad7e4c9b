package extract

import (
	"io"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"
)

// benchText is about 1 MB of plan text: the seed and the corpus, repeated.
func benchText(b *testing.B) string {
	var sb strings.Builder
	seed := readSeed(b)
	for sb.Len() < 1<<20 {
		sb.WriteString(seed)
		for _, c := range corpus {
			sb.WriteString(c.text)
			sb.WriteString("\n\n")
		}
	}
	return sb.String()
}

// BenchmarkExtract measures what `duban extract` does with a file: extract
// it and write the JSON.
func BenchmarkExtract(b *testing.B) {
	benchExtract(b, benchText(b))
}

// BenchmarkExtractDense is text with no punctuation and a number every few
// runes: the worst case for clause-relative lookups.
func BenchmarkExtractDense(b *testing.B) {
	benchExtract(b, strings.Repeat("新建1个公园2021年底前力争“3”所", 1<<15))
}

// BenchmarkExtractShapes runs the dense shapes of the allocation test; its
// B/op divided by the input size is what TestAllocationBounded bounds.
func BenchmarkExtractShapes(b *testing.B) {
	for name, text := range denseShapes {
		b.Run(name, func(b *testing.B) { benchExtract(b, text) })
	}
}

// benchExtract reports, besides the wall-clock MB/s, MB per CPU-second of
// the process (cpu-MB/s): on a shared machine the wall clock measures the
// other jobs too. It also reports allocated bytes per input byte.
func benchExtract(b *testing.B, text string) {
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	cpu0 := cpuTime()
	var m0, m1 runtime.MemStats
	runtime.ReadMemStats(&m0)
	for b.Loop() {
		if err := WriteJSON(io.Discard, Extract(text, Options{Year: 2021})); err != nil {
			b.Fatal(err)
		}
	}
	runtime.ReadMemStats(&m1)
	if cpu := cpuTime() - cpu0; cpu > 0 {
		b.ReportMetric(float64(len(text))*float64(b.N)/1e6/cpu.Seconds(), "cpu-MB/s")
	}
	b.ReportMetric(float64(m1.TotalAlloc-m0.TotalAlloc)/float64(b.N)/float64(len(text)), "alloc/byte")
}

// cpuTime is the user and system time the process has used.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
