package projects

import (
	"fmt"
	"strings"

	"github.com/duban-dev/duban"
	"github.com/duban-dev/duban/status"
)

// Counts answers "N planned: how many started, how many behind". Every
// figure is a count of ledger rows, so each can be checked against them.
type Counts struct {
	Total      int `json:"total"`
	Started    int `json:"started"`     // at 开工 or beyond
	NotStarted int `json:"not_started"` // before 开工
	Behind     int `json:"behind"`      // red: 滞后 or 逾期
	// BehindBySteps are the red projects whose investment is not red: late
	// steps make them red in the ledger, not in the plan's counts.
	BehindBySteps int            `json:"behind_by_steps"`
	Warning       int            `json:"warning"` // yellow
	ByStage       map[string]int `json:"by_stage"`
	ByStatus      map[string]int `json:"by_status"`
	WithProblems  int            `json:"with_problems"`
	LikelyMiss    int            `json:"likely_miss"` // investment forecast short of the year's plan
	YearPlan      float64        `json:"year_investment"`
	Completed     float64        `json:"completed_investment"`
	Rate          float64        `json:"completion_rate"`
	Expected      float64        `json:"expected"` // 序时进度 weighted by the year's plan
	Simulated     int            `json:"simulated"`
}

func count(rows []Row) Counts {
	c := Counts{ByStage: map[string]int{}, ByStatus: map[string]int{}}
	var expected float64
	for i := range rows {
		r := &rows[i]
		c.Total++
		if r.Started() {
			c.Started++
		} else {
			c.NotStarted++
		}
		if r.Behind() {
			c.Behind++
		}
		if r.BehindBySteps() {
			c.BehindBySteps++
		}
		if r.Status == status.Warning {
			c.Warning++
		}
		c.ByStage[string(r.Stage)]++
		c.ByStatus[string(r.Status)]++
		if r.OpenProblems > 0 {
			c.WithProblems++
		}
		if r.Forecast != nil && r.Forecast.Miss {
			c.LikelyMiss++
		}
		if r.Simulated {
			c.Simulated++
		}
		c.YearPlan += r.YearPlan
		if r.Completed != nil {
			c.Completed += *r.Completed
		}
		expected += r.Expected * r.YearPlan
	}
	if c.YearPlan > 0 {
		c.Rate, c.Expected = c.Completed/c.YearPlan, expected/c.YearPlan
	}
	return c
}

// Stated is the number of projects the plan's text promises: the target of
// a count (个) on a non-project node run by a project mechanism, e.g.
// 加快推进270个重大项目, and the latest approved value reported on it.
type Stated struct {
	NodeCode      string   `json:"node_code"`
	NodeTitle     string   `json:"node_title"`
	IndicatorID   int64    `json:"indicator_id"`
	IndicatorName string   `json:"indicator_name"`
	Target        float64  `json:"target"`
	Reported      *float64 `json:"reported,omitempty"`
	Period        string   `json:"period,omitempty"` // of the reported value
}

func stated(in *Input, c *ledgerCtx) *Stated {
	for i := range in.Nodes {
		n := &in.Nodes[i]
		if n.Kind == duban.KindProject || len(n.Mechanisms) == 0 || c.mechanism(n) == nil {
			continue
		}
		for _, ind := range c.byNode[n.Code] {
			if ind.Kind == duban.Cumulative && ind.Unit == "个" && ind.Target != nil {
				s := &Stated{NodeCode: n.Code, NodeTitle: n.Title, IndicatorID: ind.ID, IndicatorName: ind.Name, Target: *ind.Target}
				if res, ok := in.Results[ind.Code]; ok {
					s.Reported, s.Period = res.Value, res.Period
				}
				return s
			}
		}
	}
	return nil
}

// Check is one consistency finding of the ledger.
type Check struct {
	OK bool   `json:"ok"`
	ZH string `json:"zh"`
	EN string `json:"en"`
}

func checks(l *Ledger, in *Input, c *ledgerCtx) []Check {
	var out []Check
	n := l.Counts.Total
	if s := l.Stated; s != nil {
		want := int(s.Target)
		out = append(out, Check{n == want,
			fmt.Sprintf("计划明确 %d 个重大项目（%s），台账共 %d 个%s", want, s.NodeTitle, n, diffZH(n, want)),
			fmt.Sprintf("The plan states %d major projects (%s); the ledger holds %d", want, s.NodeTitle, n)})
		if s.Reported != nil {
			out = append(out, reportedCheck(l, s))
		}
	}
	sum := 0
	for _, v := range l.Counts.ByStage {
		sum += v
	}
	out = append(out, Check{sum == n && l.Counts.Started+l.Counts.NotStarted == n,
		fmt.Sprintf("各阶段合计 %d 个 = 已开工 %d + 未开工 %d", sum, l.Counts.Started, l.Counts.NotStarted),
		fmt.Sprintf("Stages add up to %d = %d started + %d not started", sum, l.Counts.Started, l.Counts.NotStarted)})
	missing := 0
	for i := range l.Rows {
		if l.Rows[i].IndicatorID == 0 {
			missing++
		}
	}
	out = append(out, Check{missing == 0, fmt.Sprintf("%d 个项目没有年度投资指标（无法按月报送投资）", missing),
		fmt.Sprintf("%d projects have no investment indicator", missing)})
	return append(out, finishedShort(l.Rows))
}

// FinishedShare is the least share of the year's planned investment a
// project reported finished (竣工, or 投产 without 竣工) is expected to have
// completed; below it, its stage and its investment contradict each other.
const FinishedShare = 0.8

// finishedShort checks that every project reported finished has reported
// at least FinishedShare of its year's investment, naming those that have
// not.
func finishedShort(rows []Row) Check {
	var codes []string
	for i := range rows {
		r := &rows[i]
		if duban.Finished(r.Pipeline, r.Stage) && r.YearPlan > 0 && r.Rate < FinishedShare {
			codes = append(codes, r.Code)
		}
	}
	zh, en := "", ""
	if len(codes) > 0 {
		shown, more := codes[:min(len(codes), 10)], ""
		if len(codes) > len(shown) {
			more = " …"
		}
		zh, en = "："+strings.Join(shown, "、")+more, ": "+strings.Join(shown, ", ")+more
	}
	return Check{len(codes) == 0,
		fmt.Sprintf("%d 个项目已报竣工或投产，但年度投资完成不足 %.0f%%%s", len(codes), FinishedShare*100, zh),
		fmt.Sprintf("%d projects reported finished have completed less than %.0f%% of the year's investment%s", len(codes), FinishedShare*100, en)}
}

func diffZH(n, want int) string {
	switch {
	case n > want:
		return fmt.Sprintf("，多 %d 个", n-want)
	case n < want:
		return fmt.Sprintf("，缺 %d 个", want-n)
	}
	return "，一致"
}

// reportedCheck holds the reported count of projects under way to the
// ledger: it may trail the ledger (projects started since its period) but
// not exceed what the ledger shows started, plus the projects whose stage
// the ledger only knows from a report older than the count's.
func reportedCheck(l *Ledger, s *Stated) Check {
	got, stale := int(*s.Reported), 0
	for i := range l.Rows {
		if r := &l.Rows[i]; !r.Started() && r.Period < s.Period {
			stale++
		}
	}
	staleZH, staleEN := "", ""
	if stale > 0 {
		staleZH = fmt.Sprintf("（其中 %d 个未开工项目的阶段按 %s 之前的报送计）", stale, s.Period)
		staleEN = fmt.Sprintf(" (%d not started as of reports older than %s)", stale, s.Period)
	}
	return Check{got <= l.Counts.Started+stale,
		fmt.Sprintf("「%s」%s 报送 %d 个；台账中已开工 %d 个%s、按期推进（绿灯或已完成）%d 个", s.IndicatorName, s.Period, got, l.Counts.Started, staleZH,
			l.Counts.ByStatus[string(status.OnTrack)]+l.Counts.ByStatus[string(status.Done)]),
		fmt.Sprintf("%s: %d reported for %s; the ledger has %d started%s", s.IndicatorName, got, s.Period, l.Counts.Started, staleEN)}
}
