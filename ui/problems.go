package ui

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/duban-dev/duban"
)

func (h *Handler) routesProblems() {
	h.mux.HandleFunc("GET /plans/{id}/problems", h.member(h.problems))
	h.mux.HandleFunc("POST /plans/{id}/problems", h.member(h.raiseProblem))
	h.mux.HandleFunc("POST /problems/{id}/{action}", h.member(h.problemAction))
}

// problemRow is a problem with the steps the viewer may take now.
type problemRow struct {
	duban.Problem
	Actions []duban.ProblemAction
	Overdue bool
}

// ActionWord is the catalog key of an action's button: 交办 on a problem
// its unit has answered sends it back (重新交办), not a new assignment.
func (p problemRow) ActionWord(act duban.ProblemAction) string {
	if act == duban.ProblemAssign && p.State == duban.ProblemAnswered {
		return "pb.act.reassign"
	}
	return "pb.act." + string(act)
}

var problemActions = []duban.ProblemAction{duban.ProblemAssign, duban.ProblemAnswer, duban.ProblemEscalate, duban.ProblemClose}

// problemRows lists problems the viewer may see, with the steps it may
// take (the role rule and the lifecycle rule tried on a copy).
func (h *Handler) problemRows(r *http.Request, f duban.ProblemFilter) ([]problemRow, error) {
	u := userFrom(r)
	f.UnitCode = or(duban.UnitScope(u), f.UnitCode)
	f.Page = duban.Page{PerPage: duban.MaxPerPage}
	list, _, err := h.cfg.Projects.ListProblems(r.Context(), f)
	if err != nil {
		return nil, err
	}
	today := h.today()
	out := make([]problemRow, 0, len(list))
	for _, p := range list {
		row := problemRow{Problem: p, Overdue: p.Overdue(today)}
		for _, act := range problemActions {
			if act == duban.ProblemAssign && p.State == duban.ProblemAssigned {
				continue // assigned already: the form names no new unit or deadline, so 交办 again would change nothing (升级 sets a new deadline)
			}
			c := p
			if duban.CanActOnProblem(u, &p, act) && c.Apply(act, duban.ProblemStep{Text: "-", NeedsUnit: "-", Deadline: p.Deadline.AddDays(7)}) == nil {
				row.Actions = append(row.Actions, act)
			}
		}
		out = append(out, row)
	}
	return out, nil
}

type problemsView struct {
	page
	Plan     *duban.Plan
	Problems []problemRow
	Names    map[string]string
	People   map[string]string
	State    string
	Open     int
	Overdue  int
	Today    duban.Date
	States   []string
}

func (h *Handler) problems(w http.ResponseWriter, r *http.Request) {
	v := problemsView{page: h.newPage(r, "pb.title"), Names: h.unitNames(r), People: h.peopleNames(r), Today: h.today(),
		States: []string{"open", "assigned", "answered", "closed"}}
	id, err := idParam(r, "id")
	if err == nil {
		v.Plan, err = h.readablePlan(r, id)
	}
	f := duban.ProblemFilter{PlanID: id, State: duban.ProblemState(r.URL.Query().Get("state"))}
	if f.State == "" && r.URL.Query().Get("all") == "" {
		f.OpenOnly = true
	}
	v.State = string(f.State)
	if err == nil {
		v.Problems, err = h.problemRows(r, f)
	}
	if err != nil {
		h.fail(w, r, err)
		return
	}
	if d := r.URL.Query().Get("done"); d != "" {
		v.Notice = v.T("pb.done")
	}
	for _, p := range v.Problems {
		if p.Open() {
			v.Open++
		}
		if p.Overdue {
			v.Overdue++
		}
	}
	h.render(w, r, http.StatusOK, "problems", &v)
}

func (h *Handler) raiseProblem(w http.ResponseWriter, r *http.Request) {
	planID, err := idParam(r, "id")
	if err != nil {
		h.fail(w, r, err)
		return
	}
	in := duban.ProblemInput{Category: duban.ProblemCategory(r.PostFormValue("category")),
		Title: strings.TrimSpace(r.PostFormValue("title")), Detail: strings.TrimSpace(r.PostFormValue("detail")),
		NeedsUnit: r.PostFormValue("needs_unit"), NeedsLeader: r.PostFormValue("needs_leader")}
	in.NodeID, _ = strconv.ParseInt(r.PostFormValue("node_id"), 10, 64)
	var errs []duban.FieldError
	in.Deadline = duban.ParseDateField("deadline", r.PostFormValue("deadline"), &errs)
	if len(errs) > 0 {
		err = duban.Invalid("期限不是有效日期 (bad deadline)", errs...)
	}
	var p *duban.Problem
	if err == nil {
		if n, e := h.cfg.Projects.FindNode(r.Context(), in.NodeID); e == nil && n.PlanID != planID {
			err = duban.Invalid("事项不属于该计划 (not an item of the plan)", duban.FieldError{Field: "node_id", Message: "不属于该计划"})
		}
	}
	if err == nil {
		p, err = h.cfg.Projects.CreateProblem(r.Context(), userFrom(r), in, h.today())
	}
	if err != nil {
		h.fail(w, r, err)
		return
	}
	h.cfg.ProjectLedger.Changed(p.PlanID)
	http.Redirect(w, r, back(r, "/plans/"+strconv.FormatInt(planID, 10)+"/problems?done=raise")+"#pb"+strconv.FormatInt(p.ID, 10), http.StatusSeeOther)
}

// back is the form's own "back" field when it names a page of this site.
func back(r *http.Request, fallback string) string {
	if b := r.PostFormValue("back"); strings.HasPrefix(b, "/") && !strings.HasPrefix(b, "//") {
		return b
	}
	return fallback
}

func (h *Handler) problemAction(w http.ResponseWriter, r *http.Request) {
	id, err := idParam(r, "id")
	if err != nil {
		h.fail(w, r, err)
		return
	}
	act := duban.ProblemAction(r.PathValue("action"))
	s := duban.ProblemStep{Text: strings.TrimSpace(r.PostFormValue("text")), NeedsUnit: r.PostFormValue("needs_unit"),
		NeedsLeader: r.PostFormValue("needs_leader")}
	if v := r.PostFormValue("deadline"); v != "" {
		var errs []duban.FieldError
		s.Deadline = duban.ParseDateField("deadline", v, &errs)
		if len(errs) > 0 {
			err = duban.Invalid("期限不是有效日期 (bad deadline)", errs...)
		}
	}
	var p *duban.Problem
	if err == nil {
		p, err = h.cfg.Projects.ApplyProblem(r.Context(), userFrom(r), id, act, s)
	}
	if err != nil {
		h.fail(w, r, err)
		return
	}
	h.cfg.ProjectLedger.Changed(p.PlanID)
	http.Redirect(w, r, back(r, "/plans/"+strconv.FormatInt(p.PlanID, 10)+"/problems?done="+string(act))+"#pb"+strconv.FormatInt(id, 10), http.StatusSeeOther)
}

// problemCard is what the problem-card partial needs: the page (texts,
// CSRF, path), the names of units and people, and the problem.
type problemCard struct {
	V cardPage
	P problemRow
}

type cardPage struct {
	*page
	Names, People map[string]string
	// Shared is the detail every card of the page carries (the demo's
	// 模拟数据：演示用问题), said once above the cards instead.
	Shared string
}

func (v *problemsView) Card(p problemRow) problemCard {
	return problemCard{cardPage{&v.page, v.Names, v.People, sharedDetail(v.Problems)}, p}
}

func (v *projectView) Card(p problemRow) problemCard {
	return problemCard{cardPage{&v.page, v.Names, v.People, sharedDetail(v.Problems)}, p}
}

// SharedDetail is the detail the page's problems all share, "" unless
// there are two or more and each carries the same one.
func (v *problemsView) SharedDetail() string { return sharedDetail(v.Problems) }

func (v *projectView) SharedDetail() string { return sharedDetail(v.Problems) }

func sharedDetail(rows []problemRow) string {
	if len(rows) < 2 {
		return ""
	}
	for _, r := range rows[1:] {
		if r.Detail != rows[0].Detail {
			return ""
		}
	}
	return rows[0].Detail
}
