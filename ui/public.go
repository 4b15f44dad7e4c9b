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

// publicArea is an area's items; its major projects' investment items
// are kept apart (Projects), folded on the page, so that 270 projects do
// not bury the area's dozen tasks, least of all on a phone.
type publicArea struct {
	Title    string
	Items    []publicItem
	Projects []publicItem
	Behind   int  // projects red (滞后) or overdue
	Outside  bool // the items under no area, in a plan with areas
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
		v.knowIndicators(ps.Indicators)
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
	rows := ps.NodeRows()
	areaOf, project := map[string]string{}, map[string]bool{}
	for _, row := range rows {
		areaOf[row.Code], project[row.Code] = row.Area, row.Kind == duban.KindProject
	}
	byArea := map[string]*publicArea{}
	for _, it := range ps.Items() {
		a := byArea[areaOf[it.Node]]
		if a == nil {
			a = &publicArea{}
			byArea[areaOf[it.Node]] = a
		}
		item := publicItem{ItemStatus: it, Indicator: inds[it.IndicatorID]}
		if !project[it.Node] {
			a.Items = append(a.Items, item)
			continue
		}
		a.Projects = append(a.Projects, item)
		if it.Status == status.Lagging || it.Status == status.Overdue {
			a.Behind++
		}
	}
	var out []publicArea
	for _, row := range rows {
		if a := byArea[row.Code]; row.Kind == duban.KindArea && a != nil {
			a.Title = row.Title
			out = append(out, *a)
		}
	}
	if rest := byArea[""]; rest != nil {
		rest.Title, rest.Outside = ps.Plan.Title, len(out) > 0
		out = append([]publicArea{*rest}, out...)
	}
	return out
}

// publicRows is one table of the public page: the items and the view
// whose words and names it uses.
type publicRows struct {
	V     *publicView
	Items []publicItem
}

// Rows pairs a table's items with the view, for the public-items template.
func (v *publicView) Rows(items []publicItem) publicRows { return publicRows{V: v, Items: items} }
