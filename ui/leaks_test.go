package ui_test

import (
	"context"
	"strings"
	"testing"

	"github.com/duban-dev/duban"
)

// TestItemPageKeepsAnotherUnitsWorkingDataInside: a unit's draft note is
// on its own item page and the office's, not on another unit's reporter's
// view of the same page nor on the public page.
func TestItemPageKeepsAnotherUnitsWorkingDataInside(t *testing.T) {
	e := newEnv(t)
	id, _, unit, _ := e.pick(t)
	ctx := context.Background()
	target, err := e.db.FindReportTarget(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	owner, err := e.db.FindUserByUsername(ctx, reporterOf(unit))
	if err != nil {
		t.Fatal(err)
	}
	const note = "草稿备注-SECRET-DRAFT-NOTE"
	v := 1.0
	in := duban.ReportInput{IndicatorID: id, Period: duban.PeriodOf(target.Indicator.Cadence, asOf).Prev().String(), Value: &v, Note: note, Draft: true}
	if _, err := e.db.SubmitReports(ctx, owner, []duban.ReportInput{in}, asOf); err != nil {
		t.Fatal(err)
	}
	other := "jyj"
	if unit == other {
		other = "zjj"
	}
	for who, wantNote := range map[string]bool{reporterOf(unit): true, "duchashi": true, reporterOf(other): false} {
		c := e.client()
		c.login(who)
		res := c.get(e.path("/indicators/{id}", id))
		if res.status != 200 || strings.Contains(res.body, note) != wantNote {
			t.Errorf("%s: status %d, shows the draft note: %v, want %v", who, res.status, !wantNote, wantNote)
		}
	}
	if body := e.client().get(e.path("/public/plans/{id}", e.planID)).body; strings.Contains(body, note) {
		t.Error("the public page shows the draft note")
	}
}
