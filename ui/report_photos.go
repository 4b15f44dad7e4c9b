package ui

import (
	"net/http"
	"slices"

	"github.com/duban-dev/duban"
	"github.com/duban-dev/duban/files"
)

// A correction is a new report version; the photos of the version it
// corrects are carried over unless the reporter ticks them off. The form
// lists the carried photos (keep_photo, hidden) each with a remove_photo
// checkbox; the server keeps only ids that belong to the latest version of
// the posted period, so a changed period carries nothing stale and a
// posted id cannot attach someone else's file.

// carriedPhoto is one attachment of the earlier version shown on the form.
type carriedPhoto struct {
	duban.Attachment
	Image   bool
	Removed bool // ticked off on the posted form
}

// latestVersion returns the newest version of the period among reports
// listed newest first, nil when there is none.
func latestVersion(reps []duban.Report, period string) *duban.Report {
	for i := range reps {
		if reps[i].Period == period {
			return &reps[i]
		}
	}
	return nil
}

func carriedPhotos(rep *duban.Report, removed []string) []carriedPhoto {
	if rep == nil {
		return nil
	}
	out := make([]carriedPhoto, len(rep.Attachments))
	for i, a := range rep.Attachments {
		out[i] = carriedPhoto{Attachment: a, Image: files.IsImage(a.ContentType), Removed: slices.Contains(removed, a.ID)}
	}
	return out
}

// carryPhotos sets the form's carried photos from the period's latest
// version, marking those the posted form removed.
func (h *Handler) carryPhotos(r *http.Request, v *reportFormView, period string) error {
	if !v.Photos {
		return nil
	}
	reps, err := h.periodVersions(r, v.Target)
	if err == nil {
		v.Carried = carriedPhotos(latestVersion(reps, period), r.PostForm["remove_photo"])
	}
	return err
}

// keptPhotos returns the ids of the carried photos the posted form showed
// and did not remove, in their order.
func keptPhotos(r *http.Request, carried []carriedPhoto) []string {
	shown := r.PostForm["keep_photo"]
	var ids []string
	for _, c := range carried {
		if slices.Contains(shown, c.ID) && !c.Removed {
			ids = append(ids, c.ID)
		}
	}
	return ids
}

// periodVersions lists the unit's versions for the indicator, newest first.
func (h *Handler) periodVersions(r *http.Request, t *duban.ReportTarget) ([]duban.Report, error) {
	reps, _, err := h.cfg.Reports.ListReportsFiltered(r.Context(), duban.ReportFilter{IndicatorID: t.Indicator.ID,
		UnitCode: t.Node.LeadUnit, Page: duban.Page{PerPage: maxHistory}.Normalize()})
	return reps, err
}
