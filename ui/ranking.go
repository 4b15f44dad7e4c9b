package ui

import (
	"bytes"
	"fmt"
	"net/http"
	"time"

	"github.com/duban-dev/duban"
	"github.com/duban-dev/duban/bulletin"
	"github.com/duban-dev/duban/rank"
)

// rankCard is the dashboard's 争先排名: the rank scoreboard of the as-of
// month, as of the as-of day.
type rankCard struct {
	Period string
	AsOf   duban.Date
	Rows   []rank.Row
}

// Explain is a row's explanation in the page's language.
func (p *page) Explain(t rank.Text) string {
	if p.Lang == langEN {
		return t.EN
	}
	return t.ZH
}

// ListWord is 红榜 or 黑榜 (red list, black list), or nothing.
func (p *page) ListWord(l rank.List) string {
	if l == "" {
		return ""
	}
	return p.T("rank.list." + string(l))
}

// ranking scores the units for the month holding asOf; nil when bulletins
// are not configured.
func (h *Handler) ranking(r *http.Request, planID int64, asOf duban.Date) (*rankCard, error) {
	if h.cfg.Bulletins == nil {
		return nil, nil
	}
	c := &rankCard{Period: duban.PeriodOf(duban.Monthly, asOf).String(), AsOf: asOf}
	key, changes, now := rankKey{plan: planID, period: c.Period, asOf: asOf}, h.cfg.Tracker.Changes(planID), time.Now()
	if board, ok := h.ranks.get(key, changes, now); ok {
		c.Rows = board.Rows
		return c, nil
	}
	board, err := bulletin.NewService(h.cfg.Bulletins, h.cfg.Tracker).Ranking(r.Context(), planID, c.Period, asOf)
	if err == nil {
		h.ranks.put(key, board, changes, now)
	}
	c.Rows = board.Rows
	return c, err
}

// scoreChart draws the scoreboard as bars of the rank score.
// Scores are points, not a share: the axis has no % and no fixed maximum.
func (c *rankCard) scoreChart(name string, meta chartMeta) barChart {
	b := barChart{chartMeta: meta}
	s := series{Name: name, Colour: "#1565c0"}
	for _, row := range c.Rows {
		b.Labels = append(b.Labels, row.Name)
		s.Data = append(s.Data, row.Score)
	}
	b.Series = []series{s}
	return b
}

// rankingPeriod reads ?period= and ?as_of=: without a period, the month
// of the as-of day; without an as-of day, the period's end or today.
func (h *Handler) rankingPeriod(r *http.Request, err error) (string, duban.Date, error) {
	period := r.URL.Query().Get("period")
	if err != nil {
		return period, duban.Date{}, err
	}
	if period != "" && r.URL.Query().Get("as_of") == "" {
		asOf, err := periodAsOf(period, h.today())
		return period, asOf, err
	}
	asOf, err := h.asOf(r)
	if period == "" {
		period = duban.PeriodOf(duban.Monthly, asOf).String()
	}
	return period, asOf, err
}

// rankingXLSX sends the scoreboard of ?period= (default the as-of month)
// as a workbook, as of ?as_of= or the period's end or today.
func (h *Handler) rankingXLSX(w http.ResponseWriter, r *http.Request) {
	id, err := idParam(r, "id")
	var p *duban.Plan
	if err == nil {
		p, err = h.readablePlan(r, id)
	}
	period, asOf, err := h.rankingPeriod(r, err)
	var board rank.Board
	svc, err := h.serviceIf(err)
	if err == nil {
		board, err = svc.Ranking(r.Context(), p.ID, period, asOf)
	}
	var buf bytes.Buffer
	if err == nil {
		err = bulletin.RankingXLSX(&buf, board)
	}
	if err != nil {
		h.fail(w, r, err)
		return
	}
	sendWorkbook(w, fmt.Sprintf("排名-%s-%s.xlsx", p.Code, period), buf.Bytes())
}
