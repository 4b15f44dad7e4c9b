package ui_test

import (
	"net/http"
	"net/url"
	"testing"
)

// TestLoginNextStaysOnSite signs in once, then asks the sign-in page to
// send the signed-in browser on: every target off this origin must end at
// "/".
func TestLoginNextStaysOnSite(t *testing.T) {
	e := newEnv(t)
	c := e.client()
	c.login("admin")
	cases := []struct{ next, want string }{
		{"/plans/1", "/plans/1"},
		{"/plans/1?tab=tree#n3", "/plans/1?tab=tree#n3"},
		{"/%09/evil.example", "/"},
		{"/\t/evil.example", "/"},
		{"/\n/evil.example", "/"},
		{"/\r\n/evil.example", "/"},
		{"//evil.example", "/"},
		{"///evil.example", "/"},
		{"/\\evil.example", "/"},
		{"/\\/evil.example", "/"},
		{"\\\\evil.example", "/"},
		{"https://evil.example/", "/"},
		{"http:evil.example", "/"},
		{"javascript:alert(1)", "/"},
		{"evil.example", "/"},
		{"", "/"},
		{"/\x00/evil.example", "/"},
		{"/\u0085/evil.example", "/"},
		{" //evil.example", "/"},
	}
	for _, tc := range cases {
		res := c.get("/login?next=" + url.QueryEscape(tc.next))
		if res.status != http.StatusSeeOther {
			t.Errorf("next %q: status %d", tc.next, res.status)
			continue
		}
		if got := res.header.Get("Location"); got != tc.want {
			t.Errorf("next %q: redirected to %q, want %q", tc.next, got, tc.want)
		}
	}
	// The already-decoded form of the reported attack, sent raw.
	res := c.get("/login?next=/%09/evil.example")
	if got := res.header.Get("Location"); got != "/" {
		t.Errorf("raw /%%09/evil.example: redirected to %q", got)
	}
}
