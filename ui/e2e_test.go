package ui_test

import (
	"context"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/duban-dev/duban"
	"github.com/duban-dev/duban/demo"
	"github.com/duban-dev/duban/status"
	"github.com/duban-dev/duban/tracker"
)

// pick finds an indicator with a numeric target that is neither done nor
// judged by milestones, and an indicator of another unit.
func (e *env) pick(t *testing.T) (id int64, target float64, unit string, otherID int64) {
	t.Helper()
	err := tracker.NewService(e.db).View(context.Background(), e.planID, asOf, func(ps *tracker.PlanStatus) error {
		inds := map[int64]duban.Indicator{}
		for _, ind := range ps.Indicators {
			inds[ind.ID] = ind
		}
		for _, it := range ps.Items() {
			ind := inds[it.IndicatorID]
			ok := ind.Kind == duban.Cumulative && ind.Target != nil && ind.Comparator != duban.AtMost &&
				it.Status != status.Done
			if id == 0 && ok {
				id, target, unit = ind.ID, *ind.Target, it.LeadUnit
			}
		}
		for _, it := range ps.Items() {
			if otherID == 0 && unit != "" && it.LeadUnit != unit {
				otherID = it.IndicatorID
			}
		}
		return nil
	})
	if err != nil || id == 0 || otherID == 0 {
		t.Fatalf("no suitable indicator in the demo plan (err %v)", err)
	}
	return id, target, unit, otherID
}

// TestBrowserReportApprove walks the main path in a real browser: a unit
// reports (its form refuses another unit's item), the supervision office
// approves, and the item's light and the dashboard change; the public sees
// the public page and nothing else. It saves screenshots of the dashboard,
// the tree and the report form.
func TestBrowserReportApprove(t *testing.T) {
	e := newEnv(t)
	id, target, unit, otherID := e.pick(t)
	b := newBrowser(t, e)
	plan := "/plans/" + strconv.FormatInt(e.planID, 10)
	item := "/indicators/" + strconv.FormatInt(id, 10)

	b.login("duchashi")
	b.open(plan)
	doneBefore := b.text("#count-done .num")
	b.screenshot("dashboard")
	b.open(plan + "/tree")
	b.screenshot("tree")
	b.open(plan + "/tree?status=lagging")
	b.screenshot("tree-filtered")
	b.logout()

	b.login(demo.ReporterUsername(unit))
	b.open("/indicators/" + strconv.FormatInt(otherID, 10) + "/report")
	if h := b.text("h1"); !strings.Contains(h, "403") {
		t.Errorf("another unit's form: heading %q, want 403", h)
	}
	b.open(item + "/report")
	b.do(chromedp.EmulateViewport(390, 844))
	b.screenshot("report-form")
	b.do(chromedp.EmulateViewport(1280, 900),
		chromedp.SetUploadFiles(chromedp.CSS("#photo"), []string{sitePhoto(t)}),
		chromedp.SendKeys(chromedp.CSS("#value"), strconv.FormatFloat(target, 'f', -1, 64)),
		chromedp.SendKeys(chromedp.CSS("#note"), "已全部完成，现场照片见附件。"))
	b.clickAndWait(`button[value="submit"]`, `document.querySelector(".flash.ok") !== null`)
	if loc := b.location(); !strings.Contains(loc, "/workspace?saved=submitted") {
		t.Fatalf("after submitting: at %s", loc)
	}
	b.logout()

	b.login("duchashi")
	b.open("/review")
	b.clickAndWait(`article:has(a[href="`+item+`"]) form[action$="/approve"] button`,
		`location.search.includes("done=approve") && document.querySelector(".flash.ok") !== null`)
	b.open(item)
	if word := b.text("section.card .light"); !strings.HasSuffix(word, "已完成") {
		t.Errorf("item light after approval: %q, want 已完成", word)
	}
	loaded, err := chromedp.Run(b.ctx, chromedp.Evaluate[bool](`(() => { const i = document.querySelector("ul.thumbs img"); return !!i && i.complete && i.naturalWidth > 0; })()`))
	if err != nil || !loaded {
		t.Errorf("the report's photo is not shown as a thumbnail on the item page (err %v)", err)
	}
	b.screenshot("indicator")
	b.open(plan)
	if after := b.text("#count-done .num"); after == doneBefore {
		t.Errorf("dashboard done count stayed %s after approval", after)
	}
	b.logout()

	b.open("/public" + plan)
	if h := b.text("h1"); !strings.Contains(h, "二七区") {
		t.Errorf("public page heading %q", h)
	}
	b.open(plan)
	if loc := b.location(); !strings.Contains(loc, "/login?next=") {
		t.Errorf("public visitor on the dashboard: at %s, want the sign-in page", loc)
	}
}

// TestBrowserMorePages renders the other pages in Chromium for their
// screenshots, and checks the big-screen dashboard draws its charts and the
// text-import review highlights each quote.
// sitePhoto writes a small PNG, standing in for a photo taken on site.
func sitePhoto(t *testing.T) string {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, 160, 120))
	for y := range 120 {
		for x := range 160 {
			img.Set(x, y, color.RGBA{uint8(x), uint8(y * 2), 160, 255})
		}
	}
	p := filepath.Join(t.TempDir(), "现场.png")
	f, err := os.Create(p)
	if err == nil {
		err = png.Encode(f, img)
		f.Close()
	}
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func TestBrowserMorePages(t *testing.T) {
	e := newEnv(t)
	e.issueRuleNotices(t)
	_, _, unit, _ := e.pick(t)
	b := newBrowser(t, e)
	plan := "/plans/" + strconv.FormatInt(e.planID, 10)

	b.login(reporterOf(unit))
	b.do(chromedp.EmulateViewport(390, 844))
	b.open("/workspace")
	b.screenshot("workspace-phone")
	b.open(plan)
	b.screenshot("dashboard-phone")
	b.do(chromedp.EmulateViewport(1280, 900))
	b.logout()

	b.login("admin")
	b.open(plan + "?screen=1")
	b.screenshot("screen")
	b.open(plan + "?lang=en")
	b.screenshot("dashboard-en")
	b.open(plan + "?lang=zh")
	b.open("/notices")
	b.screenshot("notices")
	b.open("/admin")
	b.screenshot("admin")
	b.open(plan + "/bulletins")
	b.do(chromedp.SetValue(chromedp.CSS("#b-period"), "2021-06"))
	// Issuing is a preview first, then a confirm.
	b.clickAndWait(`form.form button[type="submit"]`, `document.querySelector("#confirm-issue") !== null`)
	b.clickAndWait(`#confirm-issue`, `document.querySelector(".flash.ok") !== null`)
	if n := b.text("#h-bul + .scroll tbody th a"); !strings.Contains(n, "二七督〔2021〕") {
		t.Errorf("bulletins page after issuing: first number %q", n)
	}
	b.screenshot("bulletins")
	b.open(plan + "#rank")
	b.do(chromedp.WaitVisible(chromedp.CSS("#h-rank")))
	b.screenshot("dashboard-ranking")
	b.open("/admin/import-text")
	b.do(chromedp.SetValue(chromedp.CSS("#text"), "二、主要目标\n今年全区地区生产总值增长7%左右；年底前新建5G基站1100个以上。力争3年内新启动建设10个小微企业园。"))
	b.clickAndWait(`form.form button[type="submit"]`, `document.querySelector("fieldset.proposal mark") !== null`)
	if q := b.text("fieldset.proposal mark"); q == "" {
		t.Error("text import review: no highlighted quote")
	}
	b.screenshot("import-review")
	b.clickAndWait(`form.review-targets > .buttons button`, `document.querySelector(".tree") !== null`)
	if loc := b.location(); !strings.Contains(loc, "/tree") {
		t.Errorf("after creating the draft plan: at %s, want its tree", loc)
	}
}
