package ui

import (
	"bytes"
	"fmt"
	"mime"
	"net/http"
	"net/url"
	"strconv"

	"github.com/duban-dev/duban"
	"github.com/duban-dev/duban/web"
	"github.com/duban-dev/duban/xlsx"
)

// The Excel pages: the plan workbook at the as-of date, the unit's monthly
// report template and its upload (many reports at once, through the same
// SubmitReports path as the form), and for administrators the plan
// workbook import with a dry-run preview.
func (h *Handler) routesExcel() {
	h.mux.HandleFunc("GET /plans/{id}/export.xlsx", h.member(h.planWorkbook))
	h.mux.HandleFunc("GET /workspace/template.xlsx", h.member(h.reportTemplate))
	h.mux.HandleFunc("POST /workspace/upload", h.member(h.uploadReports))
	h.mux.HandleFunc("POST /admin/plans.xlsx", h.admin(h.previewPlanWorkbook))
	h.mux.HandleFunc("POST /admin/plans.xlsx/confirm", h.admin(h.confirmPlanWorkbook))
}

const xlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

func (h *Handler) workbooks() xlsx.Services {
	return xlsx.Services{Plans: h.cfg.Plans, Reports: h.cfg.Reports, Tracker: h.cfg.Tracker}
}

func sendWorkbook(w http.ResponseWriter, name string, data []byte) {
	w.Header().Set("Content-Type", xlsxType)
	w.Header().Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": name}))
	_, _ = w.Write(data)
}

// planWorkbook sends the plan workbook as of ?as_of=; a reporter's 报送记录
// lists only its unit's reports, as in the API.
func (h *Handler) planWorkbook(w http.ResponseWriter, r *http.Request) {
	id, err := idParam(r, "id")
	var p *duban.Plan
	if err == nil {
		p, err = h.readablePlan(r, id)
	}
	o := xlsx.ExportOptions{ReportsOf: duban.UnitScope(userFrom(r))}
	if err == nil {
		o.AsOf, err = h.asOf(r)
	}
	var buf bytes.Buffer
	if err == nil {
		err = h.workbooks().ExportPlanWith(r.Context(), &buf, id, o)
	}
	if err != nil {
		h.fail(w, r, err)
		return
	}
	sendWorkbook(w, fmt.Sprintf("%s-%s.xlsx", p.Code, o.AsOf), buf.Bytes())
}

// reportTemplate sends the 填报表 of ?unit= (a reporter's own unit by
// default) for ?period= (the current month by default).
func (h *Handler) reportTemplate(w http.ResponseWriter, r *http.Request) {
	u := userFrom(r)
	unit := r.URL.Query().Get("unit")
	if unit == "" {
		unit = u.UnitCode
	}
	if !duban.CanReportForUnit(u, unit) {
		h.fail(w, r, duban.Errorf(duban.EFORBIDDEN, "只能下载本单位的填报表 (only your own unit's template)"))
		return
	}
	period := r.URL.Query().Get("period")
	if period == "" {
		period = duban.PeriodOf(duban.Monthly, h.today()).String()
	}
	var buf bytes.Buffer
	if err := h.workbooks().ReportTemplate(r.Context(), &buf, unit, period); err != nil {
		h.fail(w, r, err)
		return
	}
	sendWorkbook(w, fmt.Sprintf("填报表-%s-%s.xlsx", unit, period), buf.Bytes())
}

// uploadReports submits a filled template. Any bad row refuses the whole
// workbook; the workspace then lists every row error (第5行 本期值: …).
func (h *Handler) uploadReports(w http.ResponseWriter, r *http.Request) {
	u := userFrom(r)
	data, _, err := uploaded(r, "file")
	var res *duban.UploadResult
	if err == nil {
		res, err = h.workbooks().UploadReportsOnce(r.Context(), data, "", u, h.today())
	}
	if err != nil {
		h.showUploadError(w, r, err)
		return
	}
	to := "/workspace?uploaded=" + strconv.Itoa(len(res.Reports))
	if res.Replayed {
		to += "&replayed=1" // the same file again: nothing written
	}
	http.Redirect(w, r, to, http.StatusSeeOther)
}

func (h *Handler) showUploadError(w http.ResponseWriter, r *http.Request, err error) {
	u := userFrom(r)
	if duban.ErrorCode(err) == duban.EINTERNAL || (u.Role != duban.RoleReporter && !duban.CanReview(u)) {
		h.fail(w, r, err)
		return
	}
	v := workspaceView{page: h.newPage(r, "ws.title"), Unit: u.UnitCode, Names: map[int64]string{}}
	v.Error, v.UploadErrors = duban.ErrorMessage(err), xlsx.Lines(err)
	if err := h.loadWorkspace(r, &v); err != nil {
		h.fail(w, r, err)
		return
	}
	h.render(w, r, web.HTTPStatus(duban.ErrorCode(err)), "workspace", &v)
}

// uploadedNotice is the workspace's line after an upload.
func (v *workspaceView) uploadedNotice(q url.Values) {
	if n := q.Get("uploaded"); n != "" {
		if _, err := strconv.Atoi(n); err == nil {
			v.Notice = fmt.Sprintf(v.T("xlsx.uploaded"), n)
			if q.Get("replayed") == "1" {
				v.Notice = fmt.Sprintf(v.T("xlsx.replayed"), n)
			}
		}
	}
}
