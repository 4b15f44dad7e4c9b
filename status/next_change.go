package status

import "github.com/duban-dev/duban"

// NextChange is the first day after asOf on which Evaluate could judge the
// indicator differently without a new report (DaysLeft aside, which every
// reader derives from the deadline): its start while it has not started;
// never (the zero Date) once its target is met at or after the deadline,
// when nothing in the result moves any more; otherwise the next day,
// because 序时进度 moves every day up to the deadline and the days overdue
// every day after it.
func NextChange(in IndicatorInput, asOf duban.Date, p Profile) duban.Date {
	e := newEval(&in, asOf, p)
	switch {
	case asOf.Before(e.start):
		return e.start
	case !asOf.Before(e.deadline) && e.status() == Done:
		return duban.Date{}
	}
	return asOf.AddDays(1)
}
