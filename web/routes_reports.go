package web

import (
	"net/http"

	"github.com/duban-dev/duban"
)

func (s *Server) routesReports() {
	s.handle("POST /api/v1/indicators/{id}/reports", s.handleSubmitReport)
	s.handle("GET /api/v1/indicators/{id}/reports", s.handleReportHistory)
	s.handle("POST /api/v1/reports/batch", s.handleSubmitBatch)
	s.handle("GET /api/v1/reports", s.handleListReports)
	s.handle("GET /api/v1/reports/{id}", s.handleGetReport)
	s.handle("POST /api/v1/reports/{id}/approve", s.handleReview(true))
	s.handle("POST /api/v1/reports/{id}/return", s.handleReview(false))
}

// requireUser returns the signed-in user or answers 401.
func (s *Server) requireUser(w http.ResponseWriter, r *http.Request) *duban.User {
	u := userFrom(r)
	if u == nil {
		s.writeError(w, r, duban.Errorf(duban.EUNAUTHORIZED, "请先登录 (sign in first)"))
	}
	return u
}

// requireRole returns the user when the domain check allows it (e.g.
// duban.CanReview), else answers 401 or 403.
func (s *Server) requireRole(w http.ResponseWriter, r *http.Request, allowed func(*duban.User) bool) *duban.User {
	u := s.requireUser(w, r)
	if u == nil {
		return nil
	}
	if allowed(u) {
		return u
	}
	s.writeError(w, r, duban.Errorf(duban.EFORBIDDEN, "当前角色无权执行此操作 (your role may not do this)"))
	return nil
}

func (s *Server) today() duban.Date { return duban.DateOf(s.now()) }

func (s *Server) handleSubmitReport(w http.ResponseWriter, r *http.Request) {
	u := s.requireUser(w, r)
	if u == nil {
		return
	}
	var in duban.ReportInput
	id, ok := s.idAndJSON(w, r, &in)
	if !ok {
		return
	}
	in.IndicatorID = id
	rep, err := s.cfg.Reports.SubmitReport(r.Context(), u, in, s.today()) // an unknown indicator is 404
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	s.cfg.Tracker.ReportsChanged(*rep)
	writeJSON(w, http.StatusCreated, rep)
}

type batchRequest struct {
	Reports []duban.ReportInput `json:"reports"`
}

const maxBatch = 10000

func (s *Server) handleSubmitBatch(w http.ResponseWriter, r *http.Request) {
	u := s.requireUser(w, r)
	if u == nil {
		return
	}
	var req batchRequest
	if err := decodeJSON(w, r, &req); err != nil {
		s.writeError(w, r, err)
		return
	}
	if len(req.Reports) == 0 || len(req.Reports) > maxBatch {
		s.writeError(w, r, duban.Invalid("批量填报须有 1 到 10000 条 (a batch holds 1 to 10000 reports)",
			duban.FieldError{Field: "reports", Message: "条数不符 (wrong count)"}))
		return
	}
	key, err := batchKey(r, req.Reports)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	res, err := s.cfg.Reports.SubmitReportsOnce(r.Context(), u, key, req.Reports, s.today())
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	s.writeUploaded(w, res, true)
}

func (s *Server) handleReportHistory(w http.ResponseWriter, r *http.Request) {
	id, err := idParam(r, "id")
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	target, err := s.cfg.Reports.FindReportTarget(r.Context(), id)
	if err == nil {
		_, err = s.readablePlan(r, target.Plan.ID)
	}
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	f := duban.ReportFilter{IndicatorID: id}
	if !duban.SeesUnit(userFrom(r), target.Node.LeadUnit) {
		f.State = duban.Approved // the public and other units: approved values only
	}
	s.listReports(w, r, f)
}

func (s *Server) handleListReports(w http.ResponseWriter, r *http.Request) {
	u := s.requireUser(w, r)
	if u == nil {
		return
	}
	q := r.URL.Query()
	f := duban.ReportFilter{State: duban.ReportState(q.Get("state")), UnitCode: q.Get("unit")}
	if f.State != "" && !f.State.Valid() {
		s.writeError(w, r, duban.Invalid("参数有误 (bad filter)", duban.FieldError{Field: "state", Message: "须为 draft、submitted、approved 或 returned"}))
		return
	}
	if scope := duban.UnitScope(u); scope != "" {
		f.UnitCode = scope // a unit sees only its own reports
	}
	s.listReports(w, r, f)
}

func (s *Server) listReports(w http.ResponseWriter, r *http.Request, f duban.ReportFilter) {
	page, err := pageParams(r)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	f.Page = page
	reps, total, err := s.cfg.Reports.ListReportsFiltered(r.Context(), f)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, newList(duban.ViewReports(userFrom(r), reps), total, page))
}

func (s *Server) handleGetReport(w http.ResponseWriter, r *http.Request) {
	u := s.requireUser(w, r)
	if u == nil {
		return
	}
	id, err := idParam(r, "id")
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	rep, err := s.cfg.Reports.FindReport(r.Context(), id)
	if err == nil && !duban.SeesUnit(u, rep.UnitCode) {
		err = duban.Errorf(duban.ENOTFOUND, "填报 %d 不存在 (report not found)", id)
	}
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, rep)
}

type reviewRequest struct {
	Reason string `json:"reason"`
}

func (s *Server) handleReview(approve bool) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		u := s.requireRole(w, r, duban.CanReview)
		if u == nil {
			return
		}
		id, err := idParam(r, "id")
		if err != nil {
			s.writeError(w, r, err)
			return
		}
		var req reviewRequest
		if r.ContentLength != 0 {
			if err := decodeJSON(w, r, &req); err != nil {
				s.writeError(w, r, err)
				return
			}
		}
		rep, err := s.cfg.Reports.ReviewReport(r.Context(), u, id, approve, req.Reason)
		if err != nil {
			s.writeError(w, r, err)
			return
		}
		s.cfg.Tracker.ReportsChanged(*rep)
		writeJSON(w, http.StatusOK, rep)
	}
}
