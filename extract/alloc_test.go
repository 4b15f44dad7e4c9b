package extract

import (
	"io"
	"runtime"
	"strings"
	"testing"
)

// maxAllocPerByte bounds the bytes Extract and the JSON output allocate
// per byte of input: the process's memory stays within this multiple of
// the input on any text.
const maxAllocPerByte = 10

// denseShapes are texts no plan is written like: numbers packed with no
// punctuation, or punctuation with nothing else.
var denseShapes = map[string]string{
	"bench-dense":      strings.Repeat("新建1个公园2021年底前力争“3”所", 1<<14),
	"digits":           strings.Repeat("1234567890", 1<<15),
	"spaced-digits":    strings.Repeat("1 2 3 4 5 ", 1<<15),
	"counted-digits":   strings.Repeat("1个2个3个4个5个", 1<<14),
	"chinese-numerals": strings.Repeat("三个四条五所六项", 1<<14),
	"percents":         strings.Repeat("5%6%7%", 1<<15),
	"ranges":           strings.Repeat("1-2个3-4个", 1<<14),
	"lines":            strings.Repeat("1个\n", 1<<15),
	"commas":           strings.Repeat("1,", 1<<14),
	"years":            strings.Repeat("2021年", 1<<15),
	"quoted":           strings.Repeat("“1个”", 1<<15),
	"stops":            strings.Repeat("。", 1<<14),
}

// allocPerByte runs Extract and WriteJSON on text and returns the bytes
// allocated per byte of input.
func allocPerByte(text string) float64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	r := Extract(text, Options{Year: 2021})
	if err := WriteJSON(io.Discard, r); err != nil {
		panic(err)
	}
	runtime.ReadMemStats(&after)
	return float64(after.TotalAlloc-before.TotalAlloc) / float64(len(text))
}

func TestAllocationBounded(t *testing.T) {
	shapes := map[string]string{"seed": strings.Repeat(readSeed(t), 8)}
	for k, v := range denseShapes {
		shapes[k] = v
	}
	for name, text := range shapes {
		if got := allocPerByte(text); got > maxAllocPerByte {
			t.Errorf("%s: %.1f bytes allocated per input byte, want at most %d", name, got, maxAllocPerByte)
		} else {
			t.Logf("%s: %.1f bytes per input byte", name, got)
		}
	}
}

// Text no plan is written like gives one decision for the stretch, with
// offsets covering all of it, and no targets; the prose around it is read.
func TestDenseTextReportedOnce(t *testing.T) {
	dense := strings.Repeat("1个2个3个", 40)
	long := strings.Repeat("新建公园", 60) + "3个"
	for _, c := range []struct{ text, reason string }{
		{"新建停车场5个。" + dense + "。改造道路8条。", reasonDense},
		{"新建停车场5个。" + long + "。改造道路8条。", reasonLongRun},
	} {
		r := Extract(c.text, Options{Year: 2021})
		var got []string
		for _, tg := range r.Targets {
			got = append(got, describe(tg))
		}
		if strings.Join(got, ";") != "新建停车场|5|个|=|2021-12-31|f;改造道路|8|条|=|2021-12-31|f" {
			t.Errorf("targets %v", got)
		}
		n := 0
		for _, d := range r.Decisions {
			if d.Reason == c.reason {
				n++
				if d.Start != 8 || d.End < 8+len([]rune(dense))-1 {
					t.Errorf("%s: offsets [%d,%d)", c.reason, d.Start, d.End)
				}
			}
		}
		if n != 1 {
			t.Errorf("%d decisions %q, want 1", n, c.reason)
		}
	}
}
