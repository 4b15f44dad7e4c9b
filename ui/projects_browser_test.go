package ui_test

import (
	"bytes"
	"context"
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
