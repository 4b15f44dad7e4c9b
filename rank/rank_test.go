package rank

import (
	"strings"
	"testing"

	"github.com/duban-dev/duban"
	"github.com/duban-dev/duban/status"
)

func item(unit string, s status.Status, actual, expected float64) Item {
	return Item{Unit: unit, Status: s, Actual: actual, Expected: expected}
}

func report(unit, due, submitted string) ReportFact {
	f := ReportFact{Unit: unit, Due: duban.MustDate(due)}
	if submitted != "" {
		f.Submitted = duban.MustDate(submitted)
	}
	return f
}

func TestScore(t *testing.T) {
	w := DefaultProfile
	tests := []struct {
		name   string
		in     Input
		p      Profile
		order  []string // units, best first
		ranks  []int
		scores []float64
		lists  []List
		expl   []string // a fragment of each unit's Chinese explanation
	}{
		{
			name: "completion, reporting and penalties",
			in: Input{
				Items: []Item{
					item("a", status.OnTrack, 0.5, 0.5), item("a", status.Done, 1, 0.5),
					item("b", status.Lagging, 0.1, 0.5), item("b", status.OnTrack, 0.5, 0.5),
					item("c", status.Overdue, 0.5, 1), item("c", status.NotStarted, 0, 0),
				},
				Reports: []ReportFact{report("a", "2021-07-10", "2021-07-09"), report("b", "2021-07-10", "2021-07-11"),
					report("b", "2021-07-10", "2021-07-10"), report("c", "2021-07-10", "")},
				Notices: []NoticeFact{{Unit: "c", ReplyOverdue: true}, {Unit: "b"}},
				Names:   map[string]string{"a": "甲局"},
			},
			p:     w,
			order: []string{"a", "b", "c"},
			ranks: []int{1, 2, 3},
			// a: 100%×60 + 100%×40; b: 60%×60 + 50%×40 − 2; c: 50%×60 + 0 − 3 − 2.
			scores: []float64{100, 54, 25},
			lists:  []List{Honour, Honour, Honour},
			expl:   []string{"第1名，得分 100.00 = 序时完成率 100.0%×60", "滞后 1 项×2", "逾期 1 项×3 − 超期未反馈督办单 1 件×2"},
		},
		{
			name: "tie broken by completion, then by on-time rate",
			in: Input{
				Items: []Item{item("x", status.OnTrack, 0.5, 0.5), item("y", status.OnTrack, 0.5, 0.5),
					item("z", status.Warning, 0.4, 0.5)},
				Reports: []ReportFact{report("x", "2021-07-10", "2021-07-20"), report("y", "2021-07-10", "2021-07-01"),
					report("x", "2021-07-10", "2021-07-01")},
			},
			// weight on completion only: x and y tie at 60, z 48
			p:      Profile{Weights: Weights{Completion: 60}},
			order:  []string{"y", "x", "z"},
			ranks:  []int{1, 2, 3},
			scores: []float64{60, 60, 48},
			expl:   []string{"因按时报送率更高（100.0% 对 50.0%）排在其前", "因按时报送率更低（50.0% 对 100.0%）排在其后", "第3名"},
		},
		{
			name: "full tie shares a rank, listed by code; labels never split a tie",
			in: Input{Items: []Item{item("q", status.OnTrack, 1, 1), item("p", status.OnTrack, 1, 1),
				item("r", status.Lagging, 0, 1), item("s", status.Overdue, 0, 1)}},
			p:      Profile{Weights: DefaultProfile.Weights, Labels: Labels{Top: 1, Bottom: 1}},
			order:  []string{"p", "q", "r", "s"},
			ranks:  []int{1, 1, 3, 4},
			scores: []float64{100, 100, 38, 37},
			lists:  []List{Honour, Honour, "", Shame},
			expl:   []string{"与「q」各项相同，并列第1名", "并列第1名", "第3名", "列入黑榜"},
		},
		{
			name: "thresholds: red list needs a minimum, black list below a maximum",
			in: Input{Items: []Item{item("a", status.OnTrack, 0.9, 1), item("b", status.Warning, 0.7, 1),
				item("c", status.Lagging, 0.2, 1)}},
			p:      Profile{Weights: Weights{Completion: 100, Red: 10}, Labels: Labels{Top: 2, MinScore: 80, MaxScore: 50}},
			order:  []string{"a", "b", "c"},
			ranks:  []int{1, 2, 3},
			scores: []float64{90, 70, 10},
			lists:  []List{Honour, "", Shame},
		},
		{
			name: "nothing judged or due counts as full marks, and says so",
			in:   Input{Items: []Item{item("a", status.NotStarted, 0, 0)}},
			p:    DefaultProfile, order: []string{"a"}, ranks: []int{1}, scores: []float64{100}, lists: []List{Honour},
			expl: []string{"暂无到期进度，完成率按100%计）（本期无应报事项"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := Score(tt.in, tt.p)
			if len(b.Rows) != len(tt.order) {
				t.Fatalf("rows = %+v", b.Rows)
			}
			for i, r := range b.Rows {
				if r.Unit != tt.order[i] || r.Rank != tt.ranks[i] || r.Score != tt.scores[i] {
					t.Errorf("row %d = %s rank %d score %v; want %s rank %d score %v (%s)",
						i, r.Unit, r.Rank, r.Score, tt.order[i], tt.ranks[i], tt.scores[i], r.Explanation.ZH)
				}
				if tt.lists != nil && r.List != tt.lists[i] {
					t.Errorf("%s list = %q, want %q", r.Unit, r.List, tt.lists[i])
				}
				if tt.expl != nil && !strings.Contains(r.Explanation.ZH, tt.expl[i]) {
					t.Errorf("%s explanation %q lacks %q", r.Unit, r.Explanation.ZH, tt.expl[i])
				}
				if r.Explanation.EN == "" {
					t.Errorf("%s has no English explanation", r.Unit)
				}
			}
		})
	}
}

func TestNamesAndValidate(t *testing.T) {
	b := Score(Input{Items: []Item{item("a", status.OnTrack, 1, 1)}, Names: map[string]string{"a": "甲局"}}, DefaultProfile)
	if b.Rows[0].Name != "甲局" {
		t.Fatalf("name = %q", b.Rows[0].Name)
	}
	if err := DefaultProfile.Validate(); err != nil {
		t.Fatal(err)
	}
	bad := DefaultProfile
	bad.Weights.Red = -1
	if err := bad.Validate(); err == nil || !strings.HasPrefix(err.Error(), "red:") {
		t.Fatalf("negative weight: %v", err)
	}
}

func TestParseOverridesTheProfile(t *testing.T) {
	tests := []struct {
		query   map[string]string
		want    Profile
		wantErr string
	}{
		{map[string]string{}, DefaultProfile, ""},
		{map[string]string{"completion": "70", "on_time": "30", "top": "5"}, Profile{Name: "custom",
			Weights: Weights{Completion: 70, OnTime: 30, Red: 2, Overdue: 3, NoticeOverdue: 2}, Labels: Labels{Top: 5, Bottom: 3}}, ""},
		{map[string]string{"red": "x"}, Profile{}, "red"},
		{map[string]string{"bottom": "1.5"}, Profile{}, "bottom"},
		{map[string]string{"overdue": "-1"}, Profile{}, "overdue"},
	}
	for _, tt := range tests {
		got, err := DefaultProfile.Parse(func(k string) string { return tt.query[k] })
		if tt.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("%v: error %v, want one naming %s", tt.query, err, tt.wantErr)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("%v: %+v, %v; want %+v", tt.query, got, err, tt.want)
		}
	}
}
