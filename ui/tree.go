package ui

import (
	"net/http"

	"github.com/duban-dev/duban"
	"github.com/duban-dev/duban/status"
	"github.com/duban-dev/duban/tracker"
)

type treeView struct {
	page
	Plan     *duban.Plan
	AsOf     duban.Date
	Roots    []*tracker.NodeRow
	Filter   tracker.NodeFilter
	Filtered bool
	Areas    []duban.Node
	Units    []duban.Unit
	Statuses []status.Status
	Names    map[string]string
	Matches  int
	names    map[string]string // indicator code → name
}

type treeRow struct {
	V *treeView
	N *tracker.NodeRow
}

// Row pairs a node with the view for the recursive "node" template.
func (v *treeView) Row(n *tracker.NodeRow) treeRow { return treeRow{v, n} }

// IndicatorName names an indicator by its code.
func (v *treeView) IndicatorName(code string) string { return v.names[code] }

func (h *Handler) tree(w http.ResponseWriter, r *http.Request) {
	v := treeView{page: h.newPage(r, "tree.title"), Statuses: status.Statuses, Names: h.unitNames(r)}
	f, err := tracker.ParseNodeFilter(r.URL.Query())
	if err != nil {
		h.fail(w, r, err)
		return
	}
	v.Filter, v.Filtered = f, !f.Empty()
	err = h.viewPlan(r, func(p *duban.Plan, ps *tracker.PlanStatus) error {
		v.Plan, v.AsOf, v.names = p, ps.AsOf, map[string]string{}
		for _, ind := range ps.Indicators {
			v.names[ind.Code] = ind.Name
		}
		v.knowIndicators(ps.Indicators)
		rows := ps.NodeRows()
		for _, row := range rows {
			if row.Kind == duban.KindArea {
				v.Areas = append(v.Areas, row.Node)
			}
		}
		var kept []tracker.NodeRow
		kept, v.Matches = keepWithAncestors(rows, f)
		v.Roots = tracker.Tree(kept)
		return nil
	})
	if err != nil {
		h.fail(w, r, err)
		return
	}
	if v.Units, err = h.cfg.Directory.ListUnits(r.Context()); err != nil {
		h.fail(w, r, err)
		return
	}
	v.Title = v.Plan.Title + " · " + v.Title
	h.render(w, r, http.StatusOK, "tree", &v)
}

// keepWithAncestors keeps the rows the filter matches and every ancestor
// of them, in tree order, so the filtered tree still shows where an item
// sits. It also counts the matches.
func keepWithAncestors(rows []tracker.NodeRow, f tracker.NodeFilter) ([]tracker.NodeRow, int) {
	if f.Empty() {
		return rows, len(rows)
	}
	parent := map[string]string{}
	for _, row := range rows {
		parent[row.Code] = row.ParentCode
	}
	keep, n := map[string]bool{}, 0
	for i := range rows {
		if !f.Keep(&rows[i]) {
			continue
		}
		n++
		for c := rows[i].Code; c != "" && !keep[c]; c = parent[c] {
			keep[c] = true
		}
	}
	out := rows[:0:0]
	for _, row := range rows {
		if keep[row.Code] {
			out = append(out, row)
		}
	}
	return out, n
}
