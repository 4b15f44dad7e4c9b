package ui

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/duban-dev/duban"
	"github.com/duban-dev/duban/projects"
	"github.com/duban-dev/duban/status"
)

func (h *Handler) routesDispatch() {
	h.mux.HandleFunc("GET /plans/{id}/dispatch", h.member(h.dispatch))
	h.mux.HandleFunc("GET /plans/{id}/decisions/new", h.member(h.decisionForm))
	h.mux.HandleFunc("POST /plans/{id}/decisions", h.member(h.recordDecision))
	h.mux.HandleFunc("POST /decisions/{id}/done", h.member(h.decisionDone))
}

type dispatchView struct {
	page
	Plan       *duban.Plan
	D          *projects.Dispatch
	Mechanisms []duban.Mechanism
	Names      map[string]string
	People     map[string]string
	CanDecide  bool
	Recorded   map[int64][]duban.Decision // this period's decisions by node
	Sections   []dispatchSection
	// Section 一 holds red items and unreported ones: its heading counts
	// each by its name rather than calling all of them 滞后.
	Red, Unreported int
}

type dispatchSection struct {
	Key   string
	Items []projects.DispatchItem
}

func (h *Handler) dispatch(w http.ResponseWriter, r *http.Request) {
	v := dispatchView{page: h.newPage(r, "dp.title"), Names: h.unitNames(r), People: h.peopleNames(r), Recorded: map[int64][]duban.Decision{}}
	p, l, in, err := h.planLedger(r)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	v.Plan, v.Mechanisms, v.CanDecide = p, in.Mechanisms, duban.CanDispatch(v.User)
	v.D, err = h.cfg.ProjectLedger.Dispatch(r.Context(), h.cfg.Projects, p.ID, r.URL.Query().Get("mechanism"), l.AsOf)
	var all []duban.Decision
	if err == nil {
		all, _, err = h.cfg.Projects.ListDecisions(r.Context(), duban.DecisionFilter{PlanID: p.ID, Page: duban.Page{PerPage: duban.MaxPerPage}})
	}
	if err != nil {
		h.fail(w, r, err)
		return
	}
	for _, d := range all {
		if d.Period == v.D.Period && d.Mechanism == v.D.Mechanism.Code {
			v.Recorded[d.NodeID] = append(v.Recorded[d.NodeID], d)
		}
	}
	v.Title = v.D.Mechanism.Name + " · " + v.Title + " · " + v.PeriodName(v.D.Period)
	for _, it := range v.D.Lagging {
		if it.Status == status.NotReported {
			v.Unreported++
		} else {
			v.Red++
		}
	}
	v.Sections = []dispatchSection{{"lagging", v.D.Lagging}, {"problem", v.D.Problems}, {"step", v.D.Steps},
		{"role", v.D.Roles}, {"follow_up", v.D.FollowUps}}
	if r.URL.Query().Get("done") != "" {
		v.Notice = v.T("dp.recorded")
	}
	h.render(w, r, http.StatusOK, "dispatch", &v)
}

// decideView is the form of one decision on one node of a dispatch list:
// the list links each line here rather than carrying a form (and the
// list of every unit) on each of its 200 lines.
type decideView struct {
	page
	Plan      *duban.Plan
	D         *projects.Dispatch
	Node      *duban.Node
	Items     []projects.DispatchItem // the node's lines on the list
	Recorded  []duban.Decision        // this period's decisions on the node
	Units     []duban.Unit
	Names     map[string]string
	ProblemID int64
	Due       duban.Date
	Back      string // the list, at the node's line
}

func (h *Handler) decisionForm(w http.ResponseWriter, r *http.Request) {
	v := decideView{page: h.newPage(r, "dp.record"), Names: h.unitNames(r)}
	q := r.URL.Query()
	nodeID, err := strconv.ParseInt(q.Get("node_id"), 10, 64)
	if err != nil {
		err = duban.Invalid("参数有误 (bad node)", duban.FieldError{Field: "node_id", Message: "须为事项编号 (want a node id)"})
	}
	v.ProblemID, _ = strconv.ParseInt(q.Get("problem_id"), 10, 64)
	var l *projects.Ledger
	if err == nil && !duban.CanDispatch(v.User) {
		err = duban.Errorf(duban.EFORBIDDEN, "只有督查室可以记录调度决定 (only the supervision office records decisions)")
	}
	if err == nil {
		v.Plan, l, _, err = h.planLedger(r)
	}
	if err == nil {
		v.Node, err = h.cfg.Projects.FindNode(r.Context(), nodeID)
	}
	if err == nil && v.Node.PlanID != v.Plan.ID {
		err = duban.Errorf(duban.ENOTFOUND, "计划中没有该事项 (no such item in the plan): %d", nodeID)
	}
	if err == nil {
		v.D, err = h.cfg.ProjectLedger.Dispatch(r.Context(), h.cfg.Projects, v.Plan.ID, q.Get("mechanism"), l.AsOf)
	}
	var all []duban.Decision
	if err == nil {
		v.Units, err = h.cfg.Directory.ListUnits(r.Context())
	}
	if err == nil {
		all, _, err = h.cfg.Projects.ListDecisions(r.Context(), duban.DecisionFilter{PlanID: v.Plan.ID, NodeID: nodeID, Page: duban.Page{PerPage: duban.MaxPerPage}})
	}
	if err != nil {
		h.fail(w, r, err)
		return
	}
	for _, list := range [][]projects.DispatchItem{v.D.Lagging, v.D.Problems, v.D.Steps, v.D.Roles} {
		for _, it := range list {
			if it.NodeID == nodeID && (v.ProblemID == 0 || it.ProblemID == v.ProblemID) {
				v.Items = append(v.Items, it)
			}
		}
	}
	for _, d := range all {
		if d.Period == v.D.Period && d.Mechanism == v.D.Mechanism.Code {
			v.Recorded = append(v.Recorded, d)
		}
	}
	v.Due = l.AsOf.AddDays(7)
	v.Back = "/plans/" + strconv.FormatInt(v.Plan.ID, 10) + "/dispatch?mechanism=" + v.D.Mechanism.Code + "&as_of=" + l.AsOf.String() + "#d" + strconv.FormatInt(nodeID, 10)
	v.Title = v.Node.Title + " · " + v.Title
	h.render(w, r, http.StatusOK, "decide", &v)
}

func (h *Handler) recordDecision(w http.ResponseWriter, r *http.Request) {
	planID, err := idParam(r, "id")
	if err != nil {
		h.fail(w, r, err)
		return
	}
	in := duban.DecisionInput{Mechanism: r.PostFormValue("mechanism"), Period: r.PostFormValue("period"),
		Text: strings.TrimSpace(r.PostFormValue("text")), Owner: r.PostFormValue("owner")}
	in.NodeID, _ = strconv.ParseInt(r.PostFormValue("node_id"), 10, 64)
	in.ProblemID, _ = strconv.ParseInt(r.PostFormValue("problem_id"), 10, 64)
	var errs []duban.FieldError
	in.Due = duban.ParseDateField("due", r.PostFormValue("due"), &errs)
	if len(errs) > 0 {
		err = duban.Invalid("期限不是有效日期 (bad due date)", errs...)
	}
	var d *duban.Decision
	if err == nil {
		d, err = h.cfg.Projects.CreateDecision(r.Context(), userFrom(r), planID, in)
	}
	if err != nil {
		h.fail(w, r, err)
		return
	}
	h.cfg.ProjectLedger.Changed(planID)
	to := "/plans/" + strconv.FormatInt(planID, 10) + "/dispatch?mechanism=" + in.Mechanism + "&done=1"
	if a := r.PostFormValue("as_of"); a != "" {
		to += "&as_of=" + a
	}
	http.Redirect(w, r, to+"#d"+strconv.FormatInt(d.NodeID, 10), http.StatusSeeOther)
}

func (h *Handler) decisionDone(w http.ResponseWriter, r *http.Request) {
	id, err := idParam(r, "id")
	var d *duban.Decision
	if err == nil {
		d, err = h.cfg.Projects.CompleteDecision(r.Context(), userFrom(r), id, strings.TrimSpace(r.PostFormValue("result")))
	}
	if err != nil {
		h.fail(w, r, err)
		return
	}
	h.cfg.ProjectLedger.Changed(d.PlanID)
	http.Redirect(w, r, back(r, "/projects/"+strconv.FormatInt(d.NodeID, 10)), http.StatusSeeOther)
}
