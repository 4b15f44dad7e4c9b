package ui_test

import (
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

const chromiumPath = "/usr/bin/chromium"

// browser is a headless Chromium on the real server listening on
// 127.0.0.1:0.
type browser struct {
	t    *testing.T
	ctx  context.Context
	base string
}

func newBrowser(t *testing.T, e *env) *browser {
	t.Helper()
	return newBrowserFor(t, e, 5*time.Minute) // generous: the machine is shared; tests wait on conditions, not on time
}

// newBrowserFor is newBrowser for a test that runs up to limit.
func newBrowserFor(t *testing.T, e *env, limit time.Duration) *browser {
	t.Helper()
	if _, err := exec.LookPath(chromiumPath); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("chromium not found at %s; CI must install it (.ci/run)", chromiumPath)
		}
		t.Skipf("chromium not found at %s", chromiumPath)
	}
	if err := e.srv.Listen("127.0.0.1:0"); err != nil {
		t.Fatal(err)
	}
	go e.srv.Serve()
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		e.srv.Shutdown(ctx)
	})
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chromiumPath),
		chromedp.Flag("no-sandbox", true),
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1280, 900),
	)
	actx, cancelA := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelC := chromedp.NewContext(actx)
	ctx, cancelT := context.WithTimeout(ctx, limit)
	t.Cleanup(func() { cancelT(); cancelC(); cancelA() })
	return &browser{t: t, ctx: ctx, base: "http://" + e.srv.Addr()}
}

// do runs steps, failing the test on error.
func (b *browser) do(steps ...chromedp.Action[chromedp.Void]) {
	b.t.Helper()
	if err := chromedp.Do(b.ctx, steps...); err != nil {
		b.t.Fatal(err)
	}
}

func (b *browser) open(path string) { b.t.Helper(); b.do(chromedp.Navigate(b.base + path)) }

func (b *browser) text(sel string) string {
	b.t.Helper()
	s, err := chromedp.Run(b.ctx, chromedp.Text(chromedp.CSS(sel)))
	if err != nil {
		b.t.Fatalf("text of %s: %v", sel, err)
	}
	return s
}

func (b *browser) location() string {
	b.t.Helper()
	s, err := chromedp.Run(b.ctx, chromedp.Location())
	if err != nil {
		b.t.Fatal(err)
	}
	return s
}

func (b *browser) login(username string) {
	b.t.Helper()
	b.open("/login")
	b.do(chromedp.SendKeys(chromedp.CSS("#username"), username),
		chromedp.SendKeys(chromedp.CSS("#password"), password))
	b.clickAndWait("form.form button[type=submit]", `document.querySelector("header form.inline") !== null`)
}

func (b *browser) logout() {
	b.t.Helper()
	b.clickAndWait("header form.inline button", `document.querySelector("#username") !== null`)
}

// clickAndWait clicks the element sel (a DOM click, so no coordinates to
// miss while the page settles) and waits until cond holds on a page loaded
// after the click. A marker on the old page's window tells the pages apart:
// a navigation drops it.
func (b *browser) clickAndWait(sel, cond string) {
	b.t.Helper()
	js := `(() => { const el = document.querySelector(` + jsString(sel) + `); if (!el) return false; window.__before = true; el.click(); return true; })()`
	found, err := chromedp.Run(b.ctx, chromedp.Evaluate[bool](js))
	if err != nil || !found {
		b.t.Fatalf("click %s: not found (err %v)", sel, err)
	}
	b.waitFor(`!window.__before && document.readyState === "complete" && (` + cond + `)`)
}

// waitFor polls a JavaScript condition until it is true, across page
// loads (an evaluation that fails while a page is replaced is retried).
func (b *browser) waitFor(cond string) {
	b.t.Helper()
	tick := time.NewTicker(20 * time.Millisecond)
	defer tick.Stop()
	var last error
	for {
		ok, err := chromedp.Run(b.ctx, chromedp.Evaluate[bool](`(() => { try { return !!(`+cond+`); } catch (e) { return false; } })()`))
		if err == nil && ok {
			return
		}
		if err != nil {
			last = err
		}
		select {
		case <-b.ctx.Done():
			b.t.Fatalf("waiting for %s: %v (last error %v)\n%s", cond, b.ctx.Err(), last, b.pageSummary())
		case <-tick.C:
		}
	}
}

// pageSummary says where the browser is and the start of what it shows,
// for a failed wait: b.ctx is done by then, so it asks on a fresh short
// deadline of the same tab.
func (b *browser) pageSummary() string {
	ctx, cancel := context.WithTimeout(context.WithoutCancel(b.ctx), 5*time.Second)
	defer cancel()
	loc, err := chromedp.Run(ctx, chromedp.Location())
	if err != nil {
		return "page unavailable: " + err.Error()
	}
	text, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.body ? document.body.innerText.slice(0, 800) : ""`))
	if err != nil {
		return "at " + loc + ": " + err.Error()
	}
	return "at " + loc + ":\n" + text
}

func jsString(s string) string {
	q, _ := json.Marshal(s)
	return string(q)
}

// screenshot saves a full-page PNG to $DUBAN_ARTIFACTS (default a
// temporary directory of the test).
func (b *browser) screenshot(name string) {
	b.t.Helper()
	png, err := chromedp.Run(b.ctx, chromedp.FullScreenshot(100))
	if err != nil {
		b.t.Fatal(err)
	}
	dir := os.Getenv("DUBAN_ARTIFACTS")
	if dir == "" {
		dir = artifactDir(b.t)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		b.t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, name+".png"), png, 0o644); err != nil {
		b.t.Fatal(err)
	}
}

var tempArtifacts string

func artifactDir(t *testing.T) string {
	if tempArtifacts == "" {
		tempArtifacts = t.TempDir()
	}
	return tempArtifacts
}
