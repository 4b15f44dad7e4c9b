package rank

import (
	"math"
	"sort"

	"github.com/duban-dev/duban/status"
)

// Text is a sentence in Chinese and English.
type Text struct {
	ZH string `json:"zh"`
	EN string `json:"en"`
}

// List names the 红黑榜 a unit is on.
type List string

const (
	Honour List = "honour" // 红榜
	Shame  List = "shame"  // 黑榜
)

// Label is the list's Chinese name.
func (l List) Label() string {
	switch l {
	case Honour:
		return "红榜"
	case Shame:
		return "黑榜"
	}
	return ""
}

// Row is one unit on the scoreboard.
type Row struct {
	Rank           int     `json:"rank"`
	Unit           string  `json:"unit"`
	Name           string  `json:"name"`
	Items          int     `json:"items"`
	Judged         int     `json:"judged"`     // items with progress due (序时进度 > 0) or done
	Completion     float64 `json:"completion"` // 序时完成率, 0..1
	ReportsDue     int     `json:"reports_due"`
	ReportsOnTime  int     `json:"reports_on_time"`
	OnTime         float64 `json:"on_time"` // 按时报送率, 0..1
	Red            int     `json:"red"`
	Overdue        int     `json:"overdue"`
	NoticesOverdue int     `json:"notices_overdue"`
	Score          float64 `json:"score"` // rounded to two decimals
	List           List    `json:"list,omitempty"`
	Explanation    Text    `json:"explanation"`
}

// Board is a scoreboard, best first.
type Board struct {
	Profile Profile `json:"profile"`
	Rows    []Row   `json:"rows"`
}

// Score ranks every unit that leads an item, reports or holds a notice.
//
// A unit's 序时完成率 is the mean over its judged items of actual progress
// as a share of 序时进度, capped at 100% (a done item counts 100%); its
// 按时报送率 is the share of reports due in the period that arrived by their
// due day. A unit with nothing judged or nothing due gets 100% for that
// part. Score = Completion×rate + OnTime×rate − Red×red items − Overdue×
// overdue items − NoticeOverdue×notices answered late.
//
// Ties are broken, in order, by: higher 序时完成率, higher 按时报送率, fewer
// overdue items, fewer red items, fewer late notices; units equal on all of
// these share a rank and are listed by unit code.
func Score(in Input, p Profile) Board {
	rows := collect(in)
	for _, r := range rows {
		r.rates()
		r.Score = round2(p.Weights.Completion*r.Completion + p.Weights.OnTime*r.OnTime -
			p.Weights.Red*float64(r.Red) - p.Weights.Overdue*float64(r.Overdue) -
			p.Weights.NoticeOverdue*float64(r.NoticesOverdue))
	}
	sort.SliceStable(rows, func(i, j int) bool {
		if c := compare(rows[i], rows[j]); c != 0 {
			return c < 0
		}
		return rows[i].Unit < rows[j].Unit
	})
	out := make([]Row, len(rows))
	for i, r := range rows {
		r.Rank = i + 1
		if i > 0 && compare(rows[i-1], r) == 0 {
			r.Rank = out[i-1].Rank
		}
		out[i] = *r
	}
	label(out, p.Labels)
	for i := range out {
		out[i].Explanation = explain(out, i, p.Weights)
	}
	return Board{Profile: p, Rows: out}
}

// unitRow accumulates one unit's facts.
type unitRow struct {
	Row
	share float64 // sum of capped shares of 序时进度 over judged items
}

func collect(in Input) []*Row {
	byUnit := map[string]*unitRow{}
	get := func(code string) *unitRow {
		r := byUnit[code]
		if r == nil {
			r = &unitRow{Row: Row{Unit: code, Name: code}}
			if n := in.Names[code]; n != "" {
				r.Name = n
			}
			byUnit[code] = r
		}
		return r
	}
	for _, it := range in.Items {
		if it.Unit == "" {
			continue
		}
		r := get(it.Unit)
		r.Items++
		r.addItem(it)
	}
	for _, f := range in.Reports {
		r := get(f.Unit)
		r.ReportsDue++
		if f.OnTime() {
			r.ReportsOnTime++
		}
	}
	for _, n := range in.Notices {
		if r := get(n.Unit); n.ReplyOverdue {
			r.NoticesOverdue++
		}
	}
	rows := make([]*Row, 0, len(byUnit))
	for _, r := range byUnit {
		r.Completion = 1
		if r.Judged > 0 {
			r.Completion = r.share / float64(r.Judged)
		}
		rows = append(rows, &r.Row)
	}
	return rows
}

func (r *unitRow) addItem(it Item) {
	switch it.Status {
	case status.Lagging:
		r.Red++
	case status.Overdue:
		r.Overdue++
	}
	switch {
	case it.Status == status.Done:
		r.Judged++
		r.share++
	case it.Expected > 0:
		r.Judged++
		r.share += math.Min(1, math.Max(0, it.Actual/it.Expected))
	}
}

// rates fills the on-time rate; completion is filled by collect.
func (r *Row) rates() {
	r.OnTime = 1
	if r.ReportsDue > 0 {
		r.OnTime = float64(r.ReportsOnTime) / float64(r.ReportsDue)
	}
}

// criteria lists the tie-break order after the score.
var criteria = []struct {
	zh, en, zhLow, enLow string
	key                  func(*Row) float64 // higher is better
	pct                  bool
}{
	{"序时完成率更高", "higher completion against 序时进度", "序时完成率更低", "lower completion against 序时进度", func(r *Row) float64 { return round4(r.Completion) }, true},
	{"按时报送率更高", "higher on-time reporting", "按时报送率更低", "lower on-time reporting", func(r *Row) float64 { return round4(r.OnTime) }, true},
	{"逾期事项更少", "fewer overdue items", "逾期事项更多", "more overdue items", func(r *Row) float64 { return -float64(r.Overdue) }, false},
	{"滞后事项更少", "fewer red items", "滞后事项更多", "more red items", func(r *Row) float64 { return -float64(r.Red) }, false},
	{"超期未反馈督办单更少", "fewer notices answered late", "超期未反馈督办单更多", "more notices answered late", func(r *Row) float64 { return -float64(r.NoticesOverdue) }, false},
}

// compare orders a before b (negative) by score, then the criteria.
func compare(a, b *Row) int {
	if a.Score != b.Score {
		return cmpDesc(a.Score, b.Score)
	}
	_, c := decider(a, b)
	return c
}

// decider returns the index of the first criterion that separates a and b
// and the order it gives; -1 and 0 when none does.
func decider(a, b *Row) (int, int) {
	for i, c := range criteria {
		if ka, kb := c.key(a), c.key(b); ka != kb {
			return i, cmpDesc(ka, kb)
		}
	}
	return -1, 0
}

func cmpDesc(a, b float64) int {
	if a > b {
		return -1
	}
	return 1
}

func round2(f float64) float64 { return math.Round(f*100) / 100 }
func round4(f float64) float64 { return math.Round(f*1e4) / 1e4 }
