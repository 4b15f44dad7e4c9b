package web

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"

	"github.com/duban-dev/duban"
	"github.com/duban-dev/duban/xlsx"
)

const xlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

// maxWorkbookBytes bounds an uploaded workbook.
const maxWorkbookBytes = 16 << 20

func (s *Server) routesXLSX() {
	s.handle("GET /api/v1/plans/{id}/export.xlsx", s.handleExportXLSX)
	s.handle("POST /api/v1/plans/import.xlsx", s.handleImportXLSX)
	s.handle("GET /api/v1/units/{code}/report-template.xlsx", s.handleReportTemplate)
	s.handle("POST /api/v1/reports/upload.xlsx", s.handleUploadXLSX)
}

func (s *Server) workbooks() xlsx.Services {
	return xlsx.Services{Plans: s.cfg.Plans, Reports: s.cfg.Reports, Tracker: s.cfg.Tracker}
}

// handleExportXLSX sends the plan workbook. A reporter's 报送记录 lists
// only its unit's reports; the public's lists none.
func (s *Server) handleExportXLSX(w http.ResponseWriter, r *http.Request) {
	id, err := idParam(r, "id")
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	p, err := s.readablePlan(r, id)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	o := xlsx.ExportOptions{}
	if o.AsOf, err = s.asOfParam(r); err != nil {
		s.writeError(w, r, err)
		return
	}
	if u := userFrom(r); u == nil {
		o.NoReports = true
	} else {
		o.ReportsOf = duban.UnitScope(u)
	}
	var buf bytes.Buffer
	if err := s.workbooks().ExportPlanWith(r.Context(), &buf, id, o); err != nil {
		s.writeError(w, r, err)
		return
	}
	writeWorkbook(w, fmt.Sprintf("%s-%s.xlsx", p.Code, o.AsOf), buf.Bytes())
}

func (s *Server) handleImportXLSX(w http.ResponseWriter, r *http.Request) {
	u := s.requireRole(w, r, duban.CanAdminister)
	if u == nil {
		return
	}
	data, err := readWorkbook(w, r)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	dry := r.URL.Query().Get("dry_run")
	res, err := s.workbooks().ImportPlan(r.Context(), bytes.NewReader(data), dry == "1" || dry == "true", u.Username)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, res)
}

// handleReportTemplate sends a unit's template: to that unit's reporter,
// supervisors and administrators.
func (s *Server) handleReportTemplate(w http.ResponseWriter, r *http.Request) {
	u := s.requireRole(w, r, duban.CanUpload)
	if u == nil {
		return
	}
	code := r.PathValue("code")
	if !duban.CanReportForUnit(u, code) {
		s.writeError(w, r, duban.Errorf(duban.EFORBIDDEN, "只能下载本单位的填报表 (only your own unit's template)"))
		return
	}
	period := r.URL.Query().Get("period")
	var buf bytes.Buffer
	if err := s.workbooks().ReportTemplate(r.Context(), &buf, code, period); err != nil {
		s.writeError(w, r, err)
		return
	}
	writeWorkbook(w, fmt.Sprintf("填报表-%s-%s.xlsx", code, period), buf.Bytes())
}

// handleUploadXLSX submits a filled template; SubmitReports decides who
// may report on each row (a reporter only on its own unit's items).
func (s *Server) handleUploadXLSX(w http.ResponseWriter, r *http.Request) {
	u := s.requireUser(w, r)
	if u == nil {
		return
	}
	data, err := readWorkbook(w, r)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	res, err := s.workbooks().UploadReportsOnce(r.Context(), data, r.Header.Get(idempotencyHeader), u, s.today())
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	s.writeUploaded(w, res, false)
}

// readWorkbook reads the multipart field "file", or the whole body when
// it is not a multipart form.
func readWorkbook(w http.ResponseWriter, r *http.Request) ([]byte, error) {
	r.Body = http.MaxBytesReader(w, r.Body, maxWorkbookBytes)
	var data []byte
	var err error
	if mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type")); mt == "multipart/form-data" {
		data, err = formFile(r)
	} else {
		data, err = io.ReadAll(r.Body)
	}
	var tooBig *http.MaxBytesError
	if errors.As(err, &tooBig) {
		return nil, duban.Errorf(duban.ETOOLARGE, "工作簿超过 16 MB (workbook too large)")
	}
	if err != nil {
		return nil, err
	}
	if len(data) == 0 {
		return nil, duban.Invalid("请上传 .xlsx 工作簿 (upload an .xlsx workbook)",
			duban.FieldError{Field: "file", Message: "必填 (required)"})
	}
	return data, nil
}

func formFile(r *http.Request) ([]byte, error) {
	f, _, err := r.FormFile("file")
	if errors.Is(err, http.ErrMissingFile) {
		return nil, nil
	}
	if err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			return nil, err
		}
		return nil, duban.Invalid("表单有误 (bad multipart form)", duban.FieldError{Field: "file", Message: err.Error()})
	}
	defer f.Close()
	return io.ReadAll(f)
}

func writeWorkbook(w http.ResponseWriter, name string, data []byte) {
	w.Header().Set("Content-Type", xlsxType)
	w.Header().Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": name}))
	w.WriteHeader(http.StatusOK)
	_, _ = w.Write(data)
}
