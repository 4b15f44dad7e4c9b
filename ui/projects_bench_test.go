package ui_test

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
)

// BenchmarkLedgerPage serves the ledger page of the demo's 270 projects to
// a signed-in leader, the ledger cached as between two report changes.
func BenchmarkLedgerPage(b *testing.B) {
	e := newProjectEnv(b)
	cookies := benchLogin(b, e, "lingdao")
	path := "/plans/" + pjItoa(e.planID) + "/projects"
	get := func() *httptest.ResponseRecorder {
		req := httptest.NewRequest("GET", "http://duban.test"+path, nil)
		for _, c := range cookies {
			req.AddCookie(c)
		}
		rec := httptest.NewRecorder()
		e.srv.ServeHTTP(rec, req)
		return rec
	}
	if rec := get(); rec.Code != 200 || strings.Count(rec.Body.String(), "<tr data-status=") != 50 {
		b.Fatalf("%d", rec.Code)
	}
	for b.Loop() {
		get()
	}
}

func benchLogin(b *testing.B, e *env, user string) []*http.Cookie {
	rec := httptest.NewRecorder()
	e.srv.ServeHTTP(rec, httptest.NewRequest("GET", "http://duban.test/login", nil))
	cookies := rec.Result().Cookies()
	m := csrfField.FindStringSubmatch(rec.Body.String())
	form := url.Values{"username": {user}, "password": {password}, "csrf": {m[1]}}
	req := httptest.NewRequest("POST", "http://duban.test/login", strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	for _, c := range cookies {
		req.AddCookie(c)
	}
	rec = httptest.NewRecorder()
	e.srv.ServeHTTP(rec, req)
	if rec.Code != http.StatusSeeOther {
		b.Fatalf("login: %d", rec.Code)
	}
	return append(cookies, rec.Result().Cookies()...)
}
