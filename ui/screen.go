package ui

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strconv"

	"github.com/duban-dev/duban"
	"github.com/duban-dev/duban/status"
	"github.com/duban-dev/duban/tracker"
	"github.com/duban-dev/duban/web"
)

// The 大屏 (wall screen): one screen with no scrolling, its data refreshed
// in place from screen.json, reachable by a signed-in member or by a
// read-only display link (screen_links.go).

const (
	screenParts     = 10 // parts listed; the rest are summed in a line
	screenAttention = 8  // items needing attention listed
)

type screenView struct {
	page
	D       screenData
	DataURL string
	Charts  map[string]barChart
}

// screenData is everything the wall shows; the page draws it once and
// app.js redraws it from the same JSON every minute.
type screenData struct {
	Title     string        `json:"title"`
	AsOf      string        `json:"as_of"`
	Updated   string        `json:"updated"`
	Counts    []screenCount `json:"counts"`
	Items     int           `json:"items"`
	Progress  string        `json:"progress"`
	Expected  string        `json:"expected"`
	Sentence  string        `json:"sentence"`
	Formula   string        `json:"formula"`
	Level     string        `json:"level"`
	Parts     []screenPart  `json:"parts"`
	PartsMore string        `json:"parts_more"`
	Other     string        `json:"other"` // the items in no part, so that the parts add up to Items
	Attention []screenItem  `json:"attention"`
	More      string        `json:"more"`
	Chart     barChart      `json:"chart"`
}

type screenCount struct {
	Status status.Status `json:"status"`
	Word   string        `json:"word"`
	N      int           `json:"n"`
	Text   string        `json:"text"` // a colour readable on the dark card
}

type screenPart struct {
	Title        string  `json:"title"`
	Weight       string  `json:"weight"`
	Share        string  `json:"share"`
	Progress     string  `json:"progress"`
	Expected     string  `json:"expected"`
	Contribution string  `json:"contribution"`
	Behind       bool    `json:"behind"`
	P            float64 `json:"p"` // 0..1 for the bar
	E            float64 `json:"e"`
}

type screenItem struct {
	Title  string        `json:"title"`
	Unit   string        `json:"unit"`
	Status status.Status `json:"status"`
	Word   string        `json:"word"`
	Text   string        `json:"text"`
	Why    string        `json:"why"`
}

// screenText is each light's colour for text on the dark screen: the
// lights' own colours (#7f0000 …) fall below 4.5:1 there. 逾期 is near
// white on its own dark red (class s-overdue in app.css), so it does not
// read as 滞后's red.
var screenText = map[status.Status]string{
	status.Overdue: "#ffd6d6", status.Lagging: "#ff6e6e", status.NotReported: "#ffb74d", status.Warning: "#ffd54f",
	status.OnTrack: "#81c784", status.NotStarted: "#c7ced8", status.Done: "#82b1ff",
}

// memberScreen is the wall screen for a signed-in member (?screen=1).
func (h *Handler) memberScreen(w http.ResponseWriter, r *http.Request) {
	v, err := h.screenOf(r, func(fn func(*duban.Plan, *tracker.PlanStatus) error) error { return h.viewPlan(r, fn) })
	if err != nil {
		h.fail(w, r, err)
		return
	}
	q := url.Values{}
	if a := r.URL.Query().Get("as_of"); a != "" {
		q.Set("as_of", a)
	}
	v.DataURL = r.URL.Path + "/screen.json?" + q.Encode()
	h.render(w, r, http.StatusOK, "screen", v)
}

func (h *Handler) memberScreenJSON(w http.ResponseWriter, r *http.Request) {
	v, err := h.screenOf(r, func(fn func(*duban.Plan, *tracker.PlanStatus) error) error { return h.viewPlan(r, fn) })
	h.writeScreenJSON(w, r, v, err)
}

func (h *Handler) writeScreenJSON(w http.ResponseWriter, r *http.Request, v *screenView, err error) {
	w.Header().Set("Cache-Control", "no-store")
	if err != nil {
		code := duban.ErrorCode(err)
		w.Header().Set("Content-Type", "application/json; charset=utf-8")
		w.WriteHeader(web.HTTPStatus(code))
		json.NewEncoder(w).Encode(map[string]string{"error": duban.ErrorMessage(err)})
		return
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	json.NewEncoder(w).Encode(v.D)
}

// screenOf builds the wall's data through view (a member's or a display
// link's access to one plan).
func (h *Handler) screenOf(r *http.Request, view func(func(*duban.Plan, *tracker.PlanStatus) error) error) (*screenView, error) {
	v := &screenView{page: h.newPage(r, "dash.screen")}
	v.Screen = true
	names := h.unitNames(r)
	err := view(func(p *duban.Plan, ps *tracker.PlanStatus) error {
		v.knowIndicators(ps.Indicators)
		v.D = v.build(p, ps, names)
		return nil
	})
	if err != nil {
		return nil, err
	}
	v.D.Updated = h.cfg.Now().In(duban.Beijing).Format("15:04:05")
	v.Title = v.D.Title + " · " + v.Title
	v.Charts = map[string]barChart{"chart": v.D.Chart}
	return v, nil
}

func (v *screenView) build(p *duban.Plan, ps *tracker.PlanStatus, names map[string]string) screenData {
	hd := status.NewHeadline(ps.Rollup, ps.Nodes)
	d := screenData{Title: p.Title, AsOf: ps.AsOf.String(), Items: hd.Items, Progress: pct1(hd.Progress),
		Expected: pct1(hd.Expected), Sentence: v.Expl(hd.Sentence()), Formula: v.Expl(hd.Formula()), Level: hd.Level}
	if v.Lang == langEN {
		d.Level = "part"
	}
	for _, s := range status.Statuses {
		d.Counts = append(d.Counts, screenCount{Status: s, Word: v.Word(s), N: hd.Counts.Of(s), Text: screenText[s]})
	}
	for i, pt := range hd.Parts {
		if i == screenParts {
			d.PartsMore = fmt.Sprintf(v.T("screen.parts_more"), len(hd.Parts)-screenParts)
			break
		}
		d.Parts = append(d.Parts, screenPart{Title: pt.Title, Weight: strconv.FormatFloat(pt.Weight, 'g', -1, 64),
			Share: pct1(pt.Share), Progress: pct1(pt.Progress), Expected: pct1(pt.Expected),
			Contribution: fmt.Sprintf("%.1f", pt.Contribution()), Behind: round1(pt.Gap) > 0, P: pt.Progress, E: pt.Expected})
	}
	d.Chart, d.Other = v.partsChart(hd, outsideOf(ps))
	att := ps.Dashboard().Attention
	for i, it := range att {
		if i == screenAttention {
			d.More = fmt.Sprintf(v.T("screen.more"), len(att)-screenAttention)
			break
		}
		d.Attention = append(d.Attention, screenItem{Title: it.NodeTitle, Unit: names[it.LeadUnit], Status: it.Status,
			Word: v.Word(it.Status), Text: screenText[it.Status], Why: v.Why(it.Result)})
	}
	return d
}

// partsChart stacks each part's items by status, and the items in no part
// (a rate under the plan's goal, an area with rates only) as a last bar
// so that the bars add up to the headline's count: named 其他（不属任何领域）
// when those are exactly the items outside the areas.
// other says how many items that last bar counts ("" without it).
func (v *screenView) partsChart(hd status.Headline, outside *outsideAreas) (c barChart, other string) {
	c = barChart{chartMeta: chartMeta{Title: v.T("screen.chart"), Axis: v.T("chart.areas.axis")}}
	rest, items := hd.Counts, hd.Items
	for _, p := range hd.Parts {
		c.Labels = append(c.Labels, p.Title)
		for i := range rest {
			rest[i] -= p.Counts[i]
		}
		items -= p.Items
	}
	if items > 0 {
		label := v.T("screen.other")
		if outside != nil && len(outside.Items) == items && hd.Level == duban.KindArea.Label() {
			label = v.T("dash.outside")
		}
		// The axis has room for a short name; the tooltip and the line
		// under the table give the full one.
		c.Full = append(append([]string(nil), c.Labels...), label)
		c.Labels = append(c.Labels, v.T("screen.other_short"))
		other = fmt.Sprintf(v.T(plural("screen.other", items)), label, items)
	}
	for _, s := range status.Statuses {
		ser := series{Name: v.Word(s), Colour: s.Hex()}
		for _, p := range hd.Parts {
			ser.Data = append(ser.Data, float64(p.Counts.Of(s)))
		}
		if items > 0 {
			ser.Data = append(ser.Data, float64(rest.Of(s)))
		}
		c.Series = append(c.Series, ser)
	}
	return c, other
}

// plural is the message id id+"_one" for one, else id+"_many" (English
// agrees in number; Chinese reads the same).
func plural(id string, n int) string {
	if n == 1 {
		return id + "_one"
	}
	return id + "_many"
}

func pct1(v float64) string { return fmt.Sprintf("%.1f%%", v*100) }
