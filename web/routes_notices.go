package web

import (
	"net/http"

	"github.com/duban-dev/duban"
)

func (s *Server) routesNotices() {
	s.handle("GET /api/v1/plans/{id}/notices", s.handleListNotices)
	s.handle("POST /api/v1/plans/{id}/notices", s.handleCreateNotice)
	s.handle("GET /api/v1/notices/{id}", s.handleGetNotice)
	s.handle("POST /api/v1/notices/{id}/{action}", s.handleNoticeAction)
}

func (s *Server) handleListNotices(w http.ResponseWriter, r *http.Request) {
	u := s.requireUser(w, r)
	if u == nil {
		return
	}
	planID, err := idParam(r, "id")
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	page, err := pageParams(r)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	q := r.URL.Query()
	f := duban.NoticeFilter{PlanID: planID, UnitCode: q.Get("unit"), State: duban.NoticeState(q.Get("state")),
		OpenOnly: q.Get("open") == "true", Page: page}
	if f.State != "" && !f.State.Valid() {
		s.writeError(w, r, duban.Invalid("参数有误 (bad filter)", duban.FieldError{Field: "state", Message: "须为 issued、signed、replied 或 closed"}))
		return
	}
	if scope := duban.UnitScope(u); scope != "" {
		f.UnitCode = scope
	}
	list, total, err := s.cfg.Notices.ListNotices(r.Context(), f)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, newList(noticesJSON(list), total, page))
}

// noticeJSON adds the official number and labels to a notice.
type noticeJSON struct {
	duban.Notice
	Number     string `json:"number"`
	LevelLabel string `json:"level_label"`
	StateLabel string `json:"state_label"`
}

func noticesJSON(list []duban.Notice) []noticeJSON {
	items := make([]noticeJSON, len(list))
	for i := range list {
		items[i] = newNoticeJSON(&list[i])
	}
	return items
}

func newNoticeJSON(n *duban.Notice) noticeJSON {
	return noticeJSON{Notice: *n, Number: n.Number(), LevelLabel: n.Level.Label(), StateLabel: n.State.Label()}
}

func (s *Server) handleCreateNotice(w http.ResponseWriter, r *http.Request) {
	u := s.requireRole(w, r, duban.CanIssueNotice)
	if u == nil {
		return
	}
	var in duban.NoticeInput
	planID, ok := s.idAndJSON(w, r, &in)
	if !ok {
		return
	}
	in.PlanID, in.Trigger = planID, duban.TriggerManual
	n, err := s.cfg.Notices.CreateNotice(r.Context(), u, in)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	writeJSON(w, http.StatusCreated, newNoticeJSON(n))
}

func (s *Server) handleGetNotice(w http.ResponseWriter, r *http.Request) {
	u := s.requireUser(w, r)
	if u == nil {
		return
	}
	n, err := s.visibleNotice(r, u)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, newNoticeJSON(n))
}

// visibleNotice finds the notice in the path; a reporter sees only its
// unit's notices.
func (s *Server) visibleNotice(r *http.Request, u *duban.User) (*duban.Notice, error) {
	id, err := idParam(r, "id")
	if err != nil {
		return nil, err
	}
	n, err := s.cfg.Notices.FindNotice(r.Context(), id)
	if err != nil {
		return nil, err
	}
	if !duban.SeesUnit(u, n.UnitCode) {
		return nil, duban.Errorf(duban.ENOTFOUND, "督办单 %d 不存在 (notice not found)", id)
	}
	return n, nil
}

type noticeActionRequest struct {
	Text     string     `json:"text"`
	ReplyDue duban.Date `json:"reply_due"`
}

func (s *Server) handleNoticeAction(w http.ResponseWriter, r *http.Request) {
	act := duban.NoticeAction(r.PathValue("action"))
	if !duban.KnownNoticeAction(act) {
		s.writeError(w, r, duban.Errorf(duban.ENOTFOUND, "未知操作 %q (unknown action)", act))
		return
	}
	u := s.requireRole(w, r, func(u *duban.User) bool { return duban.CanActOnNotice(u, &duban.Notice{UnitCode: u.UnitCode}, act) })
	if u == nil {
		return
	}
	n, err := s.visibleNotice(r, u)
	if err == nil && !duban.CanActOnNotice(u, n, act) {
		err = duban.Errorf(duban.EFORBIDDEN, "当前角色无权执行此操作 (your role may not do this)")
	}
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	var req noticeActionRequest
	if r.ContentLength != 0 {
		if err := decodeJSON(w, r, &req); err != nil {
			s.writeError(w, r, err)
			return
		}
	}
	n, err = s.cfg.Notices.ApplyNotice(r.Context(), u, n.ID, act, req.Text, req.ReplyDue)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, newNoticeJSON(n))
}
