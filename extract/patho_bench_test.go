package extract

import (
	"strings"
	"testing"
)

// BenchmarkExtractDense is text with no punctuation and a number every few
// runes: the worst case for clause-relative lookups.
func BenchmarkExtractDense(b *testing.B) {
	text := strings.Repeat("新建1个公园2021年底前力争“3”所", 1<<15)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		Extract(text, Options{Year: 2021})
	}
}
