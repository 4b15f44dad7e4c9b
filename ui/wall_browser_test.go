package ui_test

import (
	"encoding/json"
	"fmt"
	"strconv"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/duban-dev/duban/demo"
)

// wallLabelsJS finds the area chart's category names under its bars (each
// name's lines are SVG texts that are pieces of it) and returns the names
// found, the pairs whose boxes overlap and those that leave the chart.
const wallLabelsJS = `(() => {
	const data = JSON.parse(document.getElementById("chart-data").textContent).chart;
	const el = document.querySelector(".wall .chart");
	const box = el.getBoundingClientRect();
	const boxes = data.labels.map(() => null);
	for (const t of el.querySelectorAll("svg text")) {
		const s = t.textContent.trim();
		if (!s) continue;
		const hits = data.labels.map((l, i) => l.includes(s) ? i : -1).filter(i => i >= 0);
		if (hits.length !== 1) continue;
		const r = t.getBoundingClientRect(), i = hits[0];
		const b = boxes[i] || {l: r.left, r: r.right, t: r.top, b: r.bottom};
		boxes[i] = {l: Math.min(b.l, r.left), r: Math.max(b.r, r.right), t: Math.min(b.t, r.top), b: Math.max(b.b, r.bottom)};
	}
	const overlaps = [], outside = [];
	boxes.forEach((a, i) => {
		if (!a) return;
		if (a.l < box.left - 1 || a.r > box.right + 1 || a.b > box.bottom + 1) outside.push(data.labels[i]);
		boxes.forEach((b, j) => {
			if (j <= i || !b) return;
			if (a.l < b.r - 1 && b.l < a.r - 1 && a.t < b.b - 1 && b.t < a.b - 1) overlaps.push(data.labels[i] + " / " + data.labels[j]);
		});
	});
	return JSON.stringify({labels: data.labels, full: data.full || [], found: boxes.filter(Boolean).length, overlaps, outside});
})()`

// wallTypeJS returns the font sizes of the wall's small print and the
// colours of the 逾期 and 滞后 tiles.
const wallTypeJS = `(() => {
	const px = sel => [...document.querySelectorAll(sel)].filter(n => n.textContent.trim()).map(n => parseFloat(getComputedStyle(n).fontSize));
	const rgb = s => (s.match(/[\d.]+/g) || []).slice(0, 3).map(Number);
	const tile = id => { const n = document.getElementById(id); return {fg: rgb(getComputedStyle(n).color), bg: rgb(getComputedStyle(n.parentElement).backgroundColor)}; };
	return JSON.stringify({formula: px("#s-formula"), why: px("#s-attention .why"), muted: px(".wall p.muted"), overdue: tile("s-n-overdue"), lagging: tile("s-n-lagging")});
})()`

func colourDistance(a, b []float64) float64 {
	d := 0.0
	for i := range a {
		d += (a[i] - b[i]) * (a[i] - b[i])
	}
	return d
}

// TestBrowserWallReadable opens the wall at 1440 and 1920 wide, as a
// member (?screen=1) and by a display link: the area chart's names do not
// run into each other (the items in no area are 其他 on the axis, the
// full name in the tooltip), the small print is at least 16px on a 1080p
// screen, and the 逾期 tile is clearly not the 滞后 tile's colour.
func TestBrowserWallReadable(t *testing.T) {
	e := newEnv(t)
	admin := e.client()
	admin.login(demo.AdminUsername)
	link := e.createDisplayLink(t, admin)
	b := newBrowserFor(t, e, 3*time.Minute)
	b.login(demo.LeaderUsername)
	member := "/plans/" + strconv.FormatInt(e.planID, 10) + "?screen=1"
	for _, page := range []string{member, link} {
		for _, size := range [][2]int64{{1440, 900}, {1920, 1080}} {
			name := fmt.Sprintf("%s at %dx%d", page, size[0], size[1])
			b.do(chromedp.EmulateViewport(size[0], size[1]))
			b.open(page)
			b.waitFor(`document.readyState === "complete" && document.querySelector(".wall .chart svg text")`)
			var l struct {
				Labels, Full, Overlaps, Outside []string
				Found                           int
			}
			if err := json.Unmarshal([]byte(b.eval(wallLabelsJS)), &l); err != nil {
				t.Fatal(err)
			}
			if n := len(l.Labels); n != 7 || l.Labels[n-1] != "其他" || len(l.Full) != n || l.Full[n-1] != "其他（不属任何领域）" {
				t.Errorf("%s: chart names %q, full %q", name, l.Labels, l.Full)
			}
			if l.Found != len(l.Labels) || len(l.Overlaps) > 0 || len(l.Outside) > 0 {
				t.Errorf("%s: %d of %d names drawn; overlapping %q; outside the chart %q", name, l.Found, len(l.Labels), l.Overlaps, l.Outside)
			}
			var ty struct {
				Formula, Why, Muted []float64
				Overdue, Lagging    struct{ Fg, Bg []float64 }
			}
			if err := json.Unmarshal([]byte(b.eval(wallTypeJS)), &ty); err != nil {
				t.Fatal(err)
			}
			if size[0] == 1920 {
				for what, sizes := range map[string][]float64{"formula": ty.Formula, "why": ty.Why, "muted": ty.Muted} {
					for _, px := range sizes {
						if px < 16 {
							t.Errorf("%s: %s text %.1fpx, want 16px at least", name, what, px)
						}
					}
					if len(sizes) == 0 {
						t.Errorf("%s: no %s text", name, what)
					}
				}
			}
			// Squared RGB distance: 100 apart in a channel or more.
			if colourDistance(ty.Overdue.Fg, ty.Lagging.Fg) < 100*100 && colourDistance(ty.Overdue.Bg, ty.Lagging.Bg) < 100*100 {
				t.Errorf("%s: the 逾期 tile %v on %v looks like the 滞后 tile %v on %v", name, ty.Overdue.Fg, ty.Overdue.Bg, ty.Lagging.Fg, ty.Lagging.Bg)
			}
		}
		b.screenshot("wall-readable-" + map[bool]string{true: "member", false: "link"}[page == member])
	}
}
