package status

import (
	"time"

	"github.com/duban-dev/duban"
)

// IndicatorInput is everything Evaluate needs about one indicator, all of it
// cheap for a store to supply: the indicator, its node's dates, the plan's
// period as a fallback, the latest approved report and the periods that
// have a report in (submitted or approved).
type IndicatorInput struct {
	Indicator duban.Indicator
	Start     duban.Date // the node's start; zero means PlanStart
	Deadline  duban.Date // the node's deadline; zero means PlanEnd
	PlanStart duban.Date
	PlanEnd   duban.Date
	Latest    *Observation // nil when nothing is approved yet
	Reported  []string     // periods with a submitted or approved report
}

// Explanation is a one-line reason for a status, in Chinese and English.
type Explanation struct {
	ZH string `json:"zh"`
	EN string `json:"en"`
}

// Result is the judgement on one indicator as of a date. Expected and Actual
// are fractions 0..1; Gap is expected − actual in percentage points
// (positive when behind).
type Result struct {
	Indicator   string      `json:"indicator"`
	Node        string      `json:"node"`
	Status      Status      `json:"status"`
	Expected    float64     `json:"expected"`
	Actual      float64     `json:"actual"`
	Gap         float64     `json:"gap"`
	Rate        bool        `json:"rate,omitempty"` // a rate or level: judged by its light, not averaged as progress
	Value       *float64    `json:"value,omitempty"`
	Period      string      `json:"period,omitempty"`  // of the latest approved report
	Missing     string      `json:"missing,omitempty"` // period whose report is overdue
	Start       duban.Date  `json:"start"`
	Deadline    duban.Date  `json:"deadline"`
	DaysLeft    int         `json:"days_left"` // negative once the deadline has passed
	Explanation Explanation `json:"explanation"`
}

// Evaluate judges one indicator as of asOf under profile p. The order of the
// rules: a met target is done (keep-within targets only from the deadline
// on); before the start it is not started; past the deadline overdue; a
// report missing beyond the grace days is not reported; with no approved
// value yet not started; otherwise the profile grades progress against
// 序时进度, and an unmet target within DeadlineDays of its deadline is at
// least yellow.
func Evaluate(in IndicatorInput, asOf duban.Date, p Profile) Result {
	e := newEval(&in, asOf, p)
	r := Result{
		Indicator: in.Indicator.Code, Node: in.Indicator.NodeCode, Rate: in.Indicator.Kind == duban.Level,
		Expected: e.expected, Actual: e.m.Progress,
		Gap:   (e.expected - e.m.Progress) * 100,
		Start: e.start, Deadline: e.deadline, DaysLeft: asOf.DaysUntil(e.deadline),
	}
	if in.Latest != nil {
		r.Value, r.Period = in.Latest.Value, in.Latest.Period
	}
	r.Status = e.status()
	if r.Status == NotReported {
		r.Missing = e.missing
	}
	r.Explanation = e.explain(r.Status)
	return r
}

type eval struct {
	in              *IndicatorInput
	ind             *duban.Indicator
	asOf            duban.Date
	p               Profile
	start, deadline duban.Date
	m               Measure
	expected        float64
	missing         string
}

func newEval(in *IndicatorInput, asOf duban.Date, p Profile) *eval {
	e := &eval{in: in, ind: &in.Indicator, asOf: asOf, p: p}
	e.start, e.deadline = window(in, asOf)
	e.m = Actual(e.ind, in.Latest)
	e.expected = Expected(e.ind, e.start, e.deadline, asOf)
	if (e.isBand() || e.isLevel()) && !asOf.Before(e.start) {
		e.expected = 1 // a band or a rate is held to its target all along
	}
	e.missing = e.missingPeriod()
	return e
}

// window picks the node's dates, else the plan's; with neither, the year of
// the deadline (or of asOf).
func window(in *IndicatorInput, asOf duban.Date) (start, deadline duban.Date) {
	start, deadline = firstSet(in.Start, in.PlanStart), firstSet(in.Deadline, in.PlanEnd)
	if deadline.IsZero() {
		deadline = duban.NewDate(asOf.Year(), time.December, 31)
	}
	if start.IsZero() || start.After(deadline) {
		start = duban.NewDate(deadline.Year(), time.January, 1)
	}
	return start, deadline
}

func firstSet(a, b duban.Date) duban.Date {
	if a.IsZero() {
		return b
	}
	return a
}

// isLevel is a rate or level judged against its target (a growth rate
// of 6.3% against at least 7.5%): it does not accumulate over the year, so
// there is no 序时进度 to compare it with.
// A level to bring down from a baseline (PM2.5 from 80 to at most 50)
// does move along a path, and keeps its 序时进度.
func (e *eval) isLevel() bool {
	return e.ind.Kind == duban.Level && (e.ind.Comparator == duban.AtLeast || e.ind.Comparator == duban.Equal)
}

func (e *eval) isBand() bool {
	return e.ind.Kind != duban.MilestoneOnly && e.ind.Comparator == duban.About
}

func (e *eval) status() Status {
	switch {
	case e.m.Met && (!e.isBand() || !e.asOf.Before(e.deadline)):
		return Done
	case e.asOf.Before(e.start):
		return NotStarted
	case e.asOf.After(e.deadline):
		return Overdue
	case e.missing != "":
		return NotReported
	case !e.m.Known:
		return e.nearDeadline(NotStarted)
	case e.isBand():
		return e.nearDeadline(e.bandGrade())
	}
	return e.nearDeadline(e.p.grade(e.expected, e.m.Progress))
}

func (e *eval) bandGrade() Status {
	switch {
	case e.m.Met:
		return OnTrack
	case e.m.Outside > e.p.BandRed*e.ind.Tolerance+epsilon:
		return Lagging
	}
	return Warning
}

// nearDeadline lifts a calm status to yellow when the deadline is close and
// the target is not met.
func (e *eval) nearDeadline(s Status) Status {
	if (s == OnTrack || s == NotStarted) && !e.m.Met && e.daysLeft() <= e.p.DeadlineDays {
		return Warning
	}
	return s
}

func (e *eval) daysLeft() int { return e.asOf.DaysUntil(e.deadline) }

// missingPeriod is the latest period whose report fell due (its end plus
// the grace days) before asOf when neither it nor a later period has a
// report; "" when nothing is missing.
func (e *eval) missingPeriod() string {
	c := e.ind.Cadence
	for p := previousPeriod(c, PeriodOf(c, e.asOf)); p != ""; p = previousPeriod(c, p) {
		end, _ := PeriodEnd(c, p)
		if end.Before(e.start) {
			return ""
		}
		if end.AddDays(e.p.GraceDays).Before(e.asOf) {
			if e.reportedSince(p) {
				return ""
			}
			return p
		}
	}
	return ""
}

func (e *eval) reportedSince(p string) bool {
	if l := e.in.Latest; l != nil && len(l.Period) == len(p) && l.Period >= p {
		return true
	}
	for _, r := range e.in.Reported {
		if len(r) == len(p) && r >= p {
			return true
		}
	}
	return false
}
