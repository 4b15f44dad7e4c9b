package ui_test

import (
	"fmt"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/duban-dev/duban/demo"
)

// overflowJS measures the page's horizontal overflow and names the widest
// elements that stick out, for the failure message.
const overflowJS = `(() => {
	const w = innerWidth, sw = document.documentElement.scrollWidth;
	const out = [];
	if (sw > w) {
		for (const el of document.querySelectorAll("body *")) {
			const r = el.getBoundingClientRect();
			const pr = el.parentElement.getBoundingClientRect();
			if (r.right > w + 0.5 && r.width > 0 && pr.right <= w + 0.5) {
				out.push(el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") + (el.className && typeof el.className === "string" ? "." + el.className.trim().replace(/\s+/g, ".") : "") + " right=" + Math.round(r.right));
			}
		}
	}
	return JSON.stringify({w, sw, out: out.slice(-6)});
})()`

type rolePages struct {
	role, user string
	paths      []string
}

// everyRole lists, per role, the pages that role uses (pages it may not
// use answer 403, which must fit too).
func everyRole(e *env, t *testing.T) []rolePages {
	id, _, unit, _ := e.pick(t)
	plan := "/plans/" + strconv.FormatInt(e.planID, 10)
	item := "/indicators/" + strconv.FormatInt(id, 10)
	// English last, then back to Chinese: the language is a cookie.
	common := []string{"/", plan, plan + "/tree", plan + "?screen=1", item, plan + "/bulletins", "/notices", plan + "?lang=en", "/account/password?lang=zh"}
	return []rolePages{
		{"public", "", []string{"/login", "/public" + plan, "/public" + plan + "?lang=en", "/login?lang=zh"}},
		{"reporter", reporterOf(unit), append([]string{"/workspace", item + "/report"}, common...)},
		{"leader", demo.LeaderUsername, common},
		{"supervisor", demo.SupervisorUsername, append([]string{"/review", "/audit"}, common...)},
		{"admin", demo.AdminUsername, append([]string{"/admin", "/admin/users/" + demo.SupervisorUsername, "/admin/import-text", "/audit"}, common...)},
	}
}

// TestBrowserPhoneLayout opens every page as every role at 390×844 and
// checks nothing is wider than the screen; it saves screenshots of each
// page at 390×844, 1440×900 and 1920×1080 (in $DUBAN_ARTIFACTS).
func TestBrowserPhoneLayout(t *testing.T) {
	e := newEnv(t)
	e.issueRuleNotices(t)
	shot := map[string]bool{}
	b := newBrowserFor(t, e, 10*time.Minute)
	for _, rp := range everyRole(e, t) {
		func() {
			b.do(chromedp.EmulateViewport(1280, 900))
			if rp.user != "" {
				b.login(rp.user)
				defer b.logout()
			}
			for _, p := range rp.paths {
				b.do(chromedp.EmulateViewport(390, 844))
				b.open(p)
				b.waitFor(`document.readyState === "complete"`)
				if got := b.eval(overflowJS); !strings.Contains(got, `"out":[]`) {
					t.Errorf("%s as %s at 390 px: wider than the screen: %s", p, rp.role, got)
				}
				name := shotName(p)
				if shot[name] {
					continue
				}
				shot[name] = true
				for _, size := range [][2]int64{{390, 844}, {1440, 900}, {1920, 1080}} {
					b.do(chromedp.EmulateViewport(size[0], size[1]))
					b.waitFor(`document.readyState === "complete"`)
					b.screenshot(fmt.Sprintf("%s-%s-%dx%d", rp.role, name, size[0], size[1]))
				}
			}
		}()
	}
}

func (b *browser) eval(js string) string {
	b.t.Helper()
	s, err := chromedp.Run(b.ctx, chromedp.Evaluate[string](js))
	if err != nil {
		b.t.Fatalf("evaluate: %v", err)
	}
	return s
}

// shotName turns a path into a file name: /plans/1?screen=1 → plans-1-screen-1.
func shotName(p string) string {
	r := strings.NewReplacer("/", "-", "?", "-", "=", "-", "&", "-")
	s := strings.Trim(r.Replace(p), "-")
	if s == "" {
		return "home"
	}
	return s
}
