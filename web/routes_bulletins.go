package web

import (
	"bytes"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"github.com/duban-dev/duban"
	"github.com/duban-dev/duban/bulletin"
	"github.com/duban-dev/duban/rank"
)

// BulletinStore is what bulletins need of storage; store.DB implements it.
type BulletinStore = bulletin.Store

func (s *Server) routesBulletins() {
	s.handle("POST /api/v1/plans/{id}/bulletins", s.handleCreateBulletin)
	s.handle("GET /api/v1/plans/{id}/bulletins", s.handleListBulletins)
	s.handle("GET /api/v1/plans/{id}/ranking", s.handleRanking)
	s.handle("GET /api/v1/bulletins/{file}", s.handleGetBulletin)
}

// bulletins is the bulletin service, or an error when none is configured.
func (s *Server) bulletins() (*bulletin.Service, error) {
	if s.cfg.Bulletins == nil {
		return nil, duban.Errorf(duban.ENOTFOUND, "本服务未启用通报 (bulletins are not enabled)")
	}
	return bulletin.NewService(s.cfg.Bulletins, s.cfg.Tracker).WithProjects(s.cfg.ProjectLedger), nil
}

type bulletinRequest struct {
	Period string     `json:"period"`
	AsOf   duban.Date `json:"as_of"`
	Force  bool       `json:"force"` // issue on a period not yet ended
}

// handleCreateBulletin issues a bulletin on a period, as of the period's
// end or today, whichever comes first, unless as_of is given; an
// unfinished period needs force. With ?dry_run=1 it answers the preview
// (200, nothing stored, no number).
func (s *Server) handleCreateBulletin(w http.ResponseWriter, r *http.Request) {
	u := s.requireRole(w, r, duban.CanIssueBulletin)
	if u == nil {
		return
	}
	var req bulletinRequest
	planID, err := idParam(r, "id")
	if err == nil {
		err = decodeJSON(w, r, &req)
	}
	var asOf duban.Date
	if err == nil {
		asOf, err = bulletin.IssueAsOf(req.Period, req.AsOf, s.today(), req.Force)
	}
	svc, err := s.serviceIf(err)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	if r.URL.Query().Get("dry_run") == "1" {
		s.previewBulletin(w, r, svc, planID, req.Period, asOf)
		return
	}
	b, _, err := svc.Create(r.Context(), u, planID, req.Period, asOf)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	writeJSON(w, http.StatusCreated, newBulletinJSON(b))
}

func (s *Server) serviceIf(err error) (*bulletin.Service, error) {
	if err != nil {
		return nil, err
	}
	return s.bulletins()
}

// bulletinPreview is what a dry run answers: the bulletin as it would be
// issued, without a number.
type bulletinPreview struct {
	Preview  bool       `json:"preview"`
	Period   string     `json:"period"`
	AsOf     duban.Date `json:"as_of"`
	Title    string     `json:"title"`
	Overview string     `json:"overview"`
	How      string     `json:"how"`
	Notices  string     `json:"notices"`
}

func (s *Server) previewBulletin(w http.ResponseWriter, r *http.Request, svc *bulletin.Service, planID int64, period string, asOf duban.Date) {
	if _, err := s.cfg.Plans.FindPlan(r.Context(), planID); err != nil {
		s.writeError(w, r, err)
		return
	}
	d, err := svc.Draft(r.Context(), planID, period, asOf, s.today())
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, bulletinPreview{Preview: true, Period: d.Period, AsOf: d.AsOf, Title: d.Title(),
		Overview: d.Overview(), How: d.HowLine(), Notices: d.NoticeLine()})
}

// bulletinJSON adds download links to a bulletin.
type bulletinJSON struct {
	duban.Bulletin
	Files map[string]string `json:"files"`
}

func newBulletinJSON(b *duban.Bulletin) bulletinJSON {
	files := map[string]string{}
	for f := range bulletin.Formats {
		files[f] = fmt.Sprintf("/api/v1/bulletins/%d.%s", b.ID, f)
	}
	return bulletinJSON{Bulletin: *b, Files: files}
}

func (s *Server) handleListBulletins(w http.ResponseWriter, r *http.Request) {
	if s.requireUser(w, r) == nil {
		return
	}
	planID, err := idParam(r, "id")
	svc, err := s.serviceIf(err)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	list, err := svc.Store.ListBulletins(r.Context(), planID)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	items := make([]bulletinJSON, len(list))
	for i := range list {
		items[i] = newBulletinJSON(&list[i])
	}
	writeJSON(w, http.StatusOK, map[string]any{"items": items, "total": len(items)})
}

// handleRanking answers the unit scoreboard for ?period= (default the
// current month), as of the period's end or today, or ?as_of=; weights and
// list sizes may be overridden (completion, on_time, red, overdue,
// notice_overdue, top, bottom); format=xlsx answers a workbook.
func (s *Server) handleRanking(w http.ResponseWriter, r *http.Request) {
	if s.requireUser(w, r) == nil {
		return
	}
	req := bulletinRequest{Period: r.URL.Query().Get("period")}
	if req.Period == "" {
		req.Period = duban.PeriodOf(duban.Monthly, s.today()).String()
	}
	planID, err := idParam(r, "id")
	if err == nil && r.URL.Query().Get("as_of") != "" {
		req.AsOf, err = s.asOfParam(r)
	}
	var asOf duban.Date
	if err == nil {
		asOf, err = bulletin.IssueAsOf(req.Period, req.AsOf, s.today(), true) // a running period ranks as of today
	}
	svc, err := s.serviceIf(err)
	if err == nil {
		svc.Profile, err = rankingProfile(r)
	}
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	board, err := svc.Ranking(r.Context(), planID, req.Period, asOf)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	if r.URL.Query().Get("format") == "xlsx" {
		s.writeRankingXLSX(w, r, req.Period, board)
		return
	}
	writeJSON(w, http.StatusOK, rankingJSON{PlanID: planID, Period: req.Period, AsOf: asOf, Profile: board.Profile, Rows: board.Rows})
}

// rankingProfile is the default ranking profile with any weights or list
// sizes given in the query.
func rankingProfile(r *http.Request) (rank.Profile, error) {
	p, err := rank.DefaultProfile.Parse(r.URL.Query().Get)
	var se *rank.SettingError
	if errors.As(err, &se) {
		return p, duban.Invalid("排名参数有误 (bad ranking parameter)", duban.FieldError{Field: se.Name, Message: se.Message})
	}
	return p, err
}

func (s *Server) writeRankingXLSX(w http.ResponseWriter, r *http.Request, period string, board rank.Board) {
	var buf bytes.Buffer
	if err := bulletin.RankingXLSX(&buf, board); err != nil {
		s.writeError(w, r, err)
		return
	}
	w.Header().Set("Content-Type", bulletin.Formats["xlsx"])
	w.Header().Set("Content-Disposition", `attachment; filename="ranking-`+period+`.xlsx"`)
	_, _ = w.Write(buf.Bytes())
}

type rankingJSON struct {
	PlanID  int64        `json:"plan_id"`
	Period  string       `json:"period"`
	AsOf    duban.Date   `json:"as_of"`
	Profile rank.Profile `json:"profile"`
	Rows    []rank.Row   `json:"rows"`
}

// handleGetBulletin downloads a stored bulletin: /api/v1/bulletins/12.pdf.
func (s *Server) handleGetBulletin(w http.ResponseWriter, r *http.Request) {
	if s.requireUser(w, r) == nil {
		return
	}
	id, format, err := bulletinFile(r.PathValue("file"))
	svc, err := s.serviceIf(err)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	b, d, err := svc.Load(r.Context(), id)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	var buf bytes.Buffer
	if err := bulletin.Render(r.Context(), &buf, format, d); err != nil {
		s.writeError(w, r, err)
		return
	}
	if format == "pdf" {
		w.Header().Set("X-Duban-Fonts", bulletin.FontHeader(buf.Bytes())) // which faces it printed with
	}
	w.Header().Set("Content-Type", bulletin.Formats[format])
	if format != "html" {
		name := fmt.Sprintf("bulletin-%s-%d.%s", b.Period, b.Seq, format)
		w.Header().Set("Content-Disposition", `attachment; filename="`+name+`"`)
	}
	w.WriteHeader(http.StatusOK)
	_, _ = w.Write(buf.Bytes())
}

func bulletinFile(file string) (int64, string, error) {
	base, format, _ := strings.Cut(file, ".")
	id, err := strconv.ParseInt(base, 10, 64)
	if _, ok := bulletin.Formats[format]; err != nil || id < 1 || !ok {
		return 0, "", duban.Invalid("路径参数有误 (bad path parameter)", duban.FieldError{Field: "file",
			Message: "应为 编号.格式，格式为 html、pdf、docx 或 xlsx (want ID.html, .pdf, .docx or .xlsx)"})
	}
	return id, format, nil
}
