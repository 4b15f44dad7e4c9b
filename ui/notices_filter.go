package ui

import (
	"cmp"
	"net/http"
	"net/url"
	"slices"
	"strconv"

	"github.com/duban-dev/duban"
)

// noticesPerPage is the notices on one page of the list.
const noticesPerPage = 20

// noticeFilterForm is the list's filter as chosen, for the form and the
// page links.
type noticeFilterForm struct {
	State   string
	Level   string
	Unit    string
	Overdue bool
	States  []duban.NoticeState
	Units   []unitOption // empty for a reporter, who sees only its unit
}

type unitOption struct{ Code, Name string }

var noticeStates = []duban.NoticeState{duban.NoticeIssued, duban.NoticeSigned, duban.NoticeReplied, duban.NoticeClosed}

// noticeFilter reads the list's filter from the query: state, level, unit
// (a reporter's own unit whatever is asked), reply overdue today, page.
func (h *Handler) noticeFilter(r *http.Request, planID int64, units map[string]string) (duban.NoticeFilter, noticeFilterForm, url.Values) {
	q, u := r.URL.Query(), userFrom(r)
	form := noticeFilterForm{States: noticeStates}
	kept := url.Values{}
	f := duban.NoticeFilter{PlanID: planID, UnitCode: duban.UnitScope(u)}
	if s := duban.NoticeState(q.Get("state")); s.Valid() {
		f.State, form.State = s, string(s)
	}
	if n, err := strconv.Atoi(q.Get("level")); err == nil && duban.NoticeLevel(n).Valid() {
		f.Level, form.Level = duban.NoticeLevel(n), q.Get("level")
	}
	if f.UnitCode == "" {
		if c := q.Get("unit"); units[c] != "" {
			f.UnitCode, form.Unit = c, c
		}
		for c, name := range units {
			form.Units = append(form.Units, unitOption{c, name})
		}
		slices.SortFunc(form.Units, func(a, b unitOption) int { return cmp.Compare(a.Code, b.Code) })
	}
	if q.Get("overdue") == "1" {
		f.OverdueOn, form.Overdue = h.today(), true
	}
	for k, v := range map[string]string{"plan": q.Get("plan"), "state": form.State, "level": form.Level, "unit": form.Unit} {
		if v != "" {
			kept.Set(k, v)
		}
	}
	if form.Overdue {
		kept.Set("overdue", "1")
	}
	page, _ := strconv.Atoi(q.Get("page"))
	f.Page = duban.Page{Page: page, PerPage: noticesPerPage}.Normalize()
	return f, form, kept
}

// unitSteps are the steps only the addressed unit's own reporters take on
// the notices page; supervisors and administrators see the unit's progress
// on a notice, not buttons to act for it.
var unitSteps = []duban.NoticeAction{duban.ActSign, duban.ActReply}

// pageActions are the steps the notices page offers the user: the domain's
// allowed steps, without the unit's own steps for anyone but its reporters.
func pageActions(u *duban.User, n duban.Notice) []duban.NoticeAction {
	var out []duban.NoticeAction
	for _, act := range allowedActions(u, n) {
		if slices.Contains(unitSteps, act) && !ownsNotice(u, &n) {
			continue
		}
		out = append(out, act)
	}
	return out
}

// ownsNotice reports whether the user reports for the notice's unit.
func ownsNotice(u *duban.User, n *duban.Notice) bool {
	return u != nil && u.Role == duban.RoleReporter && u.UnitCode == n.UnitCode
}
