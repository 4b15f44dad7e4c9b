package ui

import (
	"bytes"
	"mime"
	"net/http"
	"strconv"

	"github.com/duban-dev/duban"
	"github.com/duban-dev/duban/xlsx"
)

const xlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

func (h *Handler) workbooks() xlsx.Services {
	return xlsx.Services{Plans: h.cfg.Plans, Reports: h.cfg.Reports, Tracker: h.cfg.Tracker}
}

// reportTemplate sends a unit's Excel template for a month (默认本月), with
// the API's check: a reporter only its own unit.
func (h *Handler) reportTemplate(w http.ResponseWriter, r *http.Request) {
	u, unit := userFrom(r), r.URL.Query().Get("unit")
	if !duban.CanReportForUnit(u, unit) {
		h.fail(w, r, duban.Errorf(duban.EFORBIDDEN, "只能下载本单位的填报表 (only your own unit's template)"))
		return
	}
	month := r.URL.Query().Get("period")
	if month == "" {
		month = h.today().String()[:7]
	}
	var buf bytes.Buffer
	if err := h.workbooks().ReportTemplate(r.Context(), &buf, unit, month); err != nil {
		h.fail(w, r, err)
		return
	}
	w.Header().Set("Content-Type", xlsxType)
	w.Header().Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": "填报表-" + unit + "-" + month + ".xlsx"}))
	_, _ = buf.WriteTo(w)
}

// uploadReports submits a filled template: all rows or none; the errors
// name their rows.
func (h *Handler) uploadReports(w http.ResponseWriter, r *http.Request) {
	u := userFrom(r)
	data, _, err := uploaded(r, "file")
	var reps []duban.Report
	if err == nil {
		reps, err = h.workbooks().UploadReports(r.Context(), bytes.NewReader(data), u, h.today())
	}
	if err != nil {
		if duban.ErrorCode(err) == duban.EINTERNAL {
			h.fail(w, r, err)
			return
		}
		v := workspaceView{page: h.newPage(r, "ws.title"), Unit: u.UnitCode, Names: map[int64]string{}}
		v.Error, v.Fields = duban.ErrorMessage(err), duban.ErrorFields(err)
		if lerr := h.loadWorkspace(r, &v); lerr != nil {
			h.fail(w, r, lerr)
			return
		}
		h.render(w, r, statusByCode[duban.ErrorCode(err)], "workspace", &v)
		return
	}
	http.Redirect(w, r, "/workspace?saved=submitted&rows="+strconv.Itoa(len(reps)), http.StatusSeeOther)
}
