package ui

import (
	"bytes"
	"html/template"
	"mime"
	"net/http"
	"strconv"

	"github.com/duban-dev/duban"
	"github.com/duban-dev/duban/bulletin"
	"github.com/duban-dev/duban/tracker"
)

// noticePrint is one notice as a printable official document: A4, its
// number (文号) under the title, self-contained so Chromium can print it to
// PDF the way bulletins are printed.
var noticePrint = template.Must(template.ParseFS(templateFS, "templates/print/notice.html"))

type noticePrintView struct {
	N        *duban.Notice
	Unit     string
	Item     string
	Issued   string // the day it was issued, Beijing time
	Late     bool
	LateDays int
}

func (h *Handler) routesNoticePrint() {
	h.mux.HandleFunc("GET /notices/{id}/print", h.member(h.noticePrintPage))
	h.mux.HandleFunc("GET /notices/{id}/pdf", h.member(h.noticePDF))
}

// printedNotice renders the notice the user may see as its printable page.
func (h *Handler) printedNotice(r *http.Request) (*duban.Notice, []byte, error) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil {
		return nil, nil, duban.Errorf(duban.ENOTFOUND, "督办单不存在 (notice not found)")
	}
	n, err := h.cfg.Notices.FindNotice(r.Context(), id)
	if err == nil && !duban.SeesUnit(userFrom(r), n.UnitCode) {
		err = duban.Errorf(duban.ENOTFOUND, "督办单不存在 (notice not found)")
	}
	if err != nil {
		return nil, nil, err
	}
	today := h.today()
	v := noticePrintView{N: n, Unit: h.unitNames(r)[n.UnitCode], Late: n.ReplyOverdue(today),
		LateDays: n.ReplyDue.DaysUntil(today), Issued: duban.DateOf(n.CreatedAt.In(duban.Beijing)).String()}
	if v.Unit == "" {
		v.Unit = n.UnitCode
	}
	err = h.cfg.Tracker.View(r.Context(), n.PlanID, today, func(ps *tracker.PlanStatus) error {
		v.Item = ps.ItemLabels()[n.IndicatorID]
		for _, nd := range ps.Nodes {
			if v.Item == "" && nd.ID == n.NodeID {
				v.Item = nd.Title
			}
		}
		return nil
	})
	var b bytes.Buffer
	if err == nil {
		err = noticePrint.Execute(&b, &v)
	}
	return n, b.Bytes(), err
}

func (h *Handler) noticePrintPage(w http.ResponseWriter, r *http.Request) {
	_, page, err := h.printedNotice(r)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Write(page)
}

// noticePDF prints the notice's page to PDF with the bulletins' Chromium.
func (h *Handler) noticePDF(w http.ResponseWriter, r *http.Request) {
	n, page, err := h.printedNotice(r)
	var pdf bytes.Buffer
	if err == nil {
		err = bulletin.PrintPDF(r.Context(), &pdf, page)
	}
	if err != nil {
		h.fail(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "application/pdf")
	w.Header().Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": n.Number() + ".pdf"}))
	w.Write(pdf.Bytes())
}
