package ui

import (
	"net/http"

	"github.com/duban-dev/duban"
	"github.com/duban-dev/duban/files"
)

// file serves an attachment to a signed-in user, as the API does.
func (h *Handler) file(w http.ResponseWriter, r *http.Request) {
	if h.cfg.Files == nil {
		h.notFound(w, r)
		return
	}
	f, rc, err := h.cfg.Files.OpenFile(r.Context(), r.PathValue("id"))
	if err != nil {
		h.fail(w, r, err)
		return
	}
	defer rc.Close()
	if err := h.mayReadFile(r, f); err != nil {
		h.fail(w, r, err)
		return
	}
	files.Serve(w, r, f, rc)
}

// attachmentRow is an attachment with the report it came with.
type attachmentRow struct {
	duban.Attachment
	Period string
	Image  bool
}

// attachmentsOf lists the attachments of reports, newest report first,
// each file once.
func attachmentsOf(reps []duban.Report) []attachmentRow {
	var out []attachmentRow
	seen := map[string]bool{}
	for _, rep := range reps {
		for _, a := range rep.Attachments {
			if !seen[a.ID] {
				seen[a.ID] = true
				out = append(out, attachmentRow{Attachment: a, Period: rep.Period, Image: files.IsImage(a.ContentType)})
			}
		}
	}
	return out
}

// mayReadFile is the API's rule: the uploader, or whoever may read a
// report that lists the file; anyone else is told it does not exist.
func (h *Handler) mayReadFile(r *http.Request, f *duban.File) error {
	var units []string
	if fa, ok := h.cfg.Reports.(duban.FileAccess); ok {
		var err error
		if units, err = fa.FileReportUnits(r.Context(), f.ID); err != nil {
			return err
		}
	}
	if !duban.CanReadFile(userFrom(r), f, units) {
		return duban.Errorf(duban.ENOTFOUND, "文件不存在 (file not found)")
	}
	return nil
}
