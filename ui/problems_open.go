package ui

import (
	"net/http"

	"github.com/duban-dev/duban"
)

// openProblemsBox is the open problems of a plan or of one node as the
// dashboard and the item page show them: the nearest deadlines first, the
// viewer's own scope only.
type openProblemsBox struct {
	*page
	PlanID  int64
	Rows    []problemRow
	Total   int
	Overdue int
	More    int
	Names   map[string]string
}

// openProblemRows is how many open problems a box lists.
const openProblemRows = 6

// openProblems builds the box of the plan's open problems (of one node
// when nodeID is set), or nil without the project pages; a failure is
// logged, not shown, so the page still opens.
func (h *Handler) openProblems(r *http.Request, p *page, planID, nodeID int64) *openProblemsBox {
	if h.cfg.Projects == nil {
		return nil
	}
	rows, err := h.problemRows(r, duban.ProblemFilter{PlanID: planID, NodeID: nodeID, OpenOnly: true})
	if err != nil {
		h.cfg.Logger.Error("open problems", "plan", planID, "node", nodeID, "err", err)
		return nil
	}
	b := &openProblemsBox{page: p, PlanID: planID, Total: len(rows), Names: h.unitNames(r)}
	for _, row := range rows {
		if row.Overdue {
			b.Overdue++
		}
	}
	b.Rows, b.More = rows[:min(openProblemRows, len(rows))], max(0, len(rows)-openProblemRows)
	return b
}
