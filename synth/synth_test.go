package synth_test

import (
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"testing"

	"github.com/duban-dev/duban"
	"github.com/duban-dev/duban/synth"
)

// hash digests every record of every part.
func hash(t *testing.T, ds *synth.Dataset) string {
	t.Helper()
	h := sha256.New()
	for i := range ds.Parts() {
		p, err := ds.Part(i)
		if err != nil {
			t.Fatal(err)
		}
		if err := json.NewEncoder(h).Encode(p); err != nil {
			t.Fatal(err)
		}
	}
	return fmt.Sprintf("%x", h.Sum(nil))
}

func TestSameSeedSameRows(t *testing.T) {
	c := synth.Config{Districts: 4, Items: 25, Months: 3, Seed: 7}
	a, b := hash(t, &synth.Dataset{Config: c}), hash(t, &synth.Dataset{Config: c})
	if a != b {
		t.Fatalf("same config, different rows: %s vs %s", a, b)
	}
	c.Seed = 8
	if hash(t, &synth.Dataset{Config: c}) == a {
		t.Fatal("a different seed gave the same rows")
	}
}

func TestPartShape(t *testing.T) {
	c := synth.Config{Districts: 40, Items: 23, Months: 2, Seed: 1}
	ds := &synth.Dataset{Config: c}
	cases := []struct {
		district int
		users    int
	}{{0, synth.UnitsPerDistrict + synth.GlobalUsers}, {1, synth.UnitsPerDistrict}, {39, synth.UnitsPerDistrict}}
	for _, tc := range cases {
		p, err := ds.Part(tc.district)
		if err != nil {
			t.Fatal(err)
		}
		got := []int{len(p.Plans), len(p.Units), len(p.Nodes), len(p.Indicators), len(p.Reports), len(p.Statuses), len(p.Users)}
		want := []int{1, synth.UnitsPerDistrict, c.NodesPerPlan(), 23, 23 * 2, 23, tc.users}
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("district %d: counts %v, want %v", tc.district, got, want)
		}
		if p.Plans[0].ID != synth.PlanID(tc.district) || p.Indicators[0].ID != c.IndicatorID(tc.district, 0) {
			t.Errorf("district %d: ids do not follow the layout", tc.district)
		}
		if p.Plans[0].Province == "" || len(p.Plans[0].RegionCode) != 6 {
			t.Errorf("district %d: region %q %q", tc.district, p.Plans[0].Province, p.Plans[0].RegionCode)
		}
		for _, ind := range p.Indicators {
			if ind.NodeID != nodeID(p.Nodes, ind.NodeCode) {
				t.Fatalf("district %d: indicator %s on node %d, want %s's id", tc.district, ind.Code, ind.NodeID, ind.NodeCode)
			}
		}
	}
}

func TestProvincesCycle(t *testing.T) {
	seen := map[string]bool{}
	for d := range synth.Provinces {
		seen[synth.RegionOf(d).Province] = true
	}
	if len(seen) != 31 || synth.RegionOf(0).Province != synth.RegionOf(31).Province {
		t.Fatalf("want 31 provinces in turn, got %d", len(seen))
	}
	if synth.RegionOf(0).Code == synth.RegionOf(31).Code {
		t.Fatal("two districts share a division code")
	}
}

func nodeID(nodes []duban.Node, code string) int64 {
	for _, n := range nodes {
		if n.Code == code {
			return n.ID
		}
	}
	return -1
}
