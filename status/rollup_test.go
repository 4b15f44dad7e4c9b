package status

import (
	"encoding/json"
	"fmt"
	"reflect"
	"testing"

	"github.com/duban-dev/duban"
)

// smallTree:
//
//	A  (area, lead u1)
//	  A1 (task, weight 2, lead u2): i1 warning .5/.6, i2 done 1/.6
//	  A2 (task, inherits u1):      i3 lagging .2/.6
//	  A3 (task, no indicators)
//	B  (area, lead u3)
//	  B1 (item):                   i4 not started 0/0
func smallTree() ([]duban.Node, []Result) {
	nodes := []duban.Node{
		{Code: "A", Kind: duban.KindArea, LeadUnit: "u1"},
		{Code: "A1", ParentCode: "A", Kind: duban.KindTask, Weight: 2, LeadUnit: "u2"},
		{Code: "A2", ParentCode: "A", Kind: duban.KindTask},
		{Code: "A3", ParentCode: "A", Kind: duban.KindTask},
		{Code: "B", Kind: duban.KindArea, LeadUnit: "u3"},
		{Code: "B1", ParentCode: "B", Kind: duban.KindItem},
	}
	results := []Result{
		{Indicator: "i1", Node: "A1", Status: Warning, Actual: 0.5, Expected: 0.6},
		{Indicator: "i2", Node: "A1", Status: Done, Actual: 1, Expected: 0.6},
		{Indicator: "i3", Node: "A2", Status: Lagging, Actual: 0.2, Expected: 0.6},
		{Indicator: "i4", Node: "B1", Status: NotStarted},
	}
	return nodes, results
}

func mustRollup(t testing.TB, nodes []duban.Node, results []Result) *Rollup {
	t.Helper()
	r, err := NewRollup(nodes, results)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func counts(pairs map[Status]int) Counts {
	var c Counts
	for s, n := range pairs {
		c[s.Severity()] = n
	}
	return c
}

func TestRollupSmallTree(t *testing.T) {
	nodes, results := smallTree()
	r := mustRollup(t, nodes, results)
	tests := []struct {
		code               string
		progress, expected float64
		counts             Counts
		worst              Status
		worstItem          string
	}{
		{"A1", 0.75, 0.6, counts(map[Status]int{Warning: 1, Done: 1}), Warning, "i1"},
		{"A2", 0.2, 0.6, counts(map[Status]int{Lagging: 1}), Lagging, "i3"},
		{"A3", 0, 0, Counts{}, "", ""},
		{"A", (2*0.75 + 0.2) / 3, 0.6, counts(map[Status]int{Warning: 1, Done: 1, Lagging: 1}), Lagging, "i3"},
		{"B", 0, 0, counts(map[Status]int{NotStarted: 1}), NotStarted, "i4"},
	}
	for _, tt := range tests {
		a, ok := r.Node(tt.code)
		if !ok {
			t.Fatalf("node %s missing", tt.code)
		}
		assertNear(t, tt.code+" progress", a.Progress, tt.progress)
		assertNear(t, tt.code+" expected", a.Expected, tt.expected)
		assertNear(t, tt.code+" gap", a.Gap, (tt.expected-tt.progress)*100)
		if a.Counts != tt.counts || a.Items != tt.counts.Total() || a.Worst != tt.worst || a.WorstItem != tt.worstItem {
			t.Errorf("%s: counts %v items %d worst %s/%s; want %v %s/%s", tt.code, a.Counts, a.Items, a.Worst, a.WorstItem, tt.counts, tt.worst, tt.worstItem)
		}
	}
	plan := r.Plan()
	assertNear(t, "plan progress", plan.Progress, ((2*0.75+0.2)/3+0)/2)
	assertNear(t, "plan expected", plan.Expected, 0.3)
	if plan.Items != 4 || plan.Worst != Lagging || plan.Counts.Of(NotStarted) != 1 {
		t.Errorf("plan = %+v", plan)
	}
	if _, ok := r.Node("nope"); ok {
		t.Error("unknown node found")
	}
}

func TestRollupUnits(t *testing.T) {
	nodes, results := smallTree()
	r := mustRollup(t, nodes, results)
	if got := r.Units(); !reflect.DeepEqual(got, []string{"u1", "u2", "u3"}) {
		t.Fatalf("Units() = %v", got)
	}
	tests := []struct {
		unit               string
		progress, expected float64
		items              int
		worst              Status
	}{
		{"u1", 0.2, 0.6, 1, Lagging}, // A2 inherits A's lead unit
		{"u2", 0.75, 0.6, 2, Warning},
		{"u3", 0, 0, 1, NotStarted},
	}
	for _, tt := range tests {
		a, _ := r.Unit(tt.unit)
		assertNear(t, tt.unit+" progress", a.Progress, tt.progress)
		assertNear(t, tt.unit+" expected", a.Expected, tt.expected)
		if a.Items != tt.items || a.Worst != tt.worst {
			t.Errorf("%s: items %d worst %s", tt.unit, a.Items, a.Worst)
		}
	}
}

func TestRollupUnitWeights(t *testing.T) {
	nodes := []duban.Node{
		{Code: "X", Kind: duban.KindTask, Weight: 3, LeadUnit: "u"},
		{Code: "Y", Kind: duban.KindTask, LeadUnit: "u"},
	}
	r := mustRollup(t, nodes, []Result{
		{Indicator: "x", Node: "X", Status: OnTrack, Actual: 1},
		{Indicator: "y", Node: "Y", Status: Lagging, Actual: 0},
	})
	a, _ := r.Unit("u")
	assertNear(t, "unit progress", a.Progress, 0.75)
}

func TestRollupWorstTieGoesToTheFirstInTreeOrder(t *testing.T) {
	nodes, results := smallTree()
	results[0].Status = Lagging // i1 now ties with i3
	r := mustRollup(t, nodes, results)
	if a, _ := r.Node("A"); a.WorstItem != "i1" {
		t.Errorf("worst item %s, want i1", a.WorstItem)
	}
}

func TestRollupErrors(t *testing.T) {
	nodes, results := smallTree()
	tests := []struct {
		name    string
		nodes   []duban.Node
		results []Result
		field   string
	}{
		{"unknown node", nodes, []Result{{Indicator: "x", Node: "Z"}}, "node"},
		{"duplicate", nodes, []Result{results[0], results[0]}, "id"},
		{"duplicate node", append(nodes[:1:1], nodes[0]), nil, "id"},
		{"child before parent", []duban.Node{{Code: "c", ParentCode: "p"}, {Code: "p"}}, nil, "parent"},
	}
	for _, tt := range tests {
		_, err := NewRollup(tt.nodes, tt.results)
		if duban.ErrorCode(err) != duban.EINVALID || duban.ErrorFields(err)[0].Field != tt.field {
			t.Errorf("%s: err = %v, want invalid %s", tt.name, err, tt.field)
		}
	}
	r := mustRollup(t, nodes, results)
	if err := r.Update("i1", Result{Node: "Z"}); duban.ErrorCode(err) != duban.EINVALID {
		t.Errorf("Update to an unknown node: %v", err)
	}
}

// genPlan builds areas × tasks × items nodes, one indicator per item, with
// weights, units and statuses varying by position.
func genPlan(areas, tasks, items int) ([]duban.Node, []Result) {
	var nodes []duban.Node
	var results []Result
	for a := range areas {
		ac := fmt.Sprintf("A%d", a)
		nodes = append(nodes, duban.Node{Code: ac, Kind: duban.KindArea, LeadUnit: fmt.Sprintf("u%d", a%4)})
		for k := range tasks {
			tc := fmt.Sprintf("%s-%d", ac, k)
			n := duban.Node{Code: tc, ParentCode: ac, Kind: duban.KindTask, Weight: float64(k%3 + 1)}
			if k%5 == 0 {
				n.LeadUnit = fmt.Sprintf("v%d", k%7)
			}
			nodes = append(nodes, n)
			for i := range items {
				ic := fmt.Sprintf("%s-%d", tc, i)
				nodes = append(nodes, duban.Node{Code: ic, ParentCode: tc, Kind: duban.KindItem, Weight: float64(i%2 + 1)})
				seq := len(results)
				results = append(results, Result{
					Indicator: "ind-" + ic, Node: ic, Status: Statuses[seq%len(Statuses)],
					Actual: float64(seq%101) / 100, Expected: float64(seq%89) / 88,
				})
			}
		}
	}
	return nodes, results
}

func snapshot(r *Rollup, nodes []duban.Node) map[string]Aggregate {
	out := map[string]Aggregate{"(plan)": r.Plan()}
	for _, n := range nodes {
		out["node:"+n.Code], _ = r.Node(n.Code)
	}
	for _, u := range r.Units() {
		out["unit:"+u], _ = r.Unit(u)
	}
	return out
}

func TestRollupUpdateEqualsFullRecomputation(t *testing.T) {
	nodes, results := genPlan(3, 6, 5)
	r := mustRollup(t, nodes, results)
	changes := []Result{
		{Indicator: results[7].Indicator, Node: results[7].Node, Status: Overdue, Actual: 0.1, Expected: 1},
		{Indicator: results[0].Indicator, Node: results[0].Node, Status: Done, Actual: 1, Expected: 0.4},
		{Indicator: results[89].Indicator, Node: results[89].Node, Status: Lagging, Actual: 0, Expected: 0.9},
		{Indicator: results[7].Indicator, Node: results[7].Node, Status: OnTrack, Actual: 0.5, Expected: 0.5},
	}
	for _, c := range changes {
		if err := r.Update(c.Indicator, c); err != nil {
			t.Fatal(err)
		}
		for i := range results {
			if results[i].Indicator == c.Indicator {
				results[i] = c
			}
		}
		want := snapshot(mustRollup(t, nodes, results), nodes)
		if got := snapshot(r, nodes); !reflect.DeepEqual(got, want) {
			t.Fatalf("after updating %s the incremental rollup differs from a full one", c.Indicator)
		}
	}
	added := Result{Indicator: "new", Node: nodes[len(nodes)-1].Code, Status: Overdue, Actual: 0.3, Expected: 0.7}
	if err := r.Update("new", added); err != nil {
		t.Fatal(err)
	}
	results = append(results, added)
	if !reflect.DeepEqual(snapshot(r, nodes), snapshot(mustRollup(t, nodes, results), nodes)) {
		t.Fatal("after adding an indicator the incremental rollup differs from a full one")
	}
	if r.Plan().Items != len(results) {
		t.Errorf("plan items %d, want %d", r.Plan().Items, len(results))
	}
}

func TestRollupUpdateMovesAnIndicator(t *testing.T) {
	nodes, results := smallTree()
	r := mustRollup(t, nodes, results)
	moved := results[2] // i3 from A2 (u1) to B1 (u3)
	moved.Node = "B1"
	if err := r.Update("i3", moved); err != nil {
		t.Fatal(err)
	}
	results[2] = moved
	if !reflect.DeepEqual(snapshot(r, nodes), snapshot(mustRollup(t, nodes, results), nodes)) {
		t.Error("after moving an indicator the incremental rollup differs from a full one")
	}
	if _, ok := r.Unit("u1"); ok {
		t.Error("u1 leads nothing any more but is still listed")
	}
}

func TestCountsJSON(t *testing.T) {
	c := counts(map[Status]int{Lagging: 2, Done: 5})
	b, err := json.Marshal(c)
	if err != nil {
		t.Fatal(err)
	}
	want := `{"done":5,"lagging":2,"not_reported":0,"not_started":0,"on_track":0,"overdue":0,"warning":0}`
	if string(b) != want {
		t.Errorf("JSON = %s, want %s", b, want)
	}
	var back Counts
	if err := json.Unmarshal(b, &back); err != nil || back != c {
		t.Errorf("round trip = %v, %v", back, err)
	}
}
