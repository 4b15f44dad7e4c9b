package planfile

import (
	"os"
	"strings"
	"testing"
)

// TestDocExampleDecodes keeps docs/plan-format.md honest: its first yaml
// block must be a valid plan file showing every field of the format.
func TestDocExampleDecodes(t *testing.T) {
	doc, err := os.ReadFile("../docs/plan-format.md")
	if err != nil {
		t.Fatal(err)
	}
	example := firstYAMLBlock(t, string(doc))
	b := decode(t, "plan-format.md", []byte(example))
	if len(b.Nodes) < 4 || len(b.Indicators) < 3 {
		t.Errorf("example too small to teach: %d nodes, %d indicators", len(b.Nodes), len(b.Indicators))
	}
	for _, keys := range [][]string{topKeys, planKeys, unitKeys, personKeys, mechanismKeys, nodeKeys,
		projectKeys, indicatorKeys, milestoneKeys} {
		for _, k := range keys {
			if !strings.Contains(example, " "+k+":") && !strings.HasPrefix(example, k+":") && !strings.Contains(example, "\n"+k+":") {
				t.Errorf("the example never shows the field %q", k)
			}
		}
	}
	found := false
	for _, in := range b.Indicators {
		found = found || in.NodeCode == "A2-1" && in.Code == "A2-1"
	}
	if !found {
		t.Error("the example's omitted indicator id should default to its node's id A2-1")
	}
}

func firstYAMLBlock(t *testing.T, doc string) string {
	t.Helper()
	_, rest, ok := strings.Cut(doc, "```yaml\n")
	if !ok {
		t.Fatal("no ```yaml block")
	}
	block, _, ok := strings.Cut(rest, "```")
	if !ok {
		t.Fatal("unterminated ```yaml block")
	}
	return block
}
