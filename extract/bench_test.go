package extract

import (
	"strings"
	"testing"
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

func BenchmarkExtract(b *testing.B) {
	text := benchText(b)
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	for b.Loop() {
		Extract(text, Options{Year: 2021})
	}
}
