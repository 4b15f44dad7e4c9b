package duban

import "math"

// Comparator tells how an actual value is judged against the target.
type Comparator string

const (
	AtLeast Comparator = ">=" // 以上、不少于
	AtMost  Comparator = "<=" // 以下、不超过、控制在…以内
	Equal   Comparator = "="  // 完成 N 个
	About   Comparator = "~"  // 左右: within Tolerance of the target
)

func (c Comparator) Valid() bool { return c == AtLeast || c == AtMost || c == Equal || c == About }

// Direction tells which way progress goes.
type Direction string

const (
	Increase Direction = "increase"
	Decrease Direction = "decrease"
	Keep     Direction = "keep" // stay within a band
)

func (d Direction) Valid() bool { return d == Increase || d == Decrease || d == Keep }

// IndicatorKind tells how reported values accumulate.
type IndicatorKind string

const (
	Cumulative    IndicatorKind = "cumulative" // a count that grows: 248 个 renovated
	Level         IndicatorKind = "level"      // a level or rate: 7.5% growth
	MilestoneOnly IndicatorKind = "milestone"  // judged by its milestones only
)

func (k IndicatorKind) Valid() bool { return k == Cumulative || k == Level || k == MilestoneOnly }

// Cadence is how often an indicator is reported.
type Cadence string

const (
	Weekly    Cadence = "weekly"
	Monthly   Cadence = "monthly"
	Quarterly Cadence = "quarterly"
)

func (c Cadence) Valid() bool { return c == Weekly || c == Monthly || c == Quarterly }

// Label is the Chinese name of the cadence.
func (c Cadence) Label() string {
	return map[Cadence]string{Weekly: "每周", Monthly: "每月", Quarterly: "每季度"}[c]
}

// Milestone is a dated checkpoint: an expected value, a description, or both.
type Milestone struct {
	Date        Date     `json:"date"`
	Value       *float64 `json:"value,omitempty"`
	Description string   `json:"description,omitempty"`
}

// Indicator is a measurable target on a node.
type Indicator struct {
	ID         int64         `json:"id"`
	PlanID     int64         `json:"plan_id"`
	NodeID     int64         `json:"node_id"`
	NodeCode   string        `json:"node_code"`
	Code       string        `json:"code"` // unique within the plan
	Name       string        `json:"name"`
	Unit       string        `json:"unit"` // as written: 个, 条, %, 亿元 …
	Baseline   *float64      `json:"baseline"`
	Target     *float64      `json:"target"`
	Comparator Comparator    `json:"comparator"`
	Tolerance  float64       `json:"tolerance,omitempty"`
	Direction  Direction     `json:"direction"`
	Kind       IndicatorKind `json:"kind"`
	Cadence    Cadence       `json:"cadence"`
	Milestones []Milestone   `json:"milestones,omitempty"`
}

// Validate checks the indicator's own fields.
func (in *Indicator) Validate() []FieldError {
	var errs []FieldError
	add := func(field, msg string) { errs = append(errs, FieldError{Field: field, Message: msg}) }
	if !validCode(in.Code) {
		add("id", "必填，只能包含字母、数字、-、_、. (required; letters, digits, - _ . only)")
	}
	if in.Name == "" {
		add("name", "必填 (required)")
	}
	if !in.Kind.Valid() {
		add("kind", "未知类型 (want cumulative, level or milestone)")
	}
	if !in.Cadence.Valid() {
		add("cadence", "未知报送周期 (unknown unit of time; want weekly, monthly or quarterly)")
	}
	if in.Kind != MilestoneOnly {
		errs = append(errs, in.validateTarget()...)
	}
	for i := range in.Milestones {
		if in.Milestones[i].Date.IsZero() {
			add("milestones.date", "必填 (required)")
		}
		if i > 0 && !in.Milestones[i-1].Date.Before(in.Milestones[i].Date) {
			add("milestones.date", "里程碑日期须递增 (milestone dates must increase)")
		}
	}
	return errs
}

func (in *Indicator) validateTarget() []FieldError {
	var errs []FieldError
	add := func(field, msg string) { errs = append(errs, FieldError{Field: field, Message: msg}) }
	if in.Target == nil {
		add("target", "必填 (required)")
	} else if math.IsNaN(*in.Target) || math.IsInf(*in.Target, 0) {
		add("target", "不是有限数 (not a finite number)")
	}
	if in.Unit == "" {
		add("unit", "目标缺少计量单位 (a target needs its unit, e.g. 个, 条, %)")
	}
	if !in.Comparator.Valid() {
		add("comparator", "未知比较方式 (want >=, <=, = or ~)")
	}
	if in.Comparator == About && in.Tolerance <= 0 {
		add("tolerance", "“~”须给出正的容差 (a ~ target needs a positive tolerance)")
	}
	if in.Tolerance < 0 {
		add("tolerance", "不能为负 (must not be negative)")
	}
	if !in.Direction.Valid() {
		add("direction", "未知方向 (want increase, decrease or keep)")
	}
	return errs
}

// DefaultDirection derives the direction a comparator implies.
func DefaultDirection(c Comparator) Direction {
	switch c {
	case AtMost:
		return Decrease
	case About:
		return Keep
	}
	return Increase
}
