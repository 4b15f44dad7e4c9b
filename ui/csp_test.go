package ui_test

import (
	"regexp"
	"strings"
	"testing"
)

var inlineScript = regexp.MustCompile(`<script(?:\s[^>]*)?>`)

// TestEveryPageCarriesAContentSecurityPolicy: every HTML page, signed in
// or not, forbids inline and foreign script, and holds no inline script
// the policy would then block (only src= scripts and JSON data blocks).
func TestEveryPageCarriesAContentSecurityPolicy(t *testing.T) {
	e := newEnv(t)
	id, _, _, _ := e.pick(t)
	public, admin := e.client(), e.client()
	admin.login("admin")
	pages := map[*client][]string{
		public: {"/login", e.path("/public/plans/{id}", e.planID), "/no/such/page"},
		admin: {"/", e.path("/plans/{id}", e.planID), e.path("/plans/{id}/tree", e.planID), e.path("/indicators/{id}", id),
			"/workspace", "/review", "/notices", "/admin", "/audit", "/account/password"},
	}
	for c, paths := range pages {
		for _, p := range paths {
			res := c.get(p)
			csp := res.header.Get("Content-Security-Policy")
			if !strings.Contains(csp, "script-src 'self'") || strings.Contains(csp, "unsafe-eval") ||
				strings.Contains(scriptSrc(csp), "unsafe-inline") || !strings.Contains(csp, "frame-ancestors 'none'") {
				t.Errorf("%s (%d): policy %q", p, res.status, csp)
			}
			for _, tag := range inlineScript.FindAllString(res.body, -1) {
				if !strings.Contains(tag, "src=") && !strings.Contains(tag, `type="application/json"`) {
					t.Errorf("%s: inline script %s would be blocked", p, tag)
				}
			}
		}
	}
}

func scriptSrc(csp string) string {
	for _, d := range strings.Split(csp, ";") {
		if d = strings.TrimSpace(d); strings.HasPrefix(d, "script-src") {
			return d
		}
	}
	return ""
}
