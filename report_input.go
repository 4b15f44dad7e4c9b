package duban

import (
	"math"
	"unicode/utf8"
)

// ReportInput is a progress report as a unit submits it, from a form, the
// JSON API or an Excel row. Only these fields can be set by a client.
type ReportInput struct {
	IndicatorID    int64        `json:"indicator_id"`
	Period         string       `json:"period"`
	Value          *float64     `json:"value"`
	Note           string       `json:"note"`
	Investment     *float64     `json:"completed_investment"`
	Stage          ProjectStage `json:"stage"`
	MilestonesDone *int         `json:"milestones_done"`
	Draft          bool         `json:"draft"`
	Attachments    []string     `json:"attachments"` // ids of uploaded files
}

// ReportTarget is what checking a report needs to know of its indicator.
type ReportTarget struct {
	Indicator    Indicator
	Node         Node
	Plan         Plan
	LeadUnitName string // the lead unit's name, for messages; "" if unknown
}

const maxNoteRunes = 4000

// CanReport reports whether the user may write reports on the node:
// administrators and supervisors for any unit, reporters for their own.
func CanReport(u *User, n *Node) bool {
	switch u.Role {
	case RoleAdmin, RoleSupervisor:
		return true
	case RoleReporter:
		return u.UnitCode != "" && u.UnitCode == n.LeadUnit
	}
	return false
}

// CheckReport validates a report against its indicator for a user on a day.
// It is the one check every way of reporting goes through.
func CheckReport(in *ReportInput, t *ReportTarget, actor *User, today Date) error {
	if !CanReport(actor, &t.Node) {
		return Errorf(EFORBIDDEN, "无权为「%s」填报：该事项由%s牵头 (not your unit's item)", t.Node.Title, UnitLabel(t.Node.LeadUnit, t.LeadUnitName))
	}
	var errs []FieldError
	add := func(field, msg string) { errs = append(errs, FieldError{Field: field, Message: msg}) }
	if p, err := ParsePeriod(t.Indicator.Cadence, in.Period); err != nil {
		add("period", err.Error())
	} else {
		errs = append(errs, checkPeriodRange(p, t, today)...)
	}
	errs = append(errs, checkReportValue(in, &t.Indicator)...)
	errs = append(errs, checkInvestment(in.Investment)...)
	if in.Stage != "" && (!in.Stage.Valid() || t.Node.Kind != KindProject) {
		add("stage", "只有项目可填阶段，且须为 planning…operating (projects only; a known stage)")
	}
	if utf8.RuneCountInString(in.Note) > maxNoteRunes {
		add("note", "不能超过 4000 字 (at most 4000 characters)")
	}
	if len(errs) > 0 {
		return Invalid("填报内容有误 (invalid report)", errs...)
	}
	return nil
}

func checkPeriodRange(p Period, t *ReportTarget, today Date) []FieldError {
	last := t.Plan.PeriodEnd
	if t.Node.Deadline.After(last) {
		last = t.Node.Deadline
	}
	switch {
	case p.End.Before(t.Plan.PeriodStart) || p.Start.After(last):
		return []FieldError{{Field: "period", Message: "不在计划期内 (outside the plan period " + t.Plan.PeriodStart.String() + "–" + last.String() + ")"}}
	case p.Start.After(today):
		return []FieldError{{Field: "period", Message: "报送期尚未开始 (the period has not begun)"}}
	}
	return nil
}

func checkReportValue(in *ReportInput, ind *Indicator) []FieldError {
	if ind.Kind == MilestoneOnly {
		switch {
		case in.MilestonesDone == nil && !in.Draft:
			return []FieldError{{Field: "milestones_done", Message: "必填 (required)"}}
		case in.MilestonesDone != nil && (*in.MilestonesDone < 0 || *in.MilestonesDone > len(ind.Milestones)):
			return []FieldError{{Field: "milestones_done", Message: "须在 0 到里程碑总数之间 (between 0 and the number of milestones)"}}
		}
		return nil
	}
	switch {
	case in.Value == nil:
		if in.Draft {
			return nil
		}
		return []FieldError{{Field: "value", Message: "必填 (required)"}}
	case !finite(*in.Value):
		return []FieldError{{Field: "value", Message: "不是有限数 (not a finite number)"}}
	case ind.Kind == Cumulative && *in.Value < 0:
		return []FieldError{{Field: "value", Message: "累计数不能为负 (a cumulative count must not be negative)"}}
	}
	return checkValueBound(*in.Value, ind)
}

func finite(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }
