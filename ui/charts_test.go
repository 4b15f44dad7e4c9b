package ui_test

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/duban-dev/duban"
)

var chartBlock = regexp.MustCompile(`(?s)<script type="application/json" id="chart-data">(.*?)</script>`)

// chartJSON is the chart data a page hands app.js, indented.
func chartJSON(t *testing.T, body string) []byte {
	t.Helper()
	m := chartBlock.FindStringSubmatch(body)
	if m == nil {
		t.Fatal("no chart data on the page")
	}
	var out bytes.Buffer
	if err := json.Indent(&out, []byte(m[1]), "", "  "); err != nil {
		t.Fatalf("chart data: %v: %s", err, m[1])
	}
	return append(out.Bytes(), '\n')
}

// indicatorOfKind finds the first demo item of a kind.
func (e *env) indicatorOfKind(t *testing.T, kind duban.IndicatorKind) duban.Indicator {
	t.Helper()
	rows, _, err := e.db.ListIndicators(context.Background(), duban.IndicatorFilter{PlanID: e.planID, Page: duban.Page{PerPage: duban.MaxPerPage}.Normalize()})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rows {
		if r.Kind == kind {
			return r.Indicator
		}
	}
	t.Fatalf("no %s item in the demo", kind)
	return duban.Indicator{}
}

type chartOut struct {
	Title, Axis, Unit string
	Max               float64
	Labels            []string
	Series            []struct {
		Name string
		Data []float64
	}
}

// TestChartData compares the chart data of the dashboard and of item pages
// with testdata/charts-*.golden.json, and checks what each chart says it
// measures.
func TestChartData(t *testing.T) {
	e := newEnv(t)
	ms := e.indicatorOfKind(t, duban.MilestoneOnly)
	cum := e.indicatorOfKind(t, duban.Cumulative)
	pages := []struct{ name, path string }{
		{"dashboard", e.path("/plans/{id}", e.planID)},
		{"dashboard-en", e.path("/plans/{id}?lang=en", e.planID)},
		{"dashboard-milestone", e.path("/plans/{id}?lang=zh&indicator=", e.planID) + strconv.FormatInt(ms.ID, 10)},
		{"item-cumulative", e.path("/indicators/{id}", cum.ID)},
		{"item-milestone", e.path("/indicators/{id}", ms.ID)},
	}
	c := e.client()
	c.login("duchashi")
	got := map[string]map[string]chartOut{}
	for _, p := range pages {
		res := c.get(p.path)
		data := chartJSON(t, res.body)
		file := filepath.Join("testdata", "charts-"+p.name+".golden.json")
		if *update {
			if err := os.WriteFile(file, data, 0o644); err != nil {
				t.Fatal(err)
			}
		} else if want, err := os.ReadFile(file); err != nil || !bytes.Equal(want, data) {
			t.Errorf("%s: chart data differs from %s (%v); run with -update and review the diff", p.path, file, err)
		}
		var m map[string]chartOut
		if err := json.Unmarshal(data, &m); err != nil {
			t.Fatal(err)
		}
		got[p.name] = m
		for key, ch := range m {
			if len(ch.Labels) > 0 && (ch.Title == "" || ch.Axis == "") {
				t.Errorf("%s: chart %s does not say what it measures: %+v", p.name, key, ch)
			}
		}
	}
	dash := got["dashboard"]
	if r := dash["ranking"]; r.Unit == "%" || r.Max == 100 || !strings.Contains(r.Axis, "分") {
		t.Errorf("the scoreboard plots points, not a share: %+v", r)
	}
	if tr := dash["trend"]; !strings.HasPrefix(tr.Title, cumulativeTrendName(t, e)) || tr.Unit != "%" {
		t.Errorf("default trend %q: want the heaviest cumulative item %q", tr.Title, cumulativeTrendName(t, e))
	}
	if tr := got["dashboard-milestone"]["trend"]; !strings.Contains(tr.Axis, "里程碑") {
		t.Errorf("a milestone item's trend is milestone progress: %+v", tr)
	}
	h := got["item-milestone"]["history"]
	if len(h.Labels) == 0 || len(h.Series) != 2 || !strings.Contains(h.Axis, "里程碑") {
		t.Errorf("a milestone item's history is milestones reached against due: %+v", h)
	}
	if h := got["item-cumulative"]["history"]; !strings.Contains(h.Axis, cum.Unit) {
		t.Errorf("history axis %q lacks the item's unit %q", h.Axis, cum.Unit)
	}
}

// cumulativeTrendName is the rule's pick worked out independently: the
// cumulative item whose task weighs most, first in plan order on a tie.
func cumulativeTrendName(t *testing.T, e *env) string {
	weight := map[string]float64{}
	for _, n := range e.bundle.Nodes {
		weight[n.Code] = n.EffectiveWeight()
	}
	name, best := "", -1.0
	for _, ind := range e.bundle.Indicators {
		if ind.Kind == duban.Cumulative && weight[ind.NodeCode] > best {
			name, best = ind.Name, weight[ind.NodeCode]
		}
	}
	return name
}
