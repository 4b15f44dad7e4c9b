package ui

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/duban-dev/duban"
	"github.com/duban-dev/duban/projects"
)

func (h *Handler) routesDispatch() {
	h.mux.HandleFunc("GET /plans/{id}/dispatch", h.member(h.dispatch))
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
	Units      []duban.Unit
	Due        duban.Date
	CanDecide  bool
	Recorded   map[int64][]duban.Decision // this period's decisions by node
	Sections   []dispatchSection
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
	if err == nil && v.CanDecide {
		v.Units, err = h.cfg.Directory.ListUnits(r.Context())
	}
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
	v.Due = l.AsOf.AddDays(7)
	v.Title = v.D.Mechanism.Name + " · " + v.Title + " · " + v.D.Period
	v.Sections = []dispatchSection{{"lagging", v.D.Lagging}, {"problem", v.D.Problems}, {"step", v.D.Steps},
		{"role", v.D.Roles}, {"follow_up", v.D.FollowUps}}
	if r.URL.Query().Get("done") != "" {
		v.Notice = v.T("dp.recorded")
	}
	h.render(w, r, http.StatusOK, "dispatch", &v)
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
