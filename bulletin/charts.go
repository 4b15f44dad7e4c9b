package bulletin

import (
	"fmt"
	"html"
	"html/template"
	"strings"

	"github.com/duban-dev/duban/status"
)

// Charts are static inline SVG so that they print and need no script.

const svgFont = `font-family="FangSong, STFangsong, 'Noto Serif CJK SC', 'WenQuanYi Micro Hei', serif"`

// areaChart draws each area's progress as a bar with its 序时进度 as a
// tick, coloured by how far the area lags.
func areaChart(areas []Area) template.HTML {
	const left, width, row, top = 130.0, 330.0, 30.0, 26.0
	h := top + row*float64(len(areas)) + 10
	var b strings.Builder
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 600 %.0f" width="600" height="%.0f" role="img" aria-label="分领域推进情况" %s font-size="13">`, h, h, svgFont)
	legend := []struct{ colour, text string }{{gapColour(0), "实际进度：正常"}, {gapColour(20), "落后超10个百分点"}, {gapColour(40), "落后超30个百分点"}}
	for i, l := range legend {
		x := left + 120*float64(i)
		fmt.Fprintf(&b, `<rect x="%.0f" y="6" width="12" height="10" fill="%s"/><text x="%.0f" y="15">%s</text>`, x, l.colour, x+16, l.text)
	}
	fmt.Fprintf(&b, `<line x1="%.0f" y1="4" x2="%.0f" y2="18" stroke="#000" stroke-width="2"/><text x="%.0f" y="15">序时进度</text>`, left+372, left+372, left+378)
	for i, a := range areas {
		y := top + row*float64(i)
		fmt.Fprintf(&b, `<text x="%.0f" y="%.0f" text-anchor="end">%s</text>`, left-8, y+15, html.EscapeString(short(a.Title, 10)))
		fmt.Fprintf(&b, `<rect x="%.0f" y="%.0f" width="%.0f" height="18" fill="#eeeeee"/>`, left, y+2, width)
		fmt.Fprintf(&b, `<rect x="%.0f" y="%.0f" width="%.1f" height="18" fill="%s"/>`, left, y+2, width*clamp(a.Progress), gapColour(a.Gap))
		x := left + width*clamp(a.Expected)
		fmt.Fprintf(&b, `<line x1="%.1f" y1="%.0f" x2="%.1f" y2="%.0f" stroke="#000" stroke-width="2"/>`, x, y, x, y+22)
		fmt.Fprintf(&b, `<text x="%.0f" y="%.0f">%s / %s</text>`, left+width+6, y+15, pct(a.Progress), pct(a.Expected))
	}
	b.WriteString(`</svg>`)
	return template.HTML(b.String())
}

// statusChart draws the number of items in each status as columns in the
// status colours.
func statusChart(s Summary) template.HTML {
	const colW, base, maxH = 70.0, 150.0, 110.0
	most := 1
	for _, st := range status.Statuses {
		most = max(most, s.Count(st))
	}
	var b strings.Builder
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 520 180" width="440" height="152" role="img" aria-label="各状态事项数" %s font-size="13">`, svgFont)
	fmt.Fprintf(&b, `<line x1="10" y1="%.0f" x2="510" y2="%.0f" stroke="#999"/>`, base, base)
	for i, st := range status.Statuses {
		n := s.Count(st)
		hgt := maxH * float64(n) / float64(most)
		x := 20 + colW*float64(i)
		fmt.Fprintf(&b, `<rect x="%.0f" y="%.1f" width="44" height="%.1f" fill="%s"/>`, x, base-hgt, hgt, st.Hex())
		fmt.Fprintf(&b, `<text x="%.0f" y="%.1f" text-anchor="middle">%d</text>`, x+22, base-hgt-5, n)
		fmt.Fprintf(&b, `<text x="%.0f" y="%.0f" text-anchor="middle">%s</text>`, x+22, base+18, st.Label())
	}
	b.WriteString(`</svg>`)
	return template.HTML(b.String())
}

func gapColour(gap float64) string {
	switch {
	case gap > 30:
		return status.Lagging.Hex()
	case gap > 10:
		return status.Warning.Hex()
	}
	return status.OnTrack.Hex()
}

func clamp(f float64) float64 { return min(1, max(0, f)) }

func short(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

func pct(f float64) string { return fmt.Sprintf("%.1f%%", f*100) }
