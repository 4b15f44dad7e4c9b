package status

import (
	"slices"

	"github.com/duban-dev/duban"
)

// light is what a store keeps of a judgement because it cannot be derived
// on read: the status and the period whose report is missing. 序时进度, the
// gap, the days left and the explanation follow from the stored inputs and
// the day, so they are not part of it.
type light struct {
	status  Status
	missing string
}

func lightOf(in *IndicatorInput, day duban.Date, p Profile) light {
	e := newEval(in, day, p)
	l := light{status: e.status()}
	if l.status == NotReported {
		l.missing = e.missing
	}
	return l
}

// NextChange is the first day after asOf on which Evaluate gives the
// indicator another light (status or missing period) without a new report;
// the zero Date when that never happens (a met target past its deadline,
// or any target once it is overdue).
//
// It does not walk day by day. The light can jump only on a few days: the
// start, each milestone, each day a period's report falls due, the day the
// deadline comes within DeadlineDays, the deadline and the day after it.
// Between two such days 序时进度 is linear in the day and the progress is
// fixed, so the grade moves one way only: if the light is the same at both
// ends of a stretch it is the same all along, and otherwise a binary search
// finds the day it flips.
func NextChange(in IndicatorInput, asOf duban.Date, p Profile) duban.Date {
	e := newEval(&in, asOf, p)
	if asOf.After(e.deadline) || (e.status() == Done && !e.isBand()) {
		return duban.Date{}
	}
	now := lightOf(&in, asOf, p)
	differs := func(d duban.Date) bool { return lightOf(&in, d, p) != now }
	lo := asOf.AddDays(1)
	for _, b := range e.jumpDays(asOf) {
		if last := b.AddDays(-1); !last.Before(lo) {
			if differs(lo) {
				return lo
			}
			if differs(last) {
				return firstFlip(lo, last, differs)
			}
		}
		lo = b
	}
	if differs(lo) {
		return lo
	}
	return duban.Date{}
}

// firstFlip is the first day in (lo, hi] for which differs holds, given
// that it does not hold at lo, holds at hi and flips once in between.
func firstFlip(lo, hi duban.Date, differs func(duban.Date) bool) duban.Date {
	for lo.DaysUntil(hi) > 1 {
		mid := lo.AddDays(lo.DaysUntil(hi) / 2)
		if differs(mid) {
			hi = mid
		} else {
			lo = mid
		}
	}
	return hi
}

// jumpDays lists, in order and once each, the days after asOf up to the
// day after the deadline on which the light may jump rather than drift.
func (e *eval) jumpDays(asOf duban.Date) []duban.Date {
	after := e.deadline.AddDays(1)
	days := []duban.Date{e.start, e.deadline.AddDays(-e.p.DeadlineDays), e.deadline, after}
	for _, m := range e.ind.Milestones {
		days = append(days, m.Date, m.Date.AddDays(1))
	}
	days = append(days, e.reportsDue(asOf, after)...)
	out := days[:0]
	for _, d := range days {
		if d.After(asOf) && !d.After(after) {
			out = append(out, d)
		}
	}
	slices.SortFunc(out, func(a, b duban.Date) int { return a.Compare(b) })
	return slices.Compact(out)
}

// reportsDue lists the first day each period's report counts as missing
// (its end plus the grace days, and one), from the period holding asOf to
// the one holding until.
func (e *eval) reportsDue(asOf, until duban.Date) []duban.Date {
	c := e.ind.Cadence
	if !c.Valid() {
		return nil
	}
	var out []duban.Date
	for p := PeriodOf(c, asOf.AddDays(-e.p.GraceDays-1)); p != ""; {
		end, err := PeriodEnd(c, p)
		if err != nil {
			break
		}
		due := end.AddDays(e.p.GraceDays + 1)
		if due.After(until) {
			break
		}
		out = append(out, due)
		p = PeriodOf(c, end.AddDays(1))
	}
	return out
}
