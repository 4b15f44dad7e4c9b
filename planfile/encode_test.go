package planfile

import (
	"bytes"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/duban-dev/duban"
)

// TestEncodeKeyOrder checks every mapping the encoder writes against the
// canonical key order the decoder accepts.
func TestEncodeKeyOrder(t *testing.T) {
	var doc yaml.Node
	if err := yaml.Unmarshal(encode(t, richBundle()), &doc); err != nil {
		t.Fatal(err)
	}
	top := doc.Content[0]
	checkOrder(t, "top", top, topKeys)
	checkOrder(t, "plan", value(top, "plan"), planKeys)
	for _, section := range []struct {
		key  string
		keys []string
	}{{"units", unitKeys}, {"people", personKeys}, {"mechanisms", mechanismKeys}} {
		for _, item := range value(top, section.key).Content {
			checkOrder(t, section.key, item, section.keys)
		}
	}
	var walk func(nodes *yaml.Node)
	walk = func(nodes *yaml.Node) {
		for _, n := range nodes.Content {
			checkOrder(t, "node", n, nodeKeys)
			if p := value(n, "project"); p != nil {
				checkOrder(t, "project", p, projectKeys)
			}
			if inds := value(n, "indicators"); inds != nil {
				for _, in := range inds.Content {
					checkOrder(t, "indicator", in, indicatorKeys)
					if ms := value(in, "milestones"); ms != nil {
						for _, m := range ms.Content {
							checkOrder(t, "milestone", m, milestoneKeys)
						}
					}
				}
			}
			if kids := value(n, "children"); kids != nil {
				walk(kids)
			}
		}
	}
	walk(value(top, "nodes"))
}

func value(m *yaml.Node, key string) *yaml.Node {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return m.Content[i+1]
		}
	}
	return nil
}

func checkOrder(t *testing.T, what string, m *yaml.Node, order []string) {
	t.Helper()
	pos := -1
	for i := 0; i < len(m.Content); i += 2 {
		k := m.Content[i].Value
		p := indexOf(order, k)
		if p <= pos {
			t.Errorf("%s at line %d: key %q out of canonical order %v", what, m.Line, k, order)
		}
		pos = p
	}
}

func indexOf(list []string, s string) int {
	for i, v := range list {
		if v == s {
			return i
		}
	}
	return -1
}

func TestEncodeQuotesOnlyWhatYAMLNeeds(t *testing.T) {
	b := &duban.Bundle{Plan: duban.Plan{Code: "p", Title: "计划", Year: 2021,
		Framework: []string{"a, b", "普通", "true", "12", "%", "2021-01-01"}}}
	out := string(encode(t, b))
	for _, want := range []string{
		`  title: 计划` + "\n",
		`  framework: ["a, b", 普通, "true", "12", "%", "2021-01-01"]` + "\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}

func TestEncodeNumbersInShortestForm(t *testing.T) {
	b := &duban.Bundle{Plan: duban.Plan{Code: "p"},
		Nodes:      []duban.Node{{Code: "n", Weight: 0.1}},
		Indicators: []duban.Indicator{{NodeCode: "n", Code: "i", Target: ptr(1e6), Baseline: ptr(7.50), Tolerance: 0.001}}}
	out := string(encode(t, b))
	for _, want := range []string{"weight: 0.1\n", "target: 1000000\n", "baseline: 7.5\n", "tolerance: 0.001\n"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}

func TestEncodeOmitsIndicatorDefaults(t *testing.T) {
	b := &duban.Bundle{Plan: duban.Plan{Code: "p"}, Nodes: []duban.Node{{Code: "n"}},
		Indicators: []duban.Indicator{
			{NodeCode: "n", Code: "plain", Comparator: duban.Equal, Direction: duban.Increase, Kind: duban.Cumulative, Cadence: duban.Monthly},
			{NodeCode: "n", Code: "down", Comparator: duban.AtMost, Direction: duban.Decrease, Kind: duban.Level, Cadence: duban.Monthly},
			{NodeCode: "n", Code: "odd", Comparator: duban.AtMost, Direction: duban.Increase, Kind: duban.Cumulative, Cadence: duban.Weekly},
		}}
	out := string(encode(t, b))
	want := `    indicators:
      - id: plain
      - id: down
        comparator: <=
        kind: level
      - id: odd
        comparator: <=
        direction: increase
        cadence: weekly
`
	if !strings.HasSuffix(out, want) {
		t.Errorf("got:\n%s\nwant suffix:\n%s", out, want)
	}
}

func TestEncodeSortsSiblingsByOrder(t *testing.T) {
	b := &duban.Bundle{Plan: duban.Plan{Code: "p"}, Nodes: []duban.Node{
		{Code: "root"},
		{Code: "second", ParentCode: "root", Order: 1},
		{Code: "first", ParentCode: "root", Order: 0},
	}}
	out := string(encode(t, b))
	if i, j := strings.Index(out, "id: first"), strings.Index(out, "id: second"); i < 0 || j < i {
		t.Errorf("siblings not in Order:\n%s", out)
	}
}

func TestEncodeRejectsBrokenTrees(t *testing.T) {
	cases := map[string]*duban.Bundle{
		"orphan node": {Nodes: []duban.Node{{Code: "a", ParentCode: "missing"}}},
		"cycle":       {Nodes: []duban.Node{{Code: "a", ParentCode: "b"}, {Code: "b", ParentCode: "a"}}},
		"orphan indicator": {Nodes: []duban.Node{{Code: "a"}},
			Indicators: []duban.Indicator{{Code: "i", NodeCode: "missing"}}},
	}
	for name, b := range cases {
		t.Run(name, func(t *testing.T) {
			var buf bytes.Buffer
			err := Encode(&buf, b)
			if duban.ErrorCode(err) != duban.EINVALID {
				t.Fatalf("want EINVALID, got %v", err)
			}
			if buf.Len() != 0 {
				t.Errorf("wrote output despite the error:\n%s", buf.String())
			}
		})
	}
}

// TestPlainSafeAgreesWithTheEmitter guards the fast path: whatever it lets
// through unquoted, the emitter must also write unquoted.
func TestPlainSafeAgreesWithTheEmitter(t *testing.T) {
	candidates := []string{"二七区", "erqi", "leader-econ", "A1-3", "X0-1-2", "老旧小区 (248 个)", "a/b.c_d",
		"yes", "No", "TRUE", "null", "y", "n", "off", "e10", "Inf", "NaN", "三定四推五落实", "二七区 ", "区政府。",
		"《意见》", "“一环十横十纵”", "100%完成", "第102高中", "v1.2", "a  b", "Z"}
	for _, s := range candidates {
		for _, flow := range []bool{false, true} {
			n := &yaml.Node{}
			n.SetString(s)
			if plainSafe(s) && needsQuotes(n, flow) {
				t.Errorf("plainSafe(%q) but the emitter quotes it (flow %v)", s, flow)
			}
		}
	}
	if !plainSafe("二七区") || !plainSafe("leader-econ") {
		t.Error("the fast path should accept ordinary text and ids")
	}
}
