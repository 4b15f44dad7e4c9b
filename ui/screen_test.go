package ui_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/duban-dev/duban/demo"
)

var newLink = regexp.MustCompile(`id="new-link" href="http://[^/"]+(/display/[A-Za-z0-9_-]+)"`)

// createDisplayLink creates a display link as the administrator and
// returns its path.
func (e *env) createDisplayLink(t *testing.T, c *client) string {
	t.Helper()
	links := "/plans/" + strconv.FormatInt(e.planID, 10) + "/display-links"
	res := c.post(links, links, url.Values{"label": {"三楼会议室"}})
	m := newLink.FindStringSubmatch(res.body)
	if res.status != http.StatusOK || m == nil {
		t.Fatalf("create display link: %d, no link in %.400s", res.status, res.body)
	}
	return m[1]
}

// TestDisplayLinkGrantsOnlyTheScreen: the link opens the plan's screen and
// its data without a session, nothing else, and stops working once revoked;
// only administrators manage links.
func TestDisplayLinkGrantsOnlyTheScreen(t *testing.T) {
	e := newEnv(t)
	admin := e.client()
	admin.login(demo.AdminUsername)
	link := e.createDisplayLink(t, admin)
	plan := "/plans/" + strconv.FormatInt(e.planID, 10)

	anon := e.client()
	if res := anon.get(link); res.status != http.StatusOK || !strings.Contains(res.body, `class="wall"`) || !strings.Contains(res.body, "二七区2021年重点工作任务") {
		t.Fatalf("display link: %d %.300s", res.status, res.body)
	}
	res := anon.get(link + "/data.json")
	var d struct {
		Progress string `json:"progress"`
		AsOf     string `json:"as_of"`
		Parts    []struct{ Title string }
	}
	if err := json.Unmarshal([]byte(res.body), &d); err != nil || res.status != http.StatusOK || len(d.Parts) != 6 || d.Progress == "" {
		t.Fatalf("display data: %d %v %+v", res.status, err, d)
	}
	for _, p := range []string{plan, plan + "/tree", plan + "/screen.json", "/notices", link + "/../../plans/1"} {
		if res := anon.get(p); res.status == http.StatusOK {
			t.Errorf("the display link's visitor got %s: 200", p)
		}
	}
	for _, user := range []string{demo.SupervisorUsername, demo.LeaderUsername} {
		c := e.client()
		c.login(user)
		if res := c.get(plan + "/display-links"); res.status != http.StatusForbidden {
			t.Errorf("%s on the display links page: %d, want 403", user, res.status)
		}
	}
	page := admin.get(plan + "/display-links").body
	m := regexp.MustCompile(`action="(` + regexp.QuoteMeta(plan) + `/display-links/\d+/revoke)"`).FindStringSubmatch(page)
	if m == nil {
		t.Fatalf("no revoke button on the links page")
	}
	if res := admin.post(plan+"/display-links", m[1], url.Values{}); res.status != http.StatusSeeOther {
		t.Fatalf("revoke: %d", res.status)
	}
	if res := anon.get(link); res.status != http.StatusNotFound {
		t.Errorf("revoked link: %d, want 404", res.status)
	}
	if res := anon.get(link + "/data.json"); res.status != http.StatusNotFound {
		t.Errorf("revoked link's data: %d, want 404", res.status)
	}
}

// contrastJS returns the visible text elements whose contrast with their
// background is below WCAG AA (4.5:1; 3:1 for large text).
const contrastJS = `(() => {
	const rgb = s => { const m = s.match(/[\d.]+/g) || [0, 0, 0, 0]; return m.map(Number).concat(m.length < 4 ? [1] : []); };
	const lum = c => { const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); }; return 0.2126 * f(c[0]) + 0.7152 * f(c[1]) + 0.0722 * f(c[2]); };
	const bgOf = el => {
		const layers = [];
		for (let n = el; n; n = n.parentElement) { const c = rgb(getComputedStyle(n).backgroundColor); if (c[3] > 0) { layers.push(c); if (c[3] >= 1) break; } }
		let out = [255, 255, 255];
		for (let i = layers.length - 1; i >= 0; i--) { const a = layers[i][3]; out = out.map((v, k) => layers[i][k] * a + v * (1 - a)); }
		return out;
	};
	const bad = [];
	let checked = 0;
	for (const el of document.querySelectorAll("body *")) {
		if (el.closest("svg, .sr, [hidden], script, style")) continue;
		const own = [...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim());
		if (!own) continue;
		const r = el.getBoundingClientRect();
		if (r.width === 0 || r.height === 0) continue;
		const st = getComputedStyle(el);
		const fg = rgb(st.color), bg = bgOf(el);
		const a = fg[3], mixed = fg.slice(0, 3).map((v, k) => v * a + bg[k] * (1 - a));
		const l1 = lum(mixed), l2 = lum(bg);
		const ratio = (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);
		const size = parseFloat(st.fontSize), bold = parseInt(st.fontWeight, 10) >= 700;
		const need = size >= 24 || (bold && size >= 18.66) ? 3 : 4.5;
		checked++;
		if (ratio < need) bad.push(el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") + " «" + el.textContent.trim().slice(0, 20) + "» " + ratio.toFixed(2) + ":1");
	}
	return JSON.stringify({checked, bad: bad.slice(0, 12)});
})()`

const fitsJS = `JSON.stringify({w: innerWidth, h: innerHeight, sw: document.documentElement.scrollWidth, sh: document.documentElement.scrollHeight})`

// TestBrowserWallScreen opens a display link on a 1080p and a 4K screen:
// one screen with no scrolling, every text at WCAG AA contrast, and the
// data redrawn in place from JSON without reloading the page.
func TestBrowserWallScreen(t *testing.T) {
	e := newEnv(t)
	admin := e.client()
	admin.login(demo.AdminUsername)
	link := e.createDisplayLink(t, admin)
	b := newBrowserFor(t, e, 3*time.Minute)
	for _, size := range [][2]int64{{1920, 1080}, {3840, 2160}} {
		b.do(chromedp.EmulateViewport(size[0], size[1]))
		b.open(link)
		b.waitFor(`document.readyState === "complete" && (!window.echarts || document.querySelector(".wall .chart svg"))`)
		var fit struct{ W, H, SW, SH int }
		if err := json.Unmarshal([]byte(b.eval(fitsJS)), &fit); err != nil {
			t.Fatal(err)
		}
		if fit.SW > fit.W || fit.SH > fit.H {
			t.Errorf("%dx%d: the wall scrolls: content %dx%d in %dx%d", size[0], size[1], fit.SW, fit.SH, fit.W, fit.H)
		}
		var c struct {
			Checked int
			Bad     []string
		}
		if err := json.Unmarshal([]byte(b.eval(contrastJS)), &c); err != nil {
			t.Fatal(err)
		}
		if c.Checked < 50 || len(c.Bad) > 0 {
			t.Errorf("%dx%d: %d texts checked; below WCAG AA: %v", size[0], size[1], c.Checked, c.Bad)
		}
		b.screenshot(fmt.Sprintf("wall-%dx%d", size[0], size[1]))
	}
	// Spoil two numbers, mark the window, refresh: the numbers come back
	// from the JSON and the mark survives (no reload).
	b.eval(`(() => { window.__kept = 1; document.getElementById("s-n-done").textContent = "x"; document.getElementById("s-progress").textContent = "x"; document.querySelector(".wall").refreshNow(); return ""; })()`)
	b.waitFor(`document.getElementById("s-n-done").textContent !== "x" && document.getElementById("s-progress").textContent.endsWith("%")`)
	if kept := b.eval(`String(window.__kept)`); kept != "1" {
		t.Errorf("the page reloaded on refresh (marker %q)", kept)
	}
	if rows := b.eval(`String(document.querySelectorAll("#s-parts tr").length)`); rows != "6" {
		t.Errorf("parts after refresh: %s rows, want 6", rows)
	}
}
