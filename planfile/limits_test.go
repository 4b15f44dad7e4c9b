package planfile

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"runtime"
	"strings"
	"testing"

	"github.com/duban-dev/duban"
	"github.com/duban-dev/duban/demo"
)

// laughs is a billion-laughs plan file: each level is a node whose
// children are the level below repeated fanout times by alias, so levels
// of 9 stand for 9^levels nodes in under 1 KB.
func laughs(levels, fanout int) string {
	var b strings.Builder
	b.WriteString(minimalPlan)
	b.WriteString("l0: &l0 [{id: n, kind: item, title: t, lead_unit: u}]\n")
	for i := 1; i < levels; i++ {
		fmt.Fprintf(&b, "l%d: &l%d [{id: n%d, kind: area, title: t, children: *l%d}", i, i, i, i-1)
		for j := 1; j < fanout; j++ {
			fmt.Fprintf(&b, ", {id: n%d, kind: area, title: t, children: *l%d}", i, i-1)
		}
		b.WriteString("]\n")
	}
	fmt.Fprintf(&b, "nodes: *l%d\n", levels-1)
	return b.String()
}

func TestDecodeRefusesHostileDocuments(t *testing.T) {
	many := minimalPlan + "anchor: &x 1\nnodes:\n" + strings.Repeat("  - *x\n", MaxAliases+1)
	deep := minimalPlan + "nodes: " + strings.Repeat("[", MaxDepth+5) + strings.Repeat("]", MaxDepth+5) + "\n"
	big := minimalPlan + "description: " + strings.Repeat("a", MaxDocumentBytes) + "\n"
	for _, tc := range []struct{ name, file, want string }{
		{"billion laughs", laughs(10, 9), "too many nodes once aliases are expanded"},
		{"too many aliases", many, "too many aliases"},
		{"too deep", deep, "nested too deeply"},
		{"too large", big, "file larger than"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			_, err := Decode("hostile.yaml", strings.NewReader(tc.file))
			runtime.ReadMemStats(&after)
			if duban.ErrorCode(err) != duban.EINVALID || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("err = %v, want %q", err, tc.want)
			}
			// The document itself plus a bounded parse, never the expansion.
			if grew := after.TotalAlloc - before.TotalAlloc; grew > uint64(3*len(tc.file)+64<<20) {
				t.Errorf("decoding allocated %d MB", grew>>20)
			}
		})
	}
}

// TestDecodeAllowsAFewAliases: a plan that shares a mapping by alias a
// few times still reads.
func TestDecodeAllowsAFewAliases(t *testing.T) {
	file := minimalPlan + `shared: &m {id: n1, kind: item, title: 事项}
nodes:
  - {id: a, kind: area, title: A, children: [{id: b, kind: item, title: B, lead_unit: u, tags: &t [x, y]}, {id: c, kind: item, title: C, lead_unit: u, tags: *t}]}
`
	b, err := Decode("few.yaml", strings.NewReader(strings.Replace(file, "shared: &m {id: n1, kind: item, title: 事项}\n", "", 1)))
	if err != nil {
		t.Fatal(err)
	}
	if got := b.Nodes[2].Tags; len(got) != 2 || got[1] != "y" {
		t.Fatalf("aliased tags = %v", got)
	}
}

func TestDecodeContextStopsWhenCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := DecodeContext(ctx, demo.ErqiPlanName, bytes.NewReader(demo.ErqiPlan))
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
	if _, err := DecodeContext(context.Background(), demo.ErqiPlanName, bytes.NewReader(demo.ErqiPlan)); err != nil {
		t.Fatalf("the Erqi plan: %v", err)
	}
}

// FuzzDecode feeds arbitrary plan files to the decoder: it must answer
// (a bundle or an error) without panicking, and allocate no more than a
// bounded multiple of the input: no alias expansion can blow it up.
func FuzzDecode(f *testing.F) {
	f.Add([]byte(minimalPlan))
	f.Add([]byte(laughs(10, 9)))
	f.Add([]byte(laughs(4, 3)))
	f.Add([]byte(minimalPlan + "nodes:\n  - {id: a, kind: area, title: A, children: [{id: b, kind: item, title: B, lead_unit: u}]}\n"))
	if data, err := os.ReadFile("testdata/handwritten/short.yml"); err == nil {
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		b, err := Decode("fuzz.yaml", bytes.NewReader(data))
		runtime.ReadMemStats(&after)
		if (b == nil) == (err == nil) {
			t.Fatalf("bundle %v with error %v", b != nil, err)
		}
		if grew := after.TotalAlloc - before.TotalAlloc; grew > uint64(4096*len(data)+64<<20) {
			t.Fatalf("%d bytes of input allocated %d MB", len(data), grew>>20)
		}
	})
}
