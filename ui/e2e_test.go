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
