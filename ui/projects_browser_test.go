package ui_test

import (
	"bytes"
	"context"
	"encoding/json"
	"math"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"github.com/duban-dev/duban/demo"
)

// TestWeeklyDispatchInChromium runs a weekly dispatch meeting on the demo:
// the supervisor opens the dispatch list, goes through the lagging projects
// and the open problems, records a decision and prints the list; the
// leader then sees the project map and the likely-to-miss list.
func TestWeeklyDispatchInChromium(t *testing.T) {
	e := newProjectEnv(t)
	b := newBrowser(t, e)
	b.login(demo.SupervisorUsername)
	page := "/plans/" + pjItoa(e.planID) + "/dispatch?mechanism=sdsw"
	b.open(page)
	b.do(chromedp.WaitVisible(chromedp.CSS("#sec-lagging tr.dp-item")))
	lagging := b.count("#sec-lagging tr.dp-item")
	problems := b.count("#sec-problem tr.dp-item")
	if lagging == 0 || problems == 0 {
		t.Fatalf("lagging %d, problems %d", lagging, problems)
	}
	// Open the first open problem's project from the list, then come back.
	b.do(chromedp.Click(chromedp.CSS("#sec-problem tr.dp-item a")), chromedp.WaitVisible(chromedp.CSS("#problems article.problem")))
	b.open(page)
	// On a phone a line is a short card (it was 215 px with its own form).
	b.do(chromedp.EmulateViewport(390, 844))
	b.waitFor(`innerWidth === 390`)
	if h := b.eval(`(() => { const hs = [...document.querySelectorAll("tr.dp-item")].map(e => e.getBoundingClientRect().height).sort((a, b) => a - b); return String(Math.round(hs[hs.length >> 1])); })()`); mustAtoi(t, h) > 120 {
		t.Fatalf("a dispatch line is %s px high on a phone", h)
	}
	b.do(chromedp.EmulateViewport(1280, 900))
	// Record a decision on the first lagging project: its line links the
	// decision form, which returns to the list.
	first := "#sec-lagging tr.dp-item:first-of-type"
	b.clickAndWait(first+" a.dp-record", `document.querySelector("form.decide textarea[name=text]")`)
	b.do(chromedp.SendKeys(chromedp.CSS("form.decide textarea[name=text]"), "本周五前召开专题会，协调施工许可"))
	b.clickAndWait("form.decide button", `document.querySelector(".flash.ok") && document.querySelector(`+jsString(first+" .recorded")+`)`)
	if got := b.text(first + " .recorded"); !bytes.Contains([]byte(got), []byte("本周五前召开专题会")) {
		t.Fatalf("recorded: %q", got)
	}
	b.screenshot("dispatch-list")
	// Print: the links to the forms and the navigation go, the list stays.
	b.do(media("print"))
	hidden, err := chromedp.Run(b.ctx, chromedp.Evaluate[bool](`getComputedStyle(document.querySelector("a.dp-record")).display === "none" && getComputedStyle(document.querySelector("header.top")).display === "none"`))
	if err != nil || !hidden {
		t.Fatalf("print media still shows the forms: %v", err)
	}
	pdf, err := chromedp.Run(b.ctx, chromedp.PrintToPDF())
	if err != nil || !bytes.HasPrefix(pdf, []byte("%PDF")) || len(pdf) < 10_000 {
		t.Fatalf("print: %v, %d bytes", err, len(pdf))
	}
	b.do(media(""))
	b.logout()

	b.login(demo.LeaderUsername)
	b.open("/plans/" + pjItoa(e.planID) + "/projects/map")
	b.do(chromedp.WaitVisible(chromedp.CSS(`#project-map[data-drawn="270"] svg`)))
	// A coordinate frame, not an outline: labelled axes and a 1 km bar.
	if svg := b.eval(`document.querySelector("#project-map svg").textContent`); !strings.Contains(svg, "1 km") ||
		!strings.Contains(svg, "经度 (°E)") || !strings.Contains(svg, "纬度 (°N)") {
		t.Fatalf("the map lacks its scale bar or axis names: %q", svg)
	}
	b.screenshot("project-map")
	b.open("/plans/" + pjItoa(e.planID))
	b.do(chromedp.WaitVisible(chromedp.CSS("#likely-miss li a")), chromedp.WaitVisible(chromedp.CSS(`#dash-map[data-drawn] svg`)))
	if got := b.text("#likely-miss"); !bytes.Contains([]byte(got), []byte("以当前进度，预计")) {
		t.Fatalf("likely to miss: %q", got)
	}
	b.screenshot("dashboard-projects")
}

// TestProblemsPageOnAPhone: at 390×844 the problem ledger is a list of
// short cards (it was 13,000 px for 22 problems with four forms on each):
// the forms show when the card's 处理 is opened.
func TestProblemsPageOnAPhone(t *testing.T) {
	e := newProjectEnv(t)
	b := newBrowser(t, e)
	b.login(demo.SupervisorUsername)
	b.do(chromedp.EmulateViewport(390, 844))
	b.open("/plans/" + pjItoa(e.planID) + "/problems")
	b.waitFor(`document.readyState === "complete" && innerWidth === 390`)
	n := b.count("article.problem")
	if n < 10 || b.eval(`String([...document.querySelectorAll("article.problem form")].filter(f => f.checkVisibility()).length)`) != "0" {
		t.Fatalf("%d problems; forms shown before 处理 is opened", n)
	}
	if h := mustAtoi(t, b.eval(`String(Math.round(document.documentElement.scrollHeight))`)); h > n*350+1500 {
		t.Fatalf("%d problems take %d px", n, h)
	}
	b.do(chromedp.Click(chromedp.CSS("article.problem details.pb-act summary")))
	b.waitFor(`document.querySelector("article.problem form").checkVisibility()`)
}

func mustAtoi(t *testing.T, s string) int {
	t.Helper()
	n, err := strconv.Atoi(s)
	if err != nil {
		t.Fatalf("not a number: %q", s)
	}
	return n
}

func (b *browser) count(sel string) int {
	b.t.Helper()
	n, err := chromedp.Run(b.ctx, chromedp.Evaluate[int](`document.querySelectorAll(`+"`"+sel+"`"+`).length`))
	if err != nil {
		b.t.Fatal(err)
	}
	return n
}

// media emulates a CSS media type ("print"), "" for the screen again.
func media(m string) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: m})
		return err
	})
}

// mapScaleJS measures the drawn project map through the chart's own
// projection: the pixels of one kilometre east and one kilometre north at
// the frame's centre (a degree of longitude is cos(latitude) times as
// long as a degree of latitude), and the drawn length of the 1 km bar.
const mapScaleJS = `(() => {
	const el = document.querySelector("#project-map");
	const c = echarts.getInstanceByDom(el);
	const o = c.getOption(), x = o.xAxis[0], y = o.yAxis[0];
	const cx = (x.min + x.max) / 2, cy = (y.min + y.max) / 2;
	const kx = 111.32 * Math.cos(cy * Math.PI / 180), ky = 110.57;
	const p0 = c.convertToPixel({gridIndex: 0}, [cx, cy]);
	const pe = c.convertToPixel({gridIndex: 0}, [cx + 1 / kx, cy]);
	const pn = c.convertToPixel({gridIndex: 0}, [cx, cy + 1 / ky]);
	const bar = [...el.querySelectorAll("svg path")].find(p => p.getAttribute("stroke") === "#333" && p.getAttribute("stroke-width") === "2");
	return JSON.stringify({east: pe[0] - p0[0], north: p0[1] - pn[1], bar: bar ? bar.getBoundingClientRect().width : -1, width: el.clientWidth});
})()`

// mapTicksJS reads one project's dot against the drawn axis labels: it
// fits pixel = a + b·degrees through the labels' centres on each axis and
// reads the dot's drawn position back to degrees; with the points' extent
// and the axes' extent, to see how much of the frame the points fill.
const mapTicksJS = `(() => {
	const el = document.querySelector("#project-map");
	const c = echarts.getInstanceByDom(el);
	const box = el.getBoundingClientRect();
	const labels = [...el.querySelectorAll("svg text")].filter(t => /^\d+\.\d+°$/.test(t.textContent.trim())).map(t => {
		const r = t.getBoundingClientRect();
		return {v: parseFloat(t.textContent), x: r.left + r.width / 2 - box.left, y: r.top + r.height / 2 - box.top, right: r.right - box.left};
	});
	const fit = (ls, key) => {
		const n = ls.length, mv = ls.reduce((s, l) => s + l.v, 0) / n, mp = ls.reduce((s, l) => s + l[key], 0) / n;
		const b = ls.reduce((s, l) => s + (l.v - mv) * (l[key] - mp), 0) / ls.reduce((s, l) => s + (l.v - mv) * (l.v - mv), 0);
		return {a: mp - b * mv, b: b, n: n};
	};
	const yl = labels.filter(l => l.right < 60), xl = labels.filter(l => l.right >= 60);
	const fx = fit(xl, "x"), fy = fit(yl, "y");
	const data = c.getModel().getSeriesByIndex(0).getData();
	const v = [data.get("x", 0), data.get("y", 0)], at = data.getItemLayout(0);
	const ps = JSON.parse(document.getElementById("map-data").textContent).points;
	const lng = ps.map(p => p.lng), lat = ps.map(p => p.lat), o = c.getOption();
	return JSON.stringify({xLabels: fx.n, yLabels: fy.n, lng: v[0], lat: v[1], readLng: (at[0] - fx.a) / fx.b, readLat: (at[1] - fy.a) / fy.b,
		fillX: (Math.max(...lng) - Math.min(...lng)) / (o.xAxis[0].max - o.xAxis[0].min), fillY: (Math.max(...lat) - Math.min(...lat)) / (o.yAxis[0].max - o.yAxis[0].min)});
})()`

// TestProjectMapKeepsItsScale: on the project map a kilometre is as long
// east-west as north-south and as long as the 1 km bar, at a desktop's
// width, on a phone, and after a map drawn narrow is widened (it was
// about 4:1 at 1440 px: the frame was kept from the first size).
func TestProjectMapKeepsItsScale(t *testing.T) {
	e := newProjectEnv(t)
	b := newBrowser(t, e)
	b.login(demo.LeaderUsername)
	check := func(w, h int64, reload bool) {
		t.Helper()
		b.do(chromedp.EmulateViewport(w, h))
		if reload {
			b.open("/plans/" + pjItoa(e.planID) + "/projects/map")
		}
		b.waitFor(`(() => { const el = document.querySelector("#project-map[data-drawn]"); return el && innerWidth === ` + strconv.FormatInt(w, 10) +
			` && echarts.getInstanceByDom(el).getWidth() === el.clientWidth && el.querySelector("svg"); })()`)
		var m struct{ East, North, Bar, Width float64 }
		if err := json.Unmarshal([]byte(b.eval(mapScaleJS)), &m); err != nil {
			t.Fatal(err)
		}
		if m.East <= 0 || math.Abs(m.East/m.North-1) > 0.02 || math.Abs(m.Bar/m.East-1) > 0.03 {
			t.Errorf("at %d px (map %.0f px wide): 1 km is %.1f px east, %.1f px north, the bar %.1f px", w, m.Width, m.East, m.North, m.Bar)
		}
		// A project's dot reads, against the drawn axis labels, as its own
		// longitude and latitude, at every size.
		var d struct{ XLabels, YLabels, Lng, Lat, ReadLng, ReadLat, FillX, FillY float64 }
		if err := json.Unmarshal([]byte(b.eval(mapTicksJS)), &d); err != nil {
			t.Fatal(err)
		}
		if d.XLabels < 2 || d.YLabels < 2 || math.Abs(d.ReadLng-d.Lng) > 0.003 || math.Abs(d.ReadLat-d.Lat) > 0.003 {
			t.Errorf("at %d px the dot of (%.4f°E, %.4f°N) reads as (%.4f°E, %.4f°N) on the axes (%v/%v labels)", w, d.Lng, d.Lat, d.ReadLng, d.ReadLat, d.XLabels, d.YLabels)
		}
	}
	check(1440, 900, true)
	check(390, 844, false)
	check(1440, 900, false)
	check(390, 844, true)
	check(1920, 1080, false)
}
