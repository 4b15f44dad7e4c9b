package duban

// Mechanism is a named, configurable way of pushing work, attached to nodes:
// e.g. the major-project mechanism 三定四推五落实.
type Mechanism struct {
	ID          int64    `json:"id"`
	Code        string   `json:"code"`
	Name        string   `json:"name"`
	Description string   `json:"description,omitempty"`
	Roles       []string `json:"roles,omitempty"`     // role slots every node must fill
	Cadence     Cadence  `json:"cadence,omitempty"`   // push cadence
	Checklist   []string `json:"checklist,omitempty"` // items checked at each push
	Stages      []string `json:"stages,omitempty"`    // pipeline, e.g. 洽谈 → 签约 → 开工 → 投产
}

func (m *Mechanism) Validate() []FieldError {
	var errs []FieldError
	if !validCode(m.Code) {
		errs = append(errs, FieldError{Field: "id", Message: "必填，只能包含字母、数字、-、_、. (required; letters, digits, - _ . only)"})
	}
	if m.Name == "" {
		errs = append(errs, FieldError{Field: "name", Message: "必填 (required)"})
	}
	if m.Cadence != "" && !m.Cadence.Valid() {
		errs = append(errs, FieldError{Field: "cadence", Message: "未知周期 (unknown unit of time; want weekly, monthly or quarterly)"})
	}
	return errs
}
