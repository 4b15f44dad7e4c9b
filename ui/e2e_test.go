package ui_test

import (
	"strconv"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

func TestBrowserScreens(t *testing.T) {
	e := newEnv(t)
	b := newBrowser(t, e)
	b.login("duchashi")
	b.open("/plans/" + strconv.FormatInt(e.planID, 10))
	b.do(chromedp.Sleep(500 * time.Millisecond))
	b.screenshot("dashboard")
}

func TestBrowserTree(t *testing.T) {
	e := newEnv(t)
	b := newBrowser(t, e)
	b.login("duchashi")
	b.open("/plans/" + strconv.FormatInt(e.planID, 10) + "/tree")
	b.screenshot("tree")
	b.open("/plans/" + strconv.FormatInt(e.planID, 10) + "/tree?status=lagging")
	b.screenshot("tree-filtered")
}
