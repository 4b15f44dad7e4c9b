package ui_test

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/duban-dev/duban/demo"
)

// TestBrowserDateHints: headless Chromium in an English locale shows a
// date field as mm/dd/yyyy whatever the page's lang="zh-CN" (checked: the
// field reads the browser's locale, not the document's), so on Chinese
// pages each date field has the day it holds written beside it
// (2021年7月15日), 年-月-日 while empty, following what is typed; English
// pages have none.
func TestBrowserDateHints(t *testing.T) {
	e := newEnv(t)
	b := newBrowser(t, e)
	b.login(demo.SupervisorUsername)
	b.open(e.path("/plans/{id}/tree", e.planID))
	b.waitFor(`document.readyState === "complete" && document.querySelectorAll(".date-hint").length === 2`)
	if lang := b.eval(`document.documentElement.lang`); lang != "zh-CN" {
		t.Errorf("html lang %q, want zh-CN", lang)
	}
	if got := b.eval(`[...document.querySelectorAll(".date-hint")].map(h => h.textContent).join("|")`); got != "年-月-日|年-月-日" {
		t.Errorf("empty date fields' hints: %q", got)
	}
	b.eval(`(() => { const i = document.querySelector('input[name="deadline_from"]'); i.value = "2021-09-30"; i.dispatchEvent(new Event("input")); return ""; })()`)
	b.waitFor(`document.querySelector('input[name="deadline_from"]').nextElementSibling.textContent === "2021年9月30日"`)
	if d := b.eval(`document.querySelector('input[name="deadline_from"]').getAttribute("aria-describedby")`); !strings.HasPrefix(d, "date-hint-") {
		t.Errorf("the date field is not described by its hint: %q", d)
	}
	b.open(e.path("/plans/{id}", e.planID))
	b.waitFor(`document.readyState === "complete" && document.querySelector("#as_of + .date-hint") !== null`)
	if got := b.text("#as_of + .date-hint"); got != "2021年7月15日" {
		t.Errorf("the dashboard's as-of hint: %q", got)
	}
	b.open(e.path("/plans/{id}?lang=en", e.planID))
	b.waitFor(`document.readyState === "complete" && document.documentElement.lang === "en"`)
	if n := b.eval(`String(document.querySelectorAll(".date-hint").length)`); n != "0" {
		t.Errorf("English page: %s date hints, want none", n)
	}
}

// TestBrowserCopyDisplayLink: the page that creates a display link copies
// its whole URL with one click and says so.
func TestBrowserCopyDisplayLink(t *testing.T) {
	e := newEnv(t)
	b := newBrowser(t, e)
	b.login(demo.AdminUsername)
	b.open(e.path("/plans/{id}/display-links", e.planID))
	b.waitFor(`document.readyState === "complete" && document.querySelector("#label") !== null`)
	b.eval(`(() => { document.querySelector("#label").value = "三楼会议室"; return ""; })()`)
	b.clickAndWait(`form.form button[type=submit]`, `document.querySelector("#copy-link") !== null && !document.querySelector("#copy-link").hidden`)
	b.do(chromedp.Click(chromedp.CSS("#copy-link")))
	b.waitFor(`document.getElementById("copy-status").textContent !== ""`)
	if got := b.text("#copy-status"); got != "已复制" {
		t.Errorf("copy status %q, want 已复制", got)
	}
	link := b.eval(`document.getElementById("new-link-text").value`)
	if !strings.HasPrefix(link, b.base+"/display/") {
		t.Fatalf("the field holds %q", link)
	}
	b.open(strings.TrimPrefix(link, b.base))
	b.waitFor(`document.readyState === "complete" && document.querySelector(".wall") !== null`)
}
