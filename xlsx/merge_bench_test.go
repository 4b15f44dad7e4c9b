package xlsx

import (
	"fmt"
	"testing"

	"github.com/duban-dev/duban"
)

// newRows is a sheet of n new nodes: goals of ten items each, every item
// with a target, so merging looks up parents' kinds and adds indicators.
func newRows(n int) []sheetRow {
	rows := make([]sheetRow, 0, n)
	v := 100.0
	for i := 0; len(rows) < n; i++ {
		goal := fmt.Sprintf("G%d", i)
		rows = append(rows, sheetRow{row: len(rows) + 2, code: goal, depth: 1, title: goal})
		for j := 0; j < 10 && len(rows) < n; j++ {
			code := fmt.Sprintf("G%d-%d", i, j)
			rows = append(rows, sheetRow{row: len(rows) + 2, code: code, depth: 2, title: code, target: &v})
		}
	}
	return rows
}

// BenchmarkMergeNewNodes merges sheets of new nodes at two sizes: the time
// per node must stay flat (it grew with the sheet when parents' kinds and
// indicator codes were found by scanning).
func BenchmarkMergeNewNodes(b *testing.B) {
	for _, n := range []int{20000, 80000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			rows := newRows(n)
			base := &duban.Bundle{}
			for b.Loop() {
				out, _, errs := merge(base, rows)
				if len(errs) > 0 || len(out.Nodes) != n {
					b.Fatal(errs)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/node")
		})
	}
}
