package ui_test

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/duban-dev/duban"
)

func (e *env) path(format string, id int64) string {
	return strings.Replace(format, "{id}", strconv.FormatInt(id, 10), 1)
}

func TestPublicSeesOnlyThePublicPage(t *testing.T) {
	e := newEnv(t)
	id, _, _, _ := e.pick(t)
	c := e.client()
	tests := []struct {
		method, path string
		status       int
		location     string
	}{
		{"GET", e.path("/public/plans/{id}", e.planID), http.StatusOK, ""},
		{"GET", "/login", http.StatusOK, ""},
		{"GET", "/", http.StatusSeeOther, "/login?next=%2F"},
		{"GET", e.path("/plans/{id}", e.planID), http.StatusSeeOther, "/login?next="},
		{"GET", e.path("/plans/{id}/tree", e.planID), http.StatusSeeOther, "/login?next="},
		{"GET", e.path("/indicators/{id}", id), http.StatusSeeOther, "/login?next="},
		{"GET", e.path("/indicators/{id}/report", id), http.StatusSeeOther, "/login?next="},
		{"GET", "/workspace", http.StatusSeeOther, "/login?next="},
		{"GET", "/review", http.StatusSeeOther, "/login?next="},
		{"GET", "/notices", http.StatusSeeOther, "/login?next="},
		{"GET", "/admin", http.StatusSeeOther, "/login?next="},
		{"GET", "/no/such/page", http.StatusSeeOther, "/login?next="},
		{"POST", e.path("/reports/{id}/approve", 1), http.StatusUnauthorized, ""},
		{"POST", "/logout", http.StatusUnauthorized, ""},
		{"GET", "/public/plans/999", http.StatusNotFound, ""},
	}
	for _, tt := range tests {
		res := c.do(tt.method, tt.path, url.Values{})
		if tt.method == "GET" {
			res = c.get(tt.path)
		}
		if res.status != tt.status || !strings.HasPrefix(res.header.Get("Location"), tt.location) {
			t.Errorf("%s %s: %d %q, want %d %q", tt.method, tt.path, res.status, res.header.Get("Location"), tt.status, tt.location)
		}
	}
	if body := c.get(e.path("/public/plans/{id}", e.planID)).body; !strings.Contains(body, "二七区2021年重点工作任务") || !strings.Contains(body, "绿灯") && !strings.Contains(body, "正常") {
		t.Errorf("public page lacks the plan title or status words")
	}
}

func TestPrivatePlanIsNotFoundForThePublic(t *testing.T) {
	e := newEnv(t)
	b := *e.bundle
	b.Plan.Code, b.Plan.Public = "private-copy", false
	id, err := e.db.ImportBundle(t.Context(), &b, "test")
	if err != nil {
		t.Fatal(err)
	}
	if res := e.client().get(e.path("/public/plans/{id}", id)); res.status != http.StatusNotFound {
		t.Errorf("private plan's public page: %d, want 404", res.status)
	}
	c := e.client()
	c.login("lingdao")
	if res := c.get(e.path("/public/plans/{id}", id)); res.status != http.StatusNotFound {
		t.Errorf("private plan's public page for a leader: %d, want 404", res.status)
	}
	if res := c.get(e.path("/plans/{id}", id)); res.status != http.StatusOK {
		t.Errorf("private plan's dashboard for a leader: %d, want 200", res.status)
	}
}

func TestCSRF(t *testing.T) {
	e := newEnv(t)
	c := e.client()
	// The sign-in form needs its token too.
	c.get("/login")
	if res := c.do("POST", "/login", url.Values{"username": {"duchashi"}, "password": {password}}); res.status != http.StatusForbidden {
		t.Errorf("sign-in without token: %d, want 403", res.status)
	}
	c.login("duchashi")
	for _, token := range []string{"", "00ff", strings.Repeat("a", 64)} {
		res := c.do("POST", "/logout", url.Values{"csrf": {token}})
		if res.status != http.StatusForbidden {
			t.Errorf("logout with token %q: %d, want 403", token, res.status)
		}
	}
	if res := c.get("/workspace"); res.status != http.StatusOK {
		t.Fatalf("still signed in after refused logouts: %d", res.status)
	}
	// Another session's token is refused.
	other := e.client()
	other.login("duchashi")
	res := c.do("POST", "/logout", url.Values{"csrf": {other.csrf("/workspace")}})
	if res.status != http.StatusForbidden {
		t.Errorf("logout with another session's token: %d, want 403", res.status)
	}
	if res := c.post("/workspace", "/logout", url.Values{}); res.status != http.StatusSeeOther {
		t.Errorf("logout with the right token: %d, want 303", res.status)
	}
	if res := c.get("/workspace"); res.status != http.StatusSeeOther {
		t.Errorf("after sign-out: %d, want a redirect to sign in", res.status)
	}
}

func TestCookieFlags(t *testing.T) {
	e := newEnv(t)
	for _, scheme := range []string{"http", "https"} {
		c := e.client()
		tok := c.csrf("/login")
		req := httptest.NewRequest("POST", scheme+"://duban.test/login", strings.NewReader(url.Values{
			"username": {"duchashi"}, "password": {password}, "csrf": {tok}}.Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		for _, ck := range c.jar.Cookies(loginURL) {
			req.AddCookie(ck)
		}
		rec := httptest.NewRecorder()
		e.srv.ServeHTTP(rec, req)
		var sess *http.Cookie
		for _, ck := range rec.Result().Cookies() {
			if ck.Name == "duban_session" {
				sess = ck
			}
		}
		if sess == nil {
			t.Fatalf("%s: no session cookie (status %d)", scheme, rec.Code)
		}
		if !sess.HttpOnly || sess.SameSite != http.SameSiteLaxMode || sess.Path != "/" || sess.Secure != (scheme == "https") {
			t.Errorf("%s: session cookie %+v: want HttpOnly, SameSite=Lax, Path=/, Secure only over TLS", scheme, sess)
		}
	}
}

func TestReporterOnlyOwnUnitForm(t *testing.T) {
	e := newEnv(t)
	id, _, unit, otherID := e.pick(t)
	c := e.client()
	c.login(reporterOf(unit))
	if res := c.get(e.path("/indicators/{id}/report", id)); res.status != http.StatusOK {
		t.Errorf("own unit's form: %d, want 200", res.status)
	}
	if res := c.get(e.path("/indicators/{id}/report", otherID)); res.status != http.StatusForbidden {
		t.Errorf("another unit's form: %d, want 403", res.status)
	}
	res := c.post("/workspace", e.path("/indicators/{id}/report", otherID), url.Values{
		"period": {"2021-07"}, "value": {"1"}, "action": {"submit"}})
	if res.status != http.StatusForbidden {
		t.Errorf("posting another unit's form: %d, want 403", res.status)
	}
	reps, _, err := e.db.ListReportsFiltered(t.Context(), duban.ReportFilter{IndicatorID: otherID, State: duban.Submitted})
	if err != nil || len(reps) != 0 {
		t.Errorf("refused post wrote reports: %v %v", reps, err)
	}
	for _, path := range []string{"/review", "/admin"} {
		if res := c.get(path); res.status != http.StatusForbidden {
			t.Errorf("reporter on %s: %d, want 403", path, res.status)
		}
	}
}

func TestLeaderCannotReviewOrReport(t *testing.T) {
	e := newEnv(t)
	id, _, _, _ := e.pick(t)
	c := e.client()
	c.login("lingdao")
	if res := c.post("/notices", "/reports/1/approve", url.Values{}); res.status != http.StatusForbidden {
		t.Errorf("leader approving: %d, want 403", res.status)
	}
	if res := c.get(e.path("/indicators/{id}/report", id)); res.status != http.StatusForbidden {
		t.Errorf("leader's report form: %d, want 403", res.status)
	}
}

func TestLanguageSwitch(t *testing.T) {
	e := newEnv(t)
	c := e.client()
	if body := c.get("/login").body; !strings.Contains(body, "<h1>登录</h1>") || !strings.Contains(body, `lang="zh-CN"`) {
		t.Errorf("default language is not Chinese")
	}
	res := c.get("/login?lang=en")
	if !strings.Contains(res.body, "<h1>Sign in</h1>") || !strings.Contains(res.body, `<html lang="en">`) {
		t.Errorf("?lang=en did not switch to English")
	}
	if body := c.get("/login").body; !strings.Contains(body, "<h1>Sign in</h1>") {
		t.Errorf("the language cookie was not kept")
	}
	c.login("duchashi")
	if body := c.get(e.path("/plans/{id}", e.planID)).body; !strings.Contains(body, "Weighted progress") || strings.Contains(body, "加权进度") {
		t.Errorf("dashboard is not in English after the switch")
	}
	if body := c.get(e.path("/plans/{id}", e.planID) + "?lang=zh").body; !strings.Contains(body, "加权进度") {
		t.Errorf("?lang=zh did not switch back")
	}
}

// TestLoginThrottleShared: failed sign-ins through the API count for the
// pages too, because both use one signin.Service.
func TestLoginThrottleShared(t *testing.T) {
	e := newEnv(t)
	for range 5 {
		req := httptest.NewRequest("POST", "/api/v1/login", strings.NewReader(`{"username":"duchashi","password":"wrong"}`))
		req.RemoteAddr = "192.0.2.1:1234"
		rec := httptest.NewRecorder()
		e.srv.ServeHTTP(rec, req)
		if rec.Code != http.StatusUnauthorized {
			t.Fatalf("API wrong password: %d", rec.Code)
		}
	}
	c := e.client()
	tok := c.csrf("/login")
	req := httptest.NewRequest("POST", "/login", strings.NewReader(url.Values{"username": {"duchashi"}, "password": {password}, "csrf": {tok}}.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.RemoteAddr = "192.0.2.1:5678"
	for _, ck := range c.jar.Cookies(loginURL) {
		req.AddCookie(ck)
	}
	rec := httptest.NewRecorder()
	e.srv.ServeHTTP(rec, req)
	if rec.Code != http.StatusTooManyRequests {
		t.Errorf("page sign-in after 5 API failures: %d, want 429", rec.Code)
	}
}

func TestStaticAssets(t *testing.T) {
	e := newEnv(t)
	c := e.client()
	body := c.get("/login").body
	i := strings.Index(body, "/static/app.")
	if i < 0 {
		t.Fatal("no hashed app asset on the page")
	}
	path := body[i : i+strings.IndexByte(body[i:], '"')]
	res := c.get(path)
	if res.status != http.StatusOK || !strings.Contains(res.header.Get("Cache-Control"), "immutable") {
		t.Errorf("GET %s: %d, Cache-Control %q", path, res.status, res.header.Get("Cache-Control"))
	}
	if res := c.get("/static/app.css"); res.status != http.StatusNotFound {
		t.Errorf("unhashed name: %d, want 404", res.status)
	}
}

// TestAPIStaysJSON: with the pages mounted, unknown API paths still answer
// JSON, not a page or a redirect to sign in.
func TestAPIStaysJSON(t *testing.T) {
	e := newEnv(t)
	c := e.client()
	for _, p := range []string{"/api/v1/nope", "/api/v2/plans"} {
		res := c.get(p)
		if res.status != http.StatusNotFound || !strings.HasPrefix(res.header.Get("Content-Type"), "application/json") {
			t.Errorf("GET %s: %d %s", p, res.status, res.header.Get("Content-Type"))
		}
	}
	if res := c.get("/api/v1/plans"); res.status != http.StatusOK || !strings.Contains(res.body, `"erqi-2021"`) {
		t.Errorf("GET /api/v1/plans through the mounted server: %d", res.status)
	}
}
