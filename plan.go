package duban

import "time"

// Plan is an annual (or multi-year) work plan issued by a government body.
type Plan struct {
	ID          int64     `json:"id"`
	Code        string    `json:"code"` // stable key, e.g. "erqi-2021"
	Title       string    `json:"title"`
	Issuer      string    `json:"issuer"`
	Year        int       `json:"year"`
	PeriodStart Date      `json:"period_start"`
	PeriodEnd   Date      `json:"period_end"`
	Framework   []string  `json:"framework"` // e.g. 一个目标、两个定位、三个二七、六个出彩
	Public      bool      `json:"public"`
	Description string    `json:"description"`
	Profile     string    `json:"profile"`               // name of the status threshold profile
	RegionCode  string    `json:"region_code,omitempty"` // administrative division code, e.g. 410103
	RegionName  string    `json:"region_name,omitempty"` // e.g. 河南省郑州市二七区
	Province    string    `json:"province,omitempty"`    // e.g. 河南省
	CreatedAt   time.Time `json:"created_at"`
	UpdatedAt   time.Time `json:"updated_at"`

	// Bulletin is when bulletins (通报) fall due; nil for none.
	Bulletin *BulletinSchedule `json:"bulletin,omitempty"`
}

// Validate checks the plan's own fields.
func (p *Plan) Validate() []FieldError {
	var errs []FieldError
	add := func(field, msg string) { errs = append(errs, FieldError{Field: field, Message: msg}) }
	if p.Code == "" || !validCode(p.Code) {
		add("code", "必填，只能包含字母、数字、-、_、. (required; letters, digits, - _ . only)")
	}
	if p.Title == "" {
		add("title", "必填 (required)")
	}
	if p.Year < 1949 || p.Year > 2200 {
		add("year", "年份无效 (year out of range)")
	}
	if p.PeriodStart.IsZero() {
		add("period_start", "必填 (required)")
	}
	if p.PeriodEnd.IsZero() {
		add("period_end", "必填 (required)")
	}
	if !p.PeriodStart.IsZero() && !p.PeriodEnd.IsZero() && p.PeriodEnd.Before(p.PeriodStart) {
		add("period_end", "早于开始日期 (before period_start)")
	}
	if p.Bulletin != nil {
		errs = append(errs, p.Bulletin.Validate()...)
	}
	return errs
}

// PlanSummary is a plan as listed.
type PlanSummary struct {
	ID     int64  `json:"id"`
	Code   string `json:"code"`
	Title  string `json:"title"`
	Year   int    `json:"year"`
	Public bool   `json:"public"`
}

func validCode(s string) bool {
	if len(s) > 100 {
		return false
	}
	for _, r := range s {
		ok := r == '-' || r == '_' || r == '.' ||
			(r >= '0' && r <= '9') || (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z')
		if !ok {
			return false
		}
	}
	return s != ""
}

// ValidCode reports whether s may serve as a stable key (code).
func ValidCode(s string) bool { return validCode(s) }
