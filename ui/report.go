package ui

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/duban-dev/duban"
	"github.com/duban-dev/duban/status"
)

// maxFormBytes bounds a posted form, photos included.
const maxFormBytes = 16 << 20

type reportFormView struct {
	page
	Target  *duban.ReportTarget
	Periods []periodOption
	Value   string
	Note    string
	Done    string // milestones done, for milestone-only indicators
	Photos  bool   // the photo field is shown when files can be stored
	// Prefilled is the state (draft or returned) of the version the form
	// starts from, "" for a blank form.
	Prefilled string
	// Returned is the returned version the form starts from, with the
	// reviewer's reason; nil otherwise.
	Returned *duban.Report
	// Carried are the photos of the period's latest version, kept in the
	// new version unless removed.
	Carried []carriedPhoto
	// Reported is the period's latest submitted or approved version: the
	// form says a new submission corrects it.
	Reported *duban.Report
}

type periodOption struct {
	Value, Label string
	Selected     bool
}

// reportTarget finds the item and checks the user may report on it, with
// the same check the API's submission uses.
func (h *Handler) reportTarget(r *http.Request) (*duban.ReportTarget, error) {
	id, err := idParam(r, "id")
	if err != nil {
		return nil, err
	}
	t, err := h.cfg.Reports.FindReportTarget(r.Context(), id)
	if err != nil {
		return nil, err
	}
	if !duban.CanReport(userFrom(r), &t.Node) {
		return nil, duban.Errorf(duban.EFORBIDDEN, "无权为「%s」填报：该事项由%s牵头 (not your unit's item)", t.Node.Title, h.unitName(r, t.Node.LeadUnit))
	}
	return t, nil
}

func (h *Handler) reportForm(w http.ResponseWriter, r *http.Request) {
	t, err := h.reportTarget(r)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	v := h.newReportForm(r, t, r.URL.Query().Get("period"))
	if err := h.prefill(r, v); err != nil {
		h.fail(w, r, err)
		return
	}
	h.render(w, r, http.StatusOK, "report", v)
}

// prefill starts the form from the period's latest draft or returned
// version, so a unit continues or corrects it.
func (h *Handler) prefill(r *http.Request, v *reportFormView) error {
	period := ""
	for _, p := range v.Periods {
		if p.Selected {
			period = p.Value
		}
	}
	reps, err := h.periodVersions(r, v.Target)
	if err != nil {
		return err
	}
	if v.Photos {
		v.Carried = carriedPhotos(latestVersion(reps, period), nil)
	}
	for _, rep := range reps { // newest first
		if rep.Period != period {
			continue
		}
		if rep.State == duban.Draft || rep.State == duban.Returned {
			v.Value, v.Note = formatNum(rep.Value), rep.Note
			if rep.Value == nil {
				v.Value = ""
			}
			if rep.MilestonesDone > 0 {
				v.Done = strconv.Itoa(rep.MilestonesDone)
			}
			v.Prefilled = string(rep.State)
			if rep.State == duban.Returned {
				v.Returned = &rep
			}
		}
		if rep.State == duban.Submitted || rep.State == duban.Approved {
			v.Reported = &rep
		}
		return nil
	}
	return nil
}

// reportOpens is how many days before its period ends a report is
// offered: units file a period's report in its closing days (the demo's
// simulated reports are submitted in the last three) or, once it has
// ended, within the grace days.
const reportOpens = 5

// defaultPeriod is the period a unit is offered to report when it names
// none: the current period in its closing days, else the latest period
// that has ended, whose report falls due now (on 2021-07-15 a quarterly
// item's 2021-Q2, not the quarter begun a fortnight ago). from is the day
// the item (or the plan) starts: a period ended before it is not offered.
func defaultPeriod(c duban.Cadence, today, from duban.Date) string {
	cur := duban.PeriodOf(c, today)
	last := cur.Prev()
	if !today.Before(cur.End.AddDays(1-reportOpens)) || last.End.Before(from) {
		return cur.String()
	}
	return last.String()
}

// laterDay is the later of two days, a zero day counting as none.
func laterDay(a, b duban.Date) duban.Date {
	if a.Before(b) {
		return b
	}
	return a
}

func (h *Handler) newReportForm(r *http.Request, t *duban.ReportTarget, period string) *reportFormView {
	v := &reportFormView{page: h.newPage(r, "report.title"), Target: t, Photos: h.cfg.Files != nil}
	v.Title = t.Indicator.Name + " · " + v.Title
	today := h.today()
	if period == "" {
		period = defaultPeriod(t.Indicator.Cadence, today, laterDay(t.Plan.PeriodStart, t.Node.Start))
	}
	end := today
	if t.Plan.PeriodEnd.Before(end) {
		end = t.Plan.PeriodEnd
	}
	for _, p := range status.PeriodsBetween(t.Indicator.Cadence, t.Plan.PeriodStart, end) {
		v.Periods = append(v.Periods, periodOption{p, periodWord(v.Lang, t.Indicator.Cadence, p), p == period})
	}
	return v
}

func (h *Handler) submitReport(w http.ResponseWriter, r *http.Request) {
	t, err := h.reportTarget(r)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	in, v, err := h.readReportForm(r, t)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	if len(v.Fields) == 0 {
		var reps []duban.Report
		reps, err = h.cfg.Reports.SubmitReports(r.Context(), userFrom(r), []duban.ReportInput{in}, h.today())
		if err == nil {
			h.cfg.Tracker.ReportsChanged(reps...)
			saved := "submitted"
			if in.Draft {
				saved = "draft"
			}
			http.Redirect(w, r, "/workspace?saved="+saved, http.StatusSeeOther)
			return
		}
		if code := duban.ErrorCode(err); code != duban.EINVALID {
			h.fail(w, r, err)
			return
		}
		v.Error, v.Fields = duban.ErrorMessage(err), duban.ErrorFields(err)
	}
	h.render(w, r, http.StatusBadRequest, "report", v)
}

// readReportForm turns the form into a report input; numbers that do not
// parse become field errors on the re-shown form.
func (h *Handler) readReportForm(r *http.Request, t *duban.ReportTarget) (duban.ReportInput, *reportFormView, error) {
	v := h.newReportForm(r, t, r.PostFormValue("period"))
	if err := h.carryPhotos(r, v, r.PostFormValue("period")); err != nil {
		return duban.ReportInput{}, v, err
	}
	v.Value, v.Note, v.Done = strings.TrimSpace(r.PostFormValue("value")), r.PostFormValue("note"), strings.TrimSpace(r.PostFormValue("milestones_done"))
	in := duban.ReportInput{IndicatorID: t.Indicator.ID, Period: r.PostFormValue("period"), Note: v.Note,
		Draft: r.PostFormValue("action") == "draft"}
	if v.Value != "" {
		f, err := strconv.ParseFloat(v.Value, 64)
		if err != nil {
			v.Fields = append(v.Fields, duban.FieldError{Field: "value", Message: "不是有效数字 (not a valid number)"})
		}
		in.Value = &f
	}
	if v.Done != "" {
		n, err := strconv.Atoi(v.Done)
		if err != nil {
			v.Fields = append(v.Fields, duban.FieldError{Field: "milestones_done", Message: "须为整数 (must be a whole number)"})
		}
		in.MilestonesDone = &n
	}
	if len(v.Fields) == 0 {
		in.Attachments, v.Fields = h.savePhotos(r)
		in.Attachments = append(keptPhotos(r, v.Carried), in.Attachments...)
	}
	if len(v.Fields) > 0 {
		v.Error = v.T("report.invalid")
	}
	return in, v, nil
}

// savePhotos stores the uploaded photos through the file service (which
// checks their type and size) and returns their ids for the report.
func (h *Handler) savePhotos(r *http.Request) ([]string, []duban.FieldError) {
	if h.cfg.Files == nil || r.MultipartForm == nil {
		return nil, nil
	}
	var ids []string
	for _, fh := range r.MultipartForm.File["photo"] {
		f, err := fh.Open()
		if err != nil {
			return nil, []duban.FieldError{{Field: "photo", Message: err.Error()}}
		}
		saved, err := h.cfg.Files.SaveFile(r.Context(), userFrom(r), fh.Filename, f)
		f.Close()
		if err != nil {
			if duban.ErrorCode(err) == duban.EINTERNAL {
				h.cfg.Logger.Error("save photo", "err", err)
			}
			return nil, []duban.FieldError{{Field: "photo", Message: fh.Filename + ": " + duban.ErrorMessage(err)}}
		}
		ids = append(ids, saved.ID)
	}
	return ids, nil
}
