package ui

import (
	"net/http"
	"slices"
	"strconv"
	"strings"

	"github.com/duban-dev/duban"
	"github.com/duban-dev/duban/tracker"
)

type noticesView struct {
	page
	Units   map[string]string // unit code → name
	Plan    *duban.Plan
	Notices []noticeRow
	Items   []tracker.ItemStatus // for issuing a notice by hand
	Names   map[int64]string
	Levels  []duban.NoticeLevel
	Due     duban.Date // default reply deadline
	Filter  noticeFilterForm
	Total   int
	Pager   pager
	Today   duban.Date // replies due before it are overdue
}

// noticeRow is a notice with the steps the viewer may take now.
type noticeRow struct {
	duban.Notice
	Actions []duban.NoticeAction
}

var noticeActions = []duban.NoticeAction{duban.ActSign, duban.ActReply, duban.ActClose, duban.ActEscalate}

// allowedActions asks the domain which steps the user may take: the role
// check the API uses, and the lifecycle rule tried on a copy.
func allowedActions(u *duban.User, n duban.Notice) []duban.NoticeAction {
	var out []duban.NoticeAction
	for _, act := range noticeActions {
		c := n
		if duban.CanActOnNotice(u, &n, act) && c.Apply(act, "-", n.ReplyDue.AddDays(7)) == nil {
			out = append(out, act)
		}
	}
	return out
}

func (h *Handler) notices(w http.ResponseWriter, r *http.Request) {
	u := userFrom(r)
	v := noticesView{page: h.newPage(r, "notices.title"), Names: map[int64]string{},
		Levels: []duban.NoticeLevel{duban.LevelRemind, duban.LevelSupervise, duban.LevelCirculate, duban.LevelInterview},
		Due:    h.today().AddDays(tracker.ReplyDays)}
	if r.URL.Query().Get("done") != "" {
		v.Notice = v.T("notices.done")
	}
	plan, err := h.currentPlan(r)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	v.Plan, v.Units = plan, h.unitNames(r)
	f, form, kept := h.noticeFilter(r, plan.ID, v.Units)
	v.Filter, v.Today = form, h.today()
	list, total, err := h.cfg.Notices.ListNotices(r.Context(), f)
	v.Total, v.Pager = total, pagerOf("/notices", kept, f.Page, total)
	if err == nil {
		err = h.cfg.Tracker.View(r.Context(), plan.ID, h.today(), func(ps *tracker.PlanStatus) error {
			v.Names = ps.ItemLabels()
			if duban.CanIssueNotice(u) {
				v.Items = ps.Items()
			}
			return nil
		})
	}
	if err != nil {
		h.fail(w, r, err)
		return
	}
	for _, n := range list {
		v.Notices = append(v.Notices, noticeRow{Notice: n, Actions: pageActions(u, n)})
	}
	h.render(w, r, http.StatusOK, "notices", &v)
}

func (h *Handler) noticeAction(w http.ResponseWriter, r *http.Request) {
	defer h.ranks.forget() // the ranking counts overdue notice replies
	u, act := userFrom(r), duban.NoticeAction(r.PathValue("action"))
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || !duban.KnownNoticeAction(act) {
		h.notFound(w, r)
		return
	}
	n, err := h.cfg.Notices.FindNotice(r.Context(), id)
	if err == nil && !duban.SeesUnit(u, n.UnitCode) {
		err = duban.Errorf(duban.ENOTFOUND, "督办单 %d 不存在 (notice not found)", id)
	}
	if err == nil && (!duban.CanActOnNotice(u, n, act) || slices.Contains(unitSteps, act) && !ownsNotice(u, n)) {
		err = duban.Errorf(duban.EFORBIDDEN, "当前角色无权执行此操作 (your role may not do this)")
	}
	var due duban.Date
	if err == nil && act == duban.ActEscalate {
		due, err = duban.ParseDate(r.PostFormValue("reply_due"))
		if err != nil {
			err = duban.Invalid("反馈期限不是有效日期 (reply_due: not a valid date)", duban.FieldError{Field: "reply_due", Message: err.Error()})
		}
	}
	if err == nil {
		_, err = h.cfg.Notices.ApplyNotice(r.Context(), u, id, act, strings.TrimSpace(r.PostFormValue("text")), due)
	}
	if err != nil {
		h.fail(w, r, err)
		return
	}
	http.Redirect(w, r, "/notices?done="+string(act)+"#n"+strconv.FormatInt(id, 10), http.StatusSeeOther)
}

func (h *Handler) issueNotice(w http.ResponseWriter, r *http.Request) {
	defer h.ranks.forget() // the ranking counts overdue notice replies
	u := userFrom(r)
	if !duban.CanIssueNotice(u) {
		h.fail(w, r, duban.Errorf(duban.EFORBIDDEN, "当前角色无权下发督办单 (your role may not issue notices)"))
		return
	}
	planID, err := idParam(r, "id")
	if err != nil {
		h.fail(w, r, err)
		return
	}
	in := duban.NoticeInput{PlanID: planID, Trigger: duban.TriggerManual,
		Issue: strings.TrimSpace(r.PostFormValue("issue")), Action: strings.TrimSpace(r.PostFormValue("action"))}
	in.IndicatorID, _ = strconv.ParseInt(r.PostFormValue("indicator"), 10, 64)
	lvl, _ := strconv.Atoi(r.PostFormValue("level"))
	in.Level = duban.NoticeLevel(lvl)
	in.ReplyDue, err = duban.ParseDate(r.PostFormValue("reply_due"))
	if err == nil {
		in.NodeID, err = h.nodeOfIndicator(r, planID, in.IndicatorID)
	}
	if err == nil {
		_, err = h.cfg.Notices.CreateNotice(r.Context(), u, in)
	}
	if err != nil {
		h.fail(w, r, err)
		return
	}
	http.Redirect(w, r, "/notices?plan="+strconv.FormatInt(planID, 10)+"&done=issue", http.StatusSeeOther)
}

func (h *Handler) nodeOfIndicator(r *http.Request, planID, indicatorID int64) (int64, error) {
	var node int64
	err := h.cfg.Tracker.View(r.Context(), planID, h.today(), func(ps *tracker.PlanStatus) error {
		for _, it := range ps.Items() {
			if it.IndicatorID == indicatorID {
				node = it.NodeID
			}
		}
		return nil
	})
	if err == nil && node == 0 {
		err = duban.Invalid("请选择事项 (choose an item)", duban.FieldError{Field: "indicator", Message: "不是本计划的指标 (not an indicator of this plan)"})
	}
	return node, err
}
