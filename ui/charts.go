package ui

import (
	"github.com/duban-dev/duban"
	"github.com/duban-dev/duban/tracker"
)

// chartMeta says what a chart measures: its title, the name of its value
// axis with the unit, the unit the axis labels carry ("%" or none) and,
// for shares, the axis maximum. app.js draws the axis from it; the page
// shows the title above the chart.
type chartMeta struct {
	Title string  `json:"title"`
	Axis  string  `json:"axis"`
	Unit  string  `json:"unit,omitempty"`
	Max   float64 `json:"max,omitempty"`
}

// Empty tells the template to leave the chart box out.
func (m chartMeta) empty(labels []string) bool { return len(labels) == 0 }

// Empty reports whether the chart has nothing to draw.
func (b barChart) Empty() bool { return b.chartMeta.empty(b.Labels) }

// Empty reports whether the chart has nothing to draw.
func (l lineChart) Empty() bool { return l.chartMeta.empty(l.Labels) }

// defaultTrendCode picks the item the dashboard's trend chart shows when
// none is chosen: the cumulative item whose task weighs most (first in plan
// order on a tie), because a growing count's progress against 序时进度 is
// what a trend shows; a rate or level has no such trend. Without a
// cumulative item, the first item.
func defaultTrendCode(ps *tracker.PlanStatus) string {
	weight := map[string]float64{}
	for i := range ps.Nodes {
		weight[ps.Nodes[i].Code] = ps.Nodes[i].EffectiveWeight()
	}
	best, bestW := "", -1.0
	for _, ind := range ps.Indicators {
		if ind.Kind == duban.Cumulative && weight[ind.NodeCode] > bestW {
			best, bestW = ind.Code, weight[ind.NodeCode]
		}
	}
	if best == "" && len(ps.Indicators) > 0 {
		best = ps.Indicators[0].Code
	}
	return best
}

// chartBox is what the "chartbox" partial needs to place one chart: its key
// in the page's chart data, how app.js draws it, and its visible title. An
// empty chart gets no box at all.
type chartBox struct {
	Key, Kind, Title string
	Empty            bool
}

func newChartBox(key, kind, title string, empty bool) chartBox {
	return chartBox{Key: key, Kind: kind, Title: title, Empty: empty}
}
