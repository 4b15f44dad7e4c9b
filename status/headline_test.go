package status

import (
	"fmt"
	"math/rand"
	"strings"
	"testing"

	"github.com/duban-dev/duban"
)

// erqiLike is the shape of the demo plan: a goal holding a GDP growth rate
// (weight 3) and a path (weight 1) with six areas, five of them behind.
func erqiLike(gdpDone bool) ([]duban.Node, []Result) {
	nodes := []duban.Node{
		{Code: "goal", Kind: duban.KindGoal, Weight: 3},
		{Code: "gdp", ParentCode: "goal", Kind: duban.KindItem, Weight: 3, Title: "经济增长7.5%以上"},
		{Code: "path", ParentCode: "goal", Kind: duban.KindPath},
	}
	gdp := Result{Indicator: "gdp", Node: "gdp", Rate: true, Status: Done, Actual: 1, Expected: 0.5}
	if !gdpDone {
		gdp.Status, gdp.Actual = Lagging, 0
	}
	results := []Result{gdp}
	for i := 1; i <= 6; i++ {
		area := fmt.Sprintf("a%d", i)
		nodes = append(nodes, duban.Node{Code: area, ParentCode: "path", Kind: duban.KindArea, Title: "领域" + area},
			duban.Node{Code: area + "-1", ParentCode: area, Kind: duban.KindTask})
		actual := 0.3 // behind an expected 0.5
		st := Lagging
		if i == 1 {
			actual, st = 0.9, OnTrack
		}
		results = append(results, Result{Indicator: area + "-i", Node: area + "-1", Status: st, Actual: actual, Expected: 0.5, Gap: (0.5 - actual) * 100})
	}
	return nodes, results
}

func TestHeadlineLeavesRatesToTheirLights(t *testing.T) {
	nodes, results := erqiLike(true)
	h := NewHeadline(mustRollup(t, nodes, results), nodes)
	// The six areas weigh 1 each: (0.9 + 5×0.3) / 6 = 0.4; the done GDP rate
	// adds a blue light but no progress.
	assertNear(t, "progress", h.Progress, 0.4)
	assertNear(t, "expected", h.Expected, 0.5)
	if h.Items != 7 || h.Measured != 6 || h.Rates != 1 || h.Counts.Of(Done) != 1 {
		t.Errorf("items %d measured %d rates %d done %d", h.Items, h.Measured, h.Rates, h.Counts.Of(Done))
	}
	if h.Level != "领域" || len(h.Parts) != 6 || h.Behind != 5 || h.Verdict != VerdictBehind {
		t.Errorf("level %q parts %d behind %d verdict %s", h.Level, len(h.Parts), h.Behind, h.Verdict)
	}
	sum := 0.0
	for _, p := range h.Parts {
		sum += p.Contribution()
	}
	assertNear(t, "sum of contributions", sum/100, h.Progress)
	if s := h.Sentence().ZH; !strings.HasPrefix(s, "纳入监测的指标共7项，其中已完成1项") || !strings.Contains(s, "落后序时进度10.0个百分点") {
		t.Errorf("sentence %q", s)
	}
}

// One heavy area far ahead and the rest behind: the weighted mean is ahead,
// but the headline must not say so.
func TestHeadlineNeverAheadWhileMostPartsBehind(t *testing.T) {
	nodes, results := erqiLike(false)
	nodes[3].Weight = 20 // a1, the area that is ahead
	h := NewHeadline(mustRollup(t, nodes, results), nodes)
	if h.Gap >= 0 {
		t.Fatalf("setup: gap %v should be ahead", h.Gap)
	}
	if h.Verdict != VerdictMixed {
		t.Fatalf("verdict %s, want mixed", h.Verdict)
	}
	s := h.Sentence()
	if strings.Contains(s.ZH, "超出") || strings.Contains(s.EN, "ahead") {
		t.Errorf("says ahead while 5 of 6 areas are behind: %q / %q", s.ZH, s.EN)
	}
	if !strings.Contains(s.ZH, "6个领域中5个落后序时进度") || !strings.Contains(s.ZH, "「领域a1」") {
		t.Errorf("sentence %q", s.ZH)
	}
}

// Random plans where one item or area dominates: whenever most parts are
// behind, the verdict is not ahead; the contributions always add up.
func TestHeadlineRandomDominantPlans(t *testing.T) {
	rng := rand.New(rand.NewSource(14))
	for n := 0; n < 500; n++ {
		nodes := []duban.Node{}
		var results []Result
		areas := 2 + rng.Intn(6)
		for a := 0; a < areas; a++ {
			code := fmt.Sprintf("a%d", a)
			w := float64(1 + rng.Intn(3))
			if a == 0 {
				w = float64(1 + rng.Intn(50)) // the dominant one
			}
			nodes = append(nodes, duban.Node{Code: code, Kind: duban.KindArea, Weight: w})
			for i := 0; i < 1+rng.Intn(3); i++ {
				item := fmt.Sprintf("%s-%d", code, i)
				nodes = append(nodes, duban.Node{Code: item, ParentCode: code, Kind: duban.KindItem, Weight: float64(1 + rng.Intn(10))})
				act, exp := rng.Float64(), rng.Float64()
				results = append(results, Result{Indicator: item, Node: item, Status: OnTrack, Actual: act, Expected: exp,
					Gap: (exp - act) * 100, Rate: rng.Intn(5) == 0})
			}
		}
		r := mustRollup(t, nodes, results)
		h := NewHeadline(r, nodes)
		if h.Behind*2 > len(h.Parts) && (h.Verdict == VerdictAhead || strings.Contains(h.Sentence().ZH, "超出")) {
			t.Fatalf("plan %d: %d of %d parts behind but verdict %s: %s", n, h.Behind, len(h.Parts), h.Verdict, h.Sentence().ZH)
		}
		sum := 0.0
		for _, p := range h.Parts {
			sum += p.Contribution()
		}
		if h.Measured > 0 && !near(round1(sum), round1(h.Progress*100)) {
			t.Fatalf("plan %d: contributions sum to %v, headline %v", n, sum, h.Progress*100)
		}
	}
}

func TestHeadlineNothingMeasured(t *testing.T) {
	nodes := []duban.Node{{Code: "x", Kind: duban.KindItem}}
	h := NewHeadline(mustRollup(t, nodes, []Result{{Indicator: "x", Node: "x", Rate: true, Status: NotStarted}}), nodes)
	if h.Verdict != VerdictNone || strings.Contains(h.Sentence().ZH, "总体进度") {
		t.Errorf("verdict %s sentence %q", h.Verdict, h.Sentence().ZH)
	}
}
