package ui

import (
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
	Text        string
	Year        int
	Code        string
	Targets     []proposal
	Comparators []duban.Comparator
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
	v := &importTextView{page: h.newPage(r, "import.title"), Year: h.today().Year()}
	h.render(w, r, http.StatusOK, "importtext", v)
}

// readPlanText reads the pasted text, or the uploaded file when given, and
// the year and code.
func (h *Handler) readPlanText(r *http.Request) (*importTextView, error) {
	v := &importTextView{page: h.newPage(r, "import.title"), Text: r.PostFormValue("text"),
		Code:        strings.TrimSpace(r.PostFormValue("code")),
		Comparators: []duban.Comparator{duban.AtLeast, duban.AtMost, duban.Equal, duban.About}}
	if data, _, err := uploaded(r, "file"); err == nil && len(data) > 0 {
		v.Text = string(data)
	}
	var errs []duban.FieldError
	year, err := strconv.Atoi(r.PostFormValue("year"))
	if err != nil || year < 1949 || year > 2200 {
		errs = append(errs, duban.FieldError{Field: "year", Message: "须为计划年度，如 2021 (the plan year, e.g. 2021)"})
	}
	v.Year = year
	switch {
	case strings.TrimSpace(v.Text) == "":
		errs = append(errs, duban.FieldError{Field: "text", Message: "必填 (required)"})
	case len(v.Text) > maxPlanText:
		errs = append(errs, duban.FieldError{Field: "text", Message: "不能超过 4 MB (at most 4 MB)"})
	}
	if errs != nil {
		return v, duban.Invalid("计划原文有误 (invalid plan text)", errs...)
	}
	return v, nil
}

func (h *Handler) importText(w http.ResponseWriter, r *http.Request) {
	v, err := h.readPlanText(r)
	if err != nil {
		v.Error, v.Fields = duban.ErrorMessage(err), duban.ErrorFields(err)
		h.render(w, r, http.StatusBadRequest, "importtext", v)
		return
	}
	res := extract.Extract(v.Text, extract.Options{Year: v.Year})
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
	res := extract.Extract(v.Text, extract.Options{Year: v.Year})
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
