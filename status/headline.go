package status

import (
	"fmt"
	"math"
	"strings"

	"github.com/duban-dev/duban"
)

// Headline is a plan's top line, built so that it cannot contradict its
// parts: the status distribution comes first; the progress figure is the
// plan rollup (each part weighed by its stated weight within its level,
// rates and levels left to their lights); the verdict never says "ahead"
// while most parts are behind; and Parts lists what each part contributed,
// so the figure can be recomputed by hand.
type Headline struct {
	Items    int     `json:"items"`
	Counts   Counts  `json:"counts"`
	Measured int     `json:"measured"` // items averaged into Progress
	Rates    int     `json:"rates"`    // items judged by their light only
	Progress float64 `json:"progress"`
	Expected float64 `json:"expected"`
	Gap      float64 `json:"gap"` // points behind (negative when ahead)
	// Level names the parts (领域, 事项 …); Parts are the first level of the
	// tree, from the plan down, that has more than one measured part.
	Level   string  `json:"level"`
	Parts   []Part  `json:"parts"`
	Behind  int     `json:"behind"` // parts behind 序时进度
	Verdict Verdict `json:"verdict"`
}

// Part is one part's contribution to the headline figure: Progress ×
// Share summed over the parts is the headline Progress.
type Part struct {
	Code     string  `json:"code"` // node code, or indicator code when Item
	Title    string  `json:"title"`
	Item     bool    `json:"item,omitempty"`
	Weight   float64 `json:"weight"`
	Share    float64 `json:"share"` // Weight / the level's total weight
	Progress float64 `json:"progress"`
	Expected float64 `json:"expected"`
	Gap      float64 `json:"gap"`
	Items    int     `json:"items"`
	Counts   Counts  `json:"counts"`
}

// Contribution is the part's share of the headline Progress, in points.
func (p Part) Contribution() float64 { return p.Share * p.Progress * 100 }

// Verdict is how the headline reads its gap.
type Verdict string

const (
	VerdictNone   Verdict = "none"   // nothing measured yet
	VerdictAhead  Verdict = "ahead"  // ahead, and most parts are not behind
	VerdictLevel  Verdict = "level"  // level with 序时进度
	VerdictBehind Verdict = "behind" // behind
	VerdictMixed  Verdict = "mixed"  // the mean is not behind but most parts are
)

// NewHeadline reads the headline off a rollup; nodes give the parts' titles
// and kinds.
func NewHeadline(r *Rollup, nodes []duban.Node) Headline {
	plan := r.Plan()
	h := Headline{Items: plan.Items, Counts: plan.Counts, Measured: plan.Measured, Rates: plan.Items - plan.Measured,
		Progress: plan.Progress, Expected: plan.Expected, Gap: plan.Gap}
	byCode := make(map[string]*duban.Node, len(nodes))
	for i := range nodes {
		byCode[nodes[i].Code] = &nodes[i]
	}
	h.Parts, h.Level = r.headlineParts(byCode)
	for _, p := range h.Parts {
		if round1(p.Gap) > 0 {
			h.Behind++
		}
	}
	h.Verdict = h.verdict()
	return h
}

func (h *Headline) verdict() Verdict {
	g := round1(h.Gap)
	most := h.Behind*2 > len(h.Parts)
	switch {
	case h.Measured == 0:
		return VerdictNone
	case g > 0:
		return VerdictBehind
	case most:
		return VerdictMixed
	case g < 0:
		return VerdictAhead
	}
	return VerdictLevel
}

// headlineParts descends from the plan through single-part levels and lists
// the first level with several measured parts.
func (r *Rollup) headlineParts(nodes map[string]*duban.Node) ([]Part, string) {
	i := len(r.codes)
	for {
		parts := r.measuredParts(i, nodes)
		if len(parts) != 1 || parts[0].Item {
			return parts, levelName(parts, nodes)
		}
		i = r.index[parts[0].Code]
	}
}

func (r *Rollup) measuredParts(i int, nodes map[string]*duban.Node) []Part {
	var parts []Part
	total := 0.0
	for _, k := range r.own[i] {
		res := &r.items[k]
		if res.Rate {
			continue
		}
		var c Counts
		c.add(res.Status)
		title := res.Indicator
		if n := nodes[res.Node]; n != nil {
			title = n.Title
		}
		parts = append(parts, Part{Code: res.Indicator, Title: title, Item: true, Weight: 1,
			Progress: res.Actual, Expected: res.Expected, Gap: res.Gap, Items: 1, Counts: c})
		total++
	}
	for _, c := range r.children[i] {
		a := &r.nodes[c]
		if a.Measured == 0 {
			continue
		}
		title := r.codes[c]
		if n := nodes[title]; n != nil {
			title = n.Title
		}
		parts = append(parts, Part{Code: r.codes[c], Title: title, Weight: r.weight[c],
			Progress: a.Progress, Expected: a.Expected, Gap: a.Gap, Items: a.Items, Counts: a.Counts})
		total += r.weight[c]
	}
	for k := range parts {
		parts[k].Share = parts[k].Weight / total
	}
	return parts
}

// levelName is the kind shared by the parts (领域), else 部分.
func levelName(parts []Part, nodes map[string]*duban.Node) string {
	kind := duban.NodeKind("")
	for _, p := range parts {
		k := duban.KindItem
		if n := nodes[p.Code]; n != nil && !p.Item {
			k = n.Kind
		}
		if kind != "" && k != kind {
			return "部分"
		}
		kind = k
	}
	if kind == "" || kind == duban.KindItem {
		return "事项"
	}
	return kind.Label()
}

func round1(v float64) float64 { return math.Round(v*10) / 10 }

func pct1(v float64) string { return fmt.Sprintf("%.1f%%", v*100) }

// Distribution is the status count sentence that leads the headline:
// 纳入监测的指标共40项，其中已完成3项、正常推进12项….
func (h *Headline) Distribution() Explanation {
	var zh, en []string
	for _, s := range []Status{Done, OnTrack, Warning, Lagging, Overdue, NotReported, NotStarted} {
		zh = append(zh, fmt.Sprintf("%s%d项", s.Label(), h.Counts.Of(s)))
		en = append(en, fmt.Sprintf("%d %s", h.Counts.Of(s), s.LabelEN()))
	}
	return Explanation{
		ZH: fmt.Sprintf("纳入监测的指标共%d项，其中%s", h.Items, strings.Join(zh, "、")),
		EN: fmt.Sprintf("%d items monitored: %s", h.Items, strings.Join(en, ", ")),
	}
}

// GapText reads the gap by the verdict; it says 超出 only for VerdictAhead.
func (h *Headline) GapText() Explanation {
	g := math.Abs(round1(h.Gap))
	switch h.Verdict {
	case VerdictNone:
		return Explanation{ZH: "尚无可计算进度的指标", EN: "no item with measurable progress yet"}
	case VerdictBehind:
		return Explanation{ZH: fmt.Sprintf("落后序时进度%.1f个百分点", g), EN: fmt.Sprintf("%.1f points behind schedule", g)}
	case VerdictAhead:
		return Explanation{ZH: fmt.Sprintf("超出序时进度%.1f个百分点", g), EN: fmt.Sprintf("%.1f points ahead of schedule", g)}
	case VerdictMixed:
		return Explanation{
			ZH: fmt.Sprintf("%d个%s中%d个落后序时进度，加权平均未落后系权重较大的%s所致，不代表整体按序时推进", len(h.Parts), h.Level, h.Behind, h.leaders()),
			EN: fmt.Sprintf("%d of %d parts are behind schedule; the weighted mean is not behind only because of the heavier %s", h.Behind, len(h.Parts), h.leaders()),
		}
	}
	return Explanation{ZH: "与序时进度持平", EN: "level with schedule"}
}

// leaders names the parts not behind, heaviest first (at most two).
func (h *Headline) leaders() string {
	var names []string
	best := append([]Part(nil), h.Parts...)
	for len(names) < 2 {
		k := -1
		for i, p := range best {
			if round1(p.Gap) <= 0 && (k < 0 || p.Share > best[k].Share) {
				k = i
			}
		}
		if k < 0 {
			break
		}
		names = append(names, "「"+best[k].Title+"」")
		best = append(best[:k], best[k+1:]...)
	}
	return strings.Join(names, "、")
}

// Sentence is the whole headline: distribution first, then the weighted
// progress and its verdict.
func (h *Headline) Sentence() Explanation {
	d, g := h.Distribution(), h.GapText()
	if h.Measured == 0 {
		return Explanation{ZH: d.ZH + "；" + g.ZH + "。", EN: d.EN + "; " + g.EN + "."}
	}
	return Explanation{
		ZH: fmt.Sprintf("%s；按各%s权重加权，总体进度%s，序时进度%s，%s。", d.ZH, h.Level, pct1(h.Progress), pct1(h.Expected), g.ZH),
		EN: fmt.Sprintf("%s. Weighted by part, progress is %s against %s expected: %s.", d.EN, pct1(h.Progress), pct1(h.Expected), g.EN),
	}
}

// Formula says how Progress is computed, in words.
func (h *Headline) Formula() Explanation {
	return Explanation{
		ZH: fmt.Sprintf("总体进度 = Σ(各%s权重 × 该%s进度) ÷ Σ权重；每个%s的进度同样按其下各事项的权重加权（同一事项上的多个指标各计1份）。"+
			"增速、比率等水平类指标（本计划%d项）只按红黄绿灯计入状态分布，不参与进度平均。序时进度按同样的权重计算。",
			h.Level, h.Level, h.Level, h.Rates),
		EN: fmt.Sprintf("Progress = Σ(weight × progress) ÷ Σ weight over the parts below; each part's progress is weighted the same way over its own items (indicators on one item count 1 each). "+
			"Rates and levels (%d here) count by their light in the distribution only, never in the average. Expected progress uses the same weights.", h.Rates),
	}
}
