package planfile

import (
	"bytes"
	"fmt"
	"testing"

	"github.com/duban-dev/duban"
)

// largeBundle builds a plan of areas × tasks × items, one indicator each
// item, about the size of a big district plan many times over.
func largeBundle(areas, tasks, items int) *duban.Bundle {
	b := richBundle()
	for a := 0; a < areas; a++ {
		area := fmt.Sprintf("X%d", a)
		b.Nodes = append(b.Nodes, duban.Node{Code: area, Kind: duban.KindArea, Title: "领域" + area, Order: a + 1})
		for t := 0; t < tasks; t++ {
			task := fmt.Sprintf("%s-%d", area, t)
			b.Nodes = append(b.Nodes, duban.Node{Code: task, ParentCode: area, Kind: duban.KindTask, Title: "任务" + task,
				LeadUnit: "fgw", Deadline: duban.MustDate("2021-12-31"), Order: t})
			for i := 0; i < items; i++ {
				item := fmt.Sprintf("%s-%d", task, i)
				b.Nodes = append(b.Nodes, duban.Node{Code: item, ParentCode: task, Kind: duban.KindItem, Title: "事项" + item,
					LeadUnit: "tjj", CoUnits: []string{"fgw"}, Order: i, SourceQuote: "确保完成" + item})
				b.Indicators = append(b.Indicators, duban.Indicator{NodeCode: item, Code: item, Name: "指标" + item, Unit: "个",
					Target: ptr(float64(i + 1)), Comparator: duban.AtLeast, Direction: duban.Increase,
					Kind: duban.Cumulative, Cadence: duban.Monthly})
			}
		}
	}
	return b
}

func BenchmarkEncode(b *testing.B) {
	bundle := largeBundle(6, 50, 10)
	var buf bytes.Buffer
	b.ReportMetric(float64(len(bundle.Nodes)), "nodes")
	for b.Loop() {
		buf.Reset()
		if err := Encode(&buf, bundle); err != nil {
			b.Fatal(err)
		}
	}
	b.SetBytes(int64(buf.Len()))
}

func BenchmarkDecode(b *testing.B) {
	bundle := largeBundle(6, 50, 10)
	var buf bytes.Buffer
	if err := Encode(&buf, bundle); err != nil {
		b.Fatal(err)
	}
	data := buf.Bytes()
	b.SetBytes(int64(len(data)))
	b.ReportMetric(float64(len(bundle.Nodes)), "nodes")
	for b.Loop() {
		if _, err := Decode("large.yaml", bytes.NewReader(data)); err != nil {
			b.Fatal(err)
		}
	}
}

func TestLargeBundleRoundTrip(t *testing.T) {
	first := encode(t, largeBundle(2, 5, 3))
	if second := encode(t, decode(t, "large.yaml", first)); !bytes.Equal(first, second) {
		t.Error("large bundle round trip not byte-identical")
	}
}
