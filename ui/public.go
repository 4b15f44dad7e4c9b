package ui

import (
	"net/http"

	"github.com/duban-dev/duban"
	"github.com/duban-dev/duban/status"
	"github.com/duban-dev/duban/tracker"
)

type publicView struct {
	page
	Plan     *duban.Plan
	AsOf     duban.Date
	H        status.Headline
	Statuses []status.Status
	Areas    []publicArea
	Names    map[string]string
}

type publicArea struct {
	Title string
	Items []publicItem
}

type publicItem struct {
	tracker.ItemStatus
	Indicator duban.Indicator
}

// publicPlan shows every target of a public plan, read-only, to anyone; a
// private plan is not found for the public.
func (h *Handler) publicPlan(w http.ResponseWriter, r *http.Request) {
	v := publicView{page: h.newPage(r, "public.title"), Names: h.unitNames(r), Statuses: status.Statuses}
	err := h.viewPlan(r, func(p *duban.Plan, ps *tracker.PlanStatus) error {
		v.Plan, v.AsOf, v.H = p, ps.AsOf, status.NewHeadline(ps.Rollup, ps.Nodes)
		v.Areas = publicAreas(ps)
		return nil
	})
	if err == nil && !v.Plan.Public {
		err = duban.Errorf(duban.ENOTFOUND, "计划不存在或未公开 (plan not found or not public)")
	}
	if err != nil {
		h.fail(w, r, err)
		return
	}
	v.Title = v.Plan.Title + " · " + v.Title
	h.render(w, r, http.StatusOK, "public", &v)
}

// publicAreas groups the items under their areas, in tree order.
func publicAreas(ps *tracker.PlanStatus) []publicArea {
	inds := map[int64]duban.Indicator{}
	for _, ind := range ps.Indicators {
		inds[ind.ID] = ind
	}
	byArea := map[string][]publicItem{}
	rows := ps.NodeRows()
	areaOf := map[string]string{}
	for _, row := range rows {
		areaOf[row.Code] = row.Area
	}
	for _, it := range ps.Items() {
		a := areaOf[it.Node]
		byArea[a] = append(byArea[a], publicItem{ItemStatus: it, Indicator: inds[it.IndicatorID]})
	}
	var out []publicArea
	for _, row := range rows {
		if row.Kind == duban.KindArea && len(byArea[row.Code]) > 0 {
			out = append(out, publicArea{Title: row.Title, Items: byArea[row.Code]})
		}
	}
	if rest := byArea[""]; len(rest) > 0 {
		out = append([]publicArea{{Title: ps.Plan.Title, Items: rest}}, out...)
	}
	return out
}
