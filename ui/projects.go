package ui

import (
	"net/http"
	"strconv"

	"github.com/duban-dev/duban"
	"github.com/duban-dev/duban/projects"
	"github.com/duban-dev/duban/status"
)

func (h *Handler) routesProjects() {
	if h.cfg.Projects == nil {
		return
	}
	if h.cfg.ProjectLedger == nil {
		if st, ok := h.cfg.Projects.(projects.Store); ok {
			h.cfg.ProjectLedger = projects.NewService(st, h.cfg.Tracker)
		}
	}
	h.mux.HandleFunc("GET /projects", h.member(h.projectsHome))
	h.mux.HandleFunc("GET /plans/{id}/projects", h.member(h.ledger))
	h.mux.HandleFunc("GET /plans/{id}/projects/map", h.member(h.projectMap))
	h.mux.HandleFunc("GET /projects/{id}", h.member(h.projectPage))
	h.mux.HandleFunc("POST /projects/{id}/steps", h.member(h.saveStep))
	h.routesProblems()
	h.routesDispatch()
}

type option struct{ Value, Label string }

type ledgerView struct {
	page
	Plan     *duban.Plan
	AsOf     duban.Date
	Ledger   *projects.Ledger
	Rows     []projects.Row
	Filtered projects.Counts
	Filter   projects.Filter
	Stages   []option
	Units    []option
	Areas    []option
	Lights   []option
	Names    map[string]string
	People   map[string]string
	Pager    pager
	First    int // the first row shown, counting from 1
	Last     int
	// SimulatedShown is how many rows shown are the demo's simulated
	// projects, said once above the table rather than on each row.
	SimulatedShown int
}

// ledgerPerPage is how many projects one page of the ledger lists: a
// phone scrolls through 50 cards, not 270; the Excel export has them all.
const ledgerPerPage = 50

// planLedger reads the plan of the path's {id}, the as-of day and the
// ledger, checking the viewer may read the plan.
func (h *Handler) planLedger(r *http.Request) (*duban.Plan, *projects.Ledger, *projects.Input, error) {
	id, err := idParam(r, "id")
	if err != nil {
		return nil, nil, nil, err
	}
	p, err := h.readablePlan(r, id)
	if err != nil {
		return nil, nil, nil, err
	}
	asOf, err := h.asOf(r)
	if err != nil {
		return nil, nil, nil, err
	}
	l, in, err := h.cfg.ProjectLedger.Ledger(r.Context(), id, asOf)
	return p, l, in, err
}

func (h *Handler) ledger(w http.ResponseWriter, r *http.Request) {
	v := ledgerView{page: h.newPage(r, "pj.title")}
	f, err := projects.ParseFilter(r.URL.Query())
	if err == nil {
		v.Plan, v.Ledger, _, err = h.planLedger(r)
	}
	if err != nil {
		h.fail(w, r, err)
		return
	}
	v.AsOf, v.Filter, v.Names, v.People = v.Ledger.AsOf, f, h.unitNames(r), h.peopleNames(r)
	rows := projects.Sorted(f.Apply(v.Ledger.Rows))
	v.Filtered = projects.CountRows(rows)
	v.pageRows(r, rows)
	v.Stages, v.Units, v.Areas, v.Lights = ledgerOptions(&v)
	v.Title = v.Plan.Title + " · " + v.Title
	h.render(w, r, http.StatusOK, "projects", &v)
}

func ledgerOptions(v *ledgerView) (stages, units, areas, lights []option) {
	for _, s := range duban.ProjectStages {
		stages = append(stages, option{string(s), s.Label()})
	}
	seenU, seenA := map[string]bool{}, map[string]bool{}
	for _, r := range v.Ledger.Rows {
		if !seenU[r.LeadUnit] {
			seenU[r.LeadUnit] = true
			units = append(units, option{r.LeadUnit, or(v.Names[r.LeadUnit], r.LeadUnit)})
		}
		if r.Area != "" && !seenA[r.Area] {
			seenA[r.Area] = true
			areas = append(areas, option{r.Area, r.AreaTitle})
		}
	}
	for _, l := range []string{"red", "yellow", "green", "orange", "blue"} {
		lights = append(lights, option{l, v.T("pj.light." + l)})
	}
	return stages, units, areas, lights
}

func or(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

func (h *Handler) peopleNames(r *http.Request) map[string]string {
	names := map[string]string{}
	people, err := h.cfg.Directory.ListPeople(r.Context())
	if err != nil {
		h.cfg.Logger.Warn("list people", "err", err)
		return names
	}
	for _, p := range people {
		names[p.Code] = p.Name
	}
	return names
}

type projectView struct {
	page
	Plan       *duban.Plan
	AsOf       duban.Date
	Row        *projects.Row
	Problems   []problemRow
	Decisions  []duban.Decision
	Names      map[string]string
	People     map[string]string
	CanReport  bool // the lead unit's reporter or the office: raise problems, report steps
	CanPlan    bool // the office: planned dates
	Categories []duban.ProblemCategory
	UnitList   []duban.Unit
	Today      duban.Date
	Due        duban.Date
}

func (h *Handler) projectPage(w http.ResponseWriter, r *http.Request) {
	v, err := h.loadProject(r)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	h.render(w, r, http.StatusOK, "project", v)
}

func (h *Handler) loadProject(r *http.Request) (*projectView, error) {
	id, err := idParam(r, "id")
	if err != nil {
		return nil, err
	}
	n, err := h.cfg.Projects.FindNode(r.Context(), id)
	if err != nil {
		return nil, err
	}
	v := &projectView{page: h.newPage(r, "pj.project"), Names: h.unitNames(r), People: h.peopleNames(r),
		Categories: duban.ProblemCategories(), Today: h.today(), Due: h.today().AddDays(14)}
	if v.Plan, err = h.readablePlan(r, n.PlanID); err != nil {
		return nil, err
	}
	if v.AsOf, err = h.asOf(r); err != nil {
		return nil, err
	}
	l, _, err := h.cfg.ProjectLedger.Ledger(r.Context(), n.PlanID, v.AsOf)
	if err != nil {
		return nil, err
	}
	if v.Row = projects.Find(l, id); v.Row == nil {
		return nil, duban.Errorf(duban.ENOTFOUND, "项目不存在 (project not found): %d", id)
	}
	v.Title = v.Row.Title + " · " + v.Title
	v.CanReport, v.CanPlan = duban.CanRaiseProblem(v.User, n), duban.CanDispatch(v.User)
	if v.Problems, err = h.problemRows(r, duban.ProblemFilter{NodeID: id}); err != nil {
		return nil, err
	}
	ds, _, err := h.cfg.Projects.ListDecisions(r.Context(), duban.DecisionFilter{NodeID: id, Page: duban.Page{PerPage: maxHistory}})
	if err != nil {
		return nil, err
	}
	v.Decisions = ds
	if v.CanReport {
		v.UnitList, err = h.cfg.Directory.ListUnits(r.Context())
	}
	return v, err
}

// saveStep sets one step's dates from the project page's form.
func (h *Handler) saveStep(w http.ResponseWriter, r *http.Request) {
	id, err := idParam(r, "id")
	if err != nil {
		h.fail(w, r, err)
		return
	}
	in := duban.ProjectStepInput{Kind: duban.StepKind(r.PostFormValue("kind")), Name: r.PostFormValue("name")}
	var errs []duban.FieldError
	if v := r.PostFormValue("planned"); v != "" {
		d := duban.ParseDateField("planned", v, &errs)
		in.Planned = &d
	}
	if v := r.PostFormValue("actual"); v != "" {
		d := duban.ParseDateField("actual", v, &errs)
		in.Actual = &d
	}
	if len(errs) > 0 {
		err = duban.Invalid("日期有误 (bad date)", errs...)
	}
	if err == nil {
		_, err = h.cfg.Projects.SaveProjectSteps(r.Context(), userFrom(r), id, []duban.ProjectStepInput{in})
	}
	if err != nil {
		h.fail(w, r, err)
		return
	}
	h.projectsChanged(r, id)
	http.Redirect(w, r, "/projects/"+strconv.FormatInt(id, 10)+"#steps", http.StatusSeeOther)
}

func (h *Handler) projectsChanged(r *http.Request, nodeID int64) {
	if n, err := h.cfg.Projects.FindNode(r.Context(), nodeID); err == nil {
		h.cfg.ProjectLedger.Changed(n.PlanID)
	}
}

type mapView struct {
	page
	Plan   *duban.Plan
	AsOf   duban.Date
	Map    projects.Map
	Counts projects.Counts
	Legend []status.Status
}

func (h *Handler) projectMap(w http.ResponseWriter, r *http.Request) {
	v := mapView{page: h.newPage(r, "pj.map"), Legend: status.Statuses}
	p, l, _, err := h.planLedger(r)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	v.Plan, v.AsOf, v.Map, v.Counts = p, l.AsOf, v.localMap(projects.MapOf(l)), l.Counts
	v.Title = p.Title + " · " + v.Title
	h.render(w, r, http.StatusOK, "projectmap", &v)
}

// projectsHome opens the ledger of the current plan.
func (h *Handler) projectsHome(w http.ResponseWriter, r *http.Request) {
	p, err := h.currentPlan(r)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	http.Redirect(w, r, "/plans/"+strconv.FormatInt(p.ID, 10)+"/projects", http.StatusSeeOther)
}

// localMap puts the map's words (stage, light) in the page's language, for
// its table and the chart's tooltips.
func (p *page) localMap(m projects.Map) projects.Map {
	for i := range m.Points {
		pt := &m.Points[i]
		pt.Stage, pt.Label = p.Term(pt.Stage), p.Word(status.Status(pt.Status))
	}
	return m
}

// pageRows keeps the rows of the requested page and links the others,
// with the filters of the request.
func (v *ledgerView) pageRows(r *http.Request, rows []projects.Row) {
	q := r.URL.Query()
	n, _ := strconv.Atoi(q.Get("page"))
	p := duban.Page{Page: n, PerPage: ledgerPerPage}.Normalize()
	start := min(p.Offset(), len(rows))
	v.Rows = rows[start:min(start+p.PerPage, len(rows))]
	v.First, v.Last = start+1, start+len(v.Rows)
	for _, row := range v.Rows {
		if row.Simulated {
			v.SimulatedShown++
		}
	}
	q.Del("page")
	v.Pager = pagerOf(r.URL.Path, q, p, len(rows))
}
