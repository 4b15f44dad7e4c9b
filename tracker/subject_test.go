package tracker

import (
	"testing"

	"github.com/duban-dev/duban"
)

// TestSubjectAtEqualsThePlanEvaluation: judging one item from its own
// reports as of a day gives what evaluating the whole plan's snapshot as of
// that day gives (reports of periods begun by then), at every month end and
// on days inside a period, including a later version and a pending one.
func TestSubjectAtEqualsThePlanEvaluation(t *testing.T) {
	s := snapshot()
	s.Reports = append(s.Reports,
		duban.Report{ID: 5, PlanID: 1, IndicatorID: 1, Period: "2021-06", Version: 2, Value: f64(140), State: duban.Approved},
		duban.Report{ID: 6, PlanID: 1, IndicatorID: 1, Period: "2021-08", Version: 1, Value: f64(200), State: duban.Submitted},
		duban.Report{ID: 7, PlanID: 1, IndicatorID: 1, Period: "2021-09", Version: 1, Value: f64(230), State: duban.Approved})
	days := []string{"2021-01-31", "2021-05-31", "2021-06-15", "2021-06-30", "2021-07-31", "2021-08-31", "2021-09-01", "2021-12-31"}
	for _, day := range days {
		asOf := duban.MustDate(day)
		begun := *s
		begun.Reports = nil
		for _, r := range s.Reports {
			if p, err := duban.ParsePeriod(duban.Monthly, r.Period); err == nil && !p.Start.After(asOf) {
				begun.Reports = append(begun.Reports, r)
			}
		}
		ps, err := Evaluate(&begun, asOf)
		if err != nil {
			t.Fatal(err)
		}
		for _, ind := range s.Indicators {
			subj, ok := ps.Subject(ind.Code)
			if !ok || subj.Node == nil {
				t.Fatalf("%s: no subject or node", ind.Code)
			}
			want, _ := ps.Rollup.Result(ind.Code)
			got := subj.At(s.Reports, asOf)
			if got.Status != want.Status || got.Actual != want.Actual || got.Expected != want.Expected || got.Explanation != want.Explanation {
				t.Errorf("%s as of %s: item alone %v %.1f/%.1f, plan %v %.1f/%.1f", ind.Code, day,
					got.Status, got.Actual, got.Expected, want.Status, want.Actual, want.Expected)
			}
		}
	}
	if _, ok := (&PlanStatus{}).Subject("none"); ok {
		t.Error("a code not in the plan has no subject")
	}
}
