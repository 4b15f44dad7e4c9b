package status

import (
	"strings"
	"testing"

	"github.com/duban-dev/duban"
)

func TestProfiles(t *testing.T) {
	ps := Profiles()
	if len(ps) < 2 || ps[0].Name != DefaultProfile {
		t.Fatalf("Profiles() = %v, want the default first and at least two", ps)
	}
	for _, p := range ps {
		got, err := ProfileByName(p.Name)
		if err != nil || got != p {
			t.Errorf("ProfileByName(%q) = %v, %v", p.Name, got, err)
		}
		if p.DeadlineDays != 30 || p.GraceDays != 10 {
			t.Errorf("%s: deadline %d, grace %d; want 30, 10", p.Name, p.DeadlineDays, p.GraceDays)
		}
	}
	if p, err := ProfileByName(""); err != nil || p.Name != "gap" || p.Yellow != 10 || p.Red != 30 {
		t.Errorf("default = %+v, %v", p, err)
	}
	ps[0].Yellow = 99
	if p, _ := ProfileByName("gap"); p.Yellow != 10 {
		t.Error("Profiles() exposes the built-in table")
	}
}

func TestProfileByNameUnknown(t *testing.T) {
	_, err := ProfileByName("strict")
	if duban.ErrorCode(err) != duban.EINVALID {
		t.Fatalf("err = %v, want invalid", err)
	}
	fields := duban.ErrorFields(err)
	if len(fields) != 1 || fields[0].Field != "profile" || !strings.Contains(fields[0].Message, `"strict"`) ||
		!strings.Contains(fields[0].Message, "gap, ratio") {
		t.Errorf("fields = %v", fields)
	}
}

func TestStatusLabels(t *testing.T) {
	tests := []struct {
		s              Status
		zh, en, colour string
	}{
		{NotStarted, "未开始", "not started", "grey"},
		{OnTrack, "正常", "on track", "green"},
		{Warning, "预警", "warning", "yellow"},
		{Lagging, "滞后", "lagging", "red"},
		{Overdue, "逾期", "overdue", "darkred"},
		{Done, "已完成", "done", "blue"},
		{NotReported, "未报送", "not reported", "orange"},
	}
	for _, tt := range tests {
		if !tt.s.Valid() || tt.s.Label() != tt.zh || tt.s.LabelEN() != tt.en || tt.s.Colour() != tt.colour || tt.s.Hex() == "" {
			t.Errorf("%s: %q %q %q", tt.s, tt.s.Label(), tt.s.LabelEN(), tt.s.Colour())
		}
	}
	if Status("green").Valid() {
		t.Error(`"green" is not a status`)
	}
	order := []Status{Overdue, Lagging, NotReported, Warning, OnTrack, NotStarted, Done}
	for i := 1; i < len(order); i++ {
		if !order[i-1].Worse(order[i]) || order[i].Worse(order[i-1]) {
			t.Errorf("%s should be worse than %s", order[i-1], order[i])
		}
	}
	if !Done.Worse(Status("unknown")) {
		t.Error("unknown statuses should sort last")
	}
}

func TestSeverityFollowsStatuses(t *testing.T) {
	for i, s := range Statuses {
		if s.Severity() != i {
			t.Errorf("%s.Severity() = %d, want %d (its place in Statuses)", s, s.Severity(), i)
		}
	}
}
