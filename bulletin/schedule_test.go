package bulletin_test

import (
	"context"
	"testing"
	"time"
)

func TestIssueDueFollowsThePlansSchedule(t *testing.T) {
	e := mustErqi(t)
	ctx := context.Background()
	steps := []struct {
		now    time.Time
		issued []string // periods
	}{
		{time.Date(2021, 7, 4, 12, 0, 0, 0, beijing), nil},                // before the 5th
		{time.Date(2021, 7, 5, 8, 0, 0, 0, beijing), []string{"2021-06"}}, // due
		{time.Date(2021, 7, 20, 8, 0, 0, 0, beijing), nil},                // already issued
		{time.Date(2021, 8, 6, 8, 0, 0, 0, beijing), []string{"2021-07"}},
		{time.Date(2024, 3, 6, 8, 0, 0, 0, beijing), nil}, // past the plan's span
	}
	for _, st := range steps {
		e.clock = st.now
		got, err := e.svc.IssueDue(ctx, e.supervisor, st.now)
		if err != nil {
			t.Fatalf("%s: %v", st.now, err)
		}
		var periods []string
		for _, b := range got {
			periods = append(periods, b.Period)
		}
		if len(periods) != len(st.issued) || (len(periods) == 1 && periods[0] != st.issued[0]) {
			t.Fatalf("at %s issued %v, want %v", st.now.Format(time.DateOnly), periods, st.issued)
		}
	}
	list, err := e.db.ListBulletins(ctx, e.planID)
	if err != nil || len(list) != 2 || list[0].Number != "二七督〔2021〕2号" {
		t.Fatalf("stored = %+v, %v", list, err)
	}
}
