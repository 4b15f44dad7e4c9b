package ui

import (
	"testing"

	"github.com/duban-dev/duban"
	"github.com/duban-dev/duban/status"
	"github.com/duban-dev/duban/tracker"
)

// A returned report leaves 被退回的报送 once a later version of the same
// item and period is submitted or approved; others stay.
func TestUncorrected(t *testing.T) {
	returned := []duban.Report{
		{ID: 1, IndicatorID: 7, Period: "2021-06", Version: 1},
		{ID: 2, IndicatorID: 7, Period: "2021-07", Version: 1},
		{ID: 3, IndicatorID: 8, Period: "2021-06", Version: 2},
	}
	later := []duban.Report{
		{ID: 4, IndicatorID: 7, Period: "2021-06", Version: 2, State: duban.Approved},
		{ID: 5, IndicatorID: 8, Period: "2021-06", Version: 1, State: duban.Approved}, // older than the return
	}
	got := uncorrected(returned, later)
	if len(got) != 2 || got[0].ID != 2 || got[1].ID != 3 {
		t.Errorf("uncorrected = %+v, want reports 2 and 3", got)
	}
}

// TestDueItemsPutWhatIsOwedFirst: overdue reports lead the unit's list,
// then those due, then those already in, each in plan order.
func TestDueItemsPutWhatIsOwedFirst(t *testing.T) {
	items := []dueItem{
		{Name: "a", Reported: true}, {Name: "b"}, {Name: "c", ItemStatus: tracker.ItemStatus{Result: status.Result{Missing: "2021-06"}}},
		{Name: "d"}, {Name: "e", ItemStatus: tracker.ItemStatus{Result: status.Result{Missing: "2021-05"}}},
	}
	sortByUrgency(items)
	var got string
	for _, it := range items {
		got += it.Name
	}
	if got != "cebda" {
		t.Fatalf("order %s, want cebda", got)
	}
}
