package web

import (
	"bytes"
	"context"
	"net/http"

	"github.com/duban-dev/duban"
	"github.com/duban-dev/duban/projects"
	"github.com/duban-dev/duban/xlsx"
)

func (s *Server) routesProjectsXLSX() {
	s.handle("GET /api/v1/plans/{id}/projects.xlsx", s.handleLedgerXLSX)
	s.handle("POST /api/v1/plans/{id}/projects.xlsx", s.handleImportStepsXLSX)
}

func (s *Server) handleLedgerXLSX(w http.ResponseWriter, r *http.Request) {
	l, in, ok := s.planLedger(w, r)
	if !ok {
		return
	}
	names, err := LedgerNames(r.Context(), s.cfg.Directory, in)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	var buf bytes.Buffer
	if err := xlsx.WriteLedger(&buf, in.Plan.Code, l, names); err != nil {
		s.writeError(w, r, err)
		return
	}
	writeWorkbook(w, in.Plan.Code+"-重大项目台账-"+l.AsOf.String()+".xlsx", buf.Bytes())
}

// LedgerNames reads the names a ledger workbook shows for unit, person and
// mechanism codes.
func LedgerNames(ctx context.Context, dir Directory, in *projects.Input) (xlsx.LedgerNames, error) {
	n := xlsx.LedgerNames{Units: map[string]string{}, People: map[string]string{}, Mechanisms: map[string]string{}}
	units, err := dir.ListUnits(ctx)
	if err != nil {
		return n, err
	}
	for _, u := range units {
		n.Units[u.Code] = u.Name
		if u.ShortName != "" {
			n.Units[u.Code] = u.ShortName
		}
	}
	people, err := dir.ListPeople(ctx)
	if err != nil {
		return n, err
	}
	for _, p := range people {
		n.People[p.Code] = p.Name
	}
	for _, m := range in.Mechanisms {
		n.Mechanisms[m.Code] = m.Name
	}
	return n, nil
}

// handleImportStepsXLSX applies the 节点 sheet of an edited ledger workbook
// (supervisors and administrators), all or nothing.
func (s *Server) handleImportStepsXLSX(w http.ResponseWriter, r *http.Request) {
	u := s.requireRole(w, r, duban.CanDispatch)
	if u == nil {
		return
	}
	id, err := idParam(r, "id")
	if err == nil {
		_, err = s.readablePlan(r, id)
	}
	var data []byte
	if err == nil {
		data, err = readWorkbook(w, r)
	}
	var rows []xlsx.StepDates
	if err == nil {
		rows, err = xlsx.ReadStepDates(bytes.NewReader(data))
	}
	changed := 0
	dry := r.URL.Query().Get("dry_run") == "1"
	if err == nil {
		byCode := map[string][]duban.ProjectStepInput{}
		for _, sd := range rows {
			byCode[sd.NodeCode] = append(byCode[sd.NodeCode], sd.Steps...)
		}
		changed, err = s.cfg.Projects.ImportProjectSteps(r.Context(), u, id, byCode, dry)
	}
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	if !dry {
		s.cfg.ProjectLedger.Changed(id)
	}
	writeJSON(w, http.StatusOK, map[string]any{"projects": len(rows), "changed": changed, "dry_run": dry})
}
