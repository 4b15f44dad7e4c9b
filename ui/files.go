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
