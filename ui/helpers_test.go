package ui_test

import (
	"bytes"
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/duban-dev/duban"
	"github.com/duban-dev/duban/auth"
	"github.com/duban-dev/duban/demo"
	"github.com/duban-dev/duban/files"
	"github.com/duban-dev/duban/planfile"
	"github.com/duban-dev/duban/signin"
	"github.com/duban-dev/duban/store"
	"github.com/duban-dev/duban/tracker"
	"github.com/duban-dev/duban/ui"
	"github.com/duban-dev/duban/web"
)

const password = "test-pw"

// demoNow is the fixed clock: the demo's as-of day, at noon.
var demoNow = time.Date(2021, 7, 15, 12, 0, 0, 0, time.UTC)

var asOf = duban.NewDate(2021, 7, 15)

// env is the real server (API and pages) over a SQLite demo database with
// simulated reports up to the as-of day.
type env struct {
	t      *testing.T
	db     *store.DB
	srv    *web.Server
	bundle *duban.Bundle
	planID int64
	pages  *ui.Handler
}

// hash is computed once: argon2id is deliberately slow.
var hash = sync.OnceValue(func() string {
	h, _ := auth.HashPassword(password)
	return h
})

func newEnv(t *testing.T) *env {
	t.Helper()
	ctx := context.Background()
	db, err := store.Open(ctx, filepath.Join(t.TempDir(), "ui.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	now := func() time.Time { return demoNow }
	db.Now = now
	b, err := planfile.Decode("erqi-2021.yaml", bytes.NewReader(demo.ErqiPlan))
	if err != nil {
		t.Fatal(err)
	}
	planID, err := db.ImportBundle(ctx, b, "test")
	if err != nil {
		t.Fatal(err)
	}
	for _, u := range demo.Users(b) {
		u.PasswordHash = hash()
		if err := db.CreateUser(ctx, "test", &u); err != nil {
			t.Fatal(err)
		}
	}
	ids := map[string]int64{}
	rows, _, err := db.ListIndicators(ctx, duban.IndicatorFilter{PlanID: planID, Page: duban.Page{PerPage: duban.MaxPerPage}.Normalize()})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rows {
		ids[r.Code] = r.ID
	}
	if err := db.InsertReports(ctx, demo.SimulateReports(b, ids, asOf, 2021), "demo"); err != nil {
		t.Fatal(err)
	}
	fileStore, err := files.New(files.Config{Dir: filepath.Join(t.TempDir(), "files"), Index: db})
	if err != nil {
		t.Fatal(err)
	}
	logger := slog.New(slog.NewTextHandler(io.Discard, nil))
	tr, sign := tracker.NewService(db), signin.New(db, db, now)
	pages, err := ui.New(ui.Config{Displays: db, Plans: db, Users: db, Reports: db, Notices: db, Tracker: tr,
		Directory: db, Audit: db, UserList: db, Files: fileStore, SignIn: sign, Logger: logger, Now: now, Bulletins: db})
	if err != nil {
		t.Fatal(err)
	}
	srv := web.NewServer(web.Config{Plans: db, Users: db, Sessions: db, Reports: db, Notices: db,
		Tracker: tr, Directory: db, Audit: db, Files: fileStore, Logger: logger, Now: now, SignIn: sign, Pages: pages})
	return &env{t: t, db: db, srv: srv, bundle: b, planID: planID, pages: pages}
}

// client is a browser-like HTTP client with cookies that does not follow
// redirects.
type client struct {
	t   *testing.T
	e   *env
	jar *cookiejar.Jar
}

func (e *env) client() *client {
	jar, _ := cookiejar.New(nil)
	return &client{t: e.t, e: e, jar: jar}
}

var loginURL, _ = url.Parse("http://duban.test/login")

type result struct {
	status int
	header http.Header
	body   string
}

func (c *client) do(method, path string, form url.Values) result {
	c.t.Helper()
	var body io.Reader
	if form != nil {
		body = strings.NewReader(form.Encode())
	}
	req := httptest.NewRequest(method, "http://duban.test"+path, body)
	if form != nil {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	for _, ck := range c.jar.Cookies(req.URL) {
		req.AddCookie(ck)
	}
	rec := httptest.NewRecorder()
	c.e.srv.ServeHTTP(rec, req)
	res := rec.Result()
	c.jar.SetCookies(req.URL, res.Cookies())
	return result{status: res.StatusCode, header: res.Header, body: rec.Body.String()}
}

func (c *client) get(path string) result { c.t.Helper(); return c.do("GET", path, nil) }

var csrfField = regexp.MustCompile(`name="csrf" value="([0-9a-f]+)"`)

// csrf reads the CSRF token from a page.
func (c *client) csrf(path string) string {
	c.t.Helper()
	m := csrfField.FindStringSubmatch(c.get(path).body)
	if m == nil {
		c.t.Fatalf("no csrf field on %s", path)
	}
	return m[1]
}

// post sends a form with the CSRF token of the page at from.
func (c *client) post(from, path string, form url.Values) result {
	c.t.Helper()
	form.Set("csrf", c.csrf(from))
	return c.do("POST", path, form)
}

func (c *client) login(username string) {
	c.t.Helper()
	res := c.post("/login", "/login", url.Values{"username": {username}, "password": {password}})
	if res.status != http.StatusSeeOther {
		c.t.Fatalf("login %s: status %d: %s", username, res.status, res.body)
	}
}

func reporterOf(unit string) string { return demo.ReporterUsername(unit) }

// issueRuleNotices lets the supervisor run the notice rules once, as the
// demo does.
func (e *env) issueRuleNotices(t *testing.T) {
	t.Helper()
	ctx := context.Background()
	sup, err := e.db.FindUserByUsername(ctx, demo.SupervisorUsername)
	if err != nil {
		t.Fatal(err)
	}
	var inputs []duban.NoticeInput
	err = tracker.NewService(e.db).View(ctx, e.planID, asOf, func(ps *tracker.PlanStatus) error {
		inputs = ps.NoticeCandidates(func(int64) bool { return false })
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, in := range inputs {
		if _, err := e.db.CreateNotice(ctx, sup, in); err != nil {
			t.Fatal(err)
		}
	}
}
