package ui

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"github.com/duban-dev/duban"
	"github.com/duban-dev/duban/extract"
)

// maxPlanText bounds pasted or uploaded plan text.
const maxPlanText = 4 << 20

type importTextView struct {
	page
	Text string
	// Year is the plan year given in the form, or 0 to read it from the
	// text; after extraction, the year used, and YearFrom and
	// YearEvidence say where it came from.
	Year         int
	YearFrom     string
	YearEvidence string
	Code         string
	Targets      []proposal
	Comparators  []duban.Comparator
}

// proposal is one extracted target beside its source sentence, the quote
// highlighted.
type proposal struct {
	extract.Target
	Index                int
	Before, Quote, After string
	Path                 string
}

func (h *Handler) importTextForm(w http.ResponseWriter, r *http.Request) {
	v := &importTextView{page: h.newPage(r, "import.title")}
	h.render(w, r, http.StatusOK, "importtext", v)
}

// readPlanText reads the pasted text, or the uploaded file when given (as
// duban extract reads a file: UTF-8, GBK/GB18030, UTF-16 or .docx), and the
// year and code. An empty year means the year the text states.
func (h *Handler) readPlanText(r *http.Request) (*importTextView, error) {
	v := &importTextView{page: h.newPage(r, "import.title"), Text: r.PostFormValue("text"),
		Code:        strings.TrimSpace(r.PostFormValue("code")),
		Comparators: []duban.Comparator{duban.AtLeast, duban.AtMost, duban.Equal, duban.About}}
	var errs []duban.FieldError
	if data, name, err := uploaded(r, "file"); err == nil && len(data) > 0 {
		if len(data) > maxPlanText {
			errs = append(errs, duban.FieldError{Field: "file", Message: name + "：不能超过 4 MB (at most 4 MB)"})
		} else if text, err := extract.Decode(name, data); err != nil {
			errs = append(errs, duban.ErrorFields(err)...)
		} else {
			v.Text = text
		}
	}
	if s := strings.TrimSpace(r.PostFormValue("year")); s != "" {
		year, err := strconv.Atoi(s)
		if err == nil {
			err = extract.CheckYear("year", year)
		}
		if err != nil {
			errs = append(errs, duban.FieldError{Field: "year", Message: fmt.Sprintf("须为 %d—%d 之间的计划年度，如 2021；留空则从原文读出 (a plan year in %d–%d, e.g. 2021; leave empty to read it from the text)", extract.MinYear, extract.MaxYear, extract.MinYear, extract.MaxYear)})
		}
		v.Year = year
	}
	switch {
	case strings.TrimSpace(v.Text) == "" && errs == nil:
		errs = append(errs, duban.FieldError{Field: "text", Message: "必填 (required)"})
	case len(v.Text) > maxPlanText:
		errs = append(errs, duban.FieldError{Field: "text", Message: "不能超过 4 MB (at most 4 MB)"})
	}
	if errs != nil {
		return v, duban.Invalid("计划原文有误 (invalid plan text)", errs...)
	}
	return v, nil
}

// yearFromToday marks a year taken from the calendar: the text states none
// and the form gave none. The review page says so.
const yearFromToday = "today"

// extractPlan extracts the view's text and records the year used: the
// form's, else the text's, else this year's.
func (v *importTextView) extractPlan(thisYear int) *extract.Result {
	res := extract.Extract(v.Text, extract.Options{Year: v.Year})
	if res.Plan.Year == 0 {
		res = extract.Extract(v.Text, extract.Options{Year: thisYear})
		res.Plan.YearFrom = yearFromToday
	}
	v.Year, v.YearFrom, v.YearEvidence = res.Plan.Year, res.Plan.YearFrom, res.Plan.YearEvidence
	return res
}

func (h *Handler) importText(w http.ResponseWriter, r *http.Request) {
	v, err := h.readPlanText(r)
	if err != nil {
		v.Error, v.Fields = duban.ErrorMessage(err), duban.ErrorFields(err)
		h.render(w, r, http.StatusBadRequest, "importtext", v)
		return
	}
	res := v.extractPlan(h.today().Year())
	runes := []rune(v.Text)
	for i, t := range res.Targets {
		v.Targets = append(v.Targets, newProposal(runes, i, t))
	}
	h.render(w, r, http.StatusOK, "importtext", v)
}

// newProposal cuts the sentence around a target's quote out of the text.
func newProposal(text []rune, i int, t extract.Target) proposal {
	start, end := max(0, min(t.Start, len(text))), max(0, min(t.End, len(text)))
	from := start
	for from > 0 && start-from < 80 && !strings.ContainsRune("。；！？\n", text[from-1]) {
		from--
	}
	to := end
	for to < len(text) && to-end < 80 && !strings.ContainsRune("。；！？\n", text[to]) {
		to++
	}
	if to < len(text) {
		to++ // keep the closing punctuation
	}
	return proposal{Target: t, Index: i, Before: string(text[from:start]), Quote: string(text[start:end]),
		After: string(text[end:to]), Path: strings.Join(t.Path, " › ")}
}

// importTextCreate extracts again (extraction is deterministic), applies
// the reviewer's edits, drops what was dropped and imports the draft plan.
func (h *Handler) importTextCreate(w http.ResponseWriter, r *http.Request) {
	v, err := h.readPlanText(r)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	res := v.extractPlan(h.today().Year())
	if err = applyReview(r, res); err == nil {
		code := v.Code
		if code == "" {
			code = "draft-" + strconv.Itoa(v.Year)
		}
		b := res.Bundle(code)
		if err = b.Validate(); err == nil {
			var id int64
			if id, err = h.cfg.Plans.ImportBundle(r.Context(), b, userFrom(r).Username); err == nil {
				h.cfg.Tracker.Forget(id)
				http.Redirect(w, r, "/plans/"+strconv.FormatInt(id, 10)+"/tree", http.StatusSeeOther)
				return
			}
		}
	}
	h.fail(w, r, err)
}

// applyReview edits or drops each target as the form says and renumbers
// the tasks' references to the kept targets.
func applyReview(r *http.Request, res *extract.Result) error {
	keep := make([]int, len(res.Targets)) // old index → new index, -1 dropped
	var kept []extract.Target
	var errs []duban.FieldError
	for i, t := range res.Targets {
		p := "t" + strconv.Itoa(i) + "_"
		if r.PostFormValue(p+"decision") != "accept" {
			keep[i] = -1
			continue
		}
		if val, err := strconv.ParseFloat(strings.TrimSpace(r.PostFormValue(p+"value")), 64); err == nil {
			t.Value = val
		} else {
			errs = append(errs, duban.FieldError{Field: "value", Row: i + 1, Message: "不是有效数字 (not a valid number)"})
		}
		t.Unit = strings.TrimSpace(r.PostFormValue(p + "unit"))
		if c := duban.Comparator(r.PostFormValue(p + "comparator")); c.Valid() {
			t.Comparator = c
		}
		t.Deadline = nil
		if d, err := duban.ParseDate(r.PostFormValue(p + "deadline")); err != nil {
			errs = append(errs, duban.FieldError{Field: "deadline", Row: i + 1, Message: err.Error()})
		} else if !d.IsZero() {
			t.Deadline = &d
		}
		keep[i] = len(kept)
		kept = append(kept, t)
	}
	if errs != nil {
		return duban.Invalid("审核内容有误 (invalid review)", errs...)
	}
	res.Targets = kept
	for a := range res.Plan.Areas {
		for k := range res.Plan.Areas[a].Tasks {
			task := &res.Plan.Areas[a].Tasks[k]
			var refs []int
			for _, ti := range task.Targets {
				if ti >= 0 && ti < len(keep) && keep[ti] >= 0 {
					refs = append(refs, keep[ti])
				}
			}
			task.Targets = refs
		}
	}
	return nil
}
