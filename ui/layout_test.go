package ui_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
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

// squeezedJS names the table cells of the page squeezed so narrow that
// their text runs a character or two a line: a visible cell whose text
// is longer than two characters, narrower than 2.2 of its font's em, and
// whose text takes more than two lines.
const squeezedJS = `(() => {
	const out = [];
	for (const el of document.querySelectorAll("td, th")) {
		const r = el.getBoundingClientRect();
		const text = el.innerText.trim();
		if (r.width === 0 || text.length <= 2) continue;
		const cs = getComputedStyle(el);
		const em = parseFloat(cs.fontSize);
		const line = parseFloat(cs.lineHeight) || em * 1.4;
		if (r.width < 2.2 * em + parseFloat(cs.paddingLeft) + parseFloat(cs.paddingRight) && r.height > 2.5 * line) {
			out.push(text.slice(0, 12) + " (" + Math.round(r.width) + "px)");
		}
	}
	return JSON.stringify(out.slice(0, 5));
})()`

// TestBrowserPhoneLayout opens every page of the walk as every role at
// 390×844 (and each page in English as the role that uses it) and checks
// nothing is wider than the screen and no table cell is squeezed to a
// character or two a line; it saves screenshots of each page, as
// that role, at 390×844, 1440×900 and 1920×1080 (in $DUBAN_ARTIFACTS).
func TestBrowserPhoneLayout(t *testing.T) {
	w := newWalk(t)
	b := newBrowserFor(t, w.e, 15*time.Minute)
	for _, r := range w.roles {
		func() {
			b.do(chromedp.EmulateViewport(1280, 900))
			if r.user != "" {
				b.login(r.user)
				defer func() { b.open("/account/password?lang=zh"); b.logout() }() // a page with the sign-out button
			}
			for _, p := range w.paths(r) {
				langs := []string{"zh"}
				if p.owner == r.role && !strings.Contains(p.path, "lang=") {
					langs = append(langs, "en")
				}
				for _, lang := range langs {
					path := p.path
					if !strings.Contains(path, "lang=") {
						path = withLang(path, lang)
					}
					b.do(chromedp.EmulateViewport(390, 844))
					b.open(path)
					b.waitFor(`document.readyState === "complete"`)
					if got := b.eval(overflowJS); !strings.Contains(got, `"out":[]`) {
						t.Errorf("%s as %s at 390 px: wider than the screen: %s", path, r.role, got)
					}
					if got := b.eval(squeezedJS); got != "[]" {
						t.Errorf("%s as %s at 390 px: table cells squeezed to a character or two a line: %s", path, r.role, got)
					}
				}
				if p.owner != r.role {
					continue
				}
				if strings.Contains(p.path, "lang=") {
					b.open(p.path)
				} else {
					b.open(withLang(p.path, "zh"))
				}
				for _, size := range [][2]int64{{390, 844}, {1440, 900}, {1920, 1080}} {
					b.do(chromedp.EmulateViewport(size[0], size[1]))
					b.waitFor(`document.readyState === "complete"`)
					b.screenshot(fmt.Sprintf("%s-%s-%dx%d", r.role, shotName(p), size[0], size[1]))
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

// shotName turns a page into a file name: /plans/1?screen=1 →
// plans-1-screen-1; a display link is "display", not its secret token.
func shotName(p walkPage) string {
	if p.route == "GET /display/{token}" {
		return "display"
	}
	r := strings.NewReplacer("/", "-", "?", "-", "=", "-", "&", "-")
	s := strings.Trim(r.Replace(p.path), "-")
	if s == "" {
		return "home"
	}
	return s
}
