package ui_test

import (
	"flag"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

var (
	csrfValue   = regexp.MustCompile(`name="csrf" value="[0-9a-f]+"`)
	assetHash   = regexp.MustCompile(`(/static/[^"]+?)\.[0-9a-f]{8}(\.[a-z]+)`)
	echartsLine = regexp.MustCompile(`(?m)^<script src="/static/vendor/echarts[^\n]*\n`)
)

// normalize removes what changes between runs or builds: the session's
// CSRF token, asset hashes and whether ECharts was vendored.
func normalize(body string) string {
	body = csrfValue.ReplaceAllString(body, `name="csrf" value="CSRF"`)
	body = echartsLine.ReplaceAllString(body, "")
	return assetHash.ReplaceAllString(body, "$1.HASH$2")
}

// TestGoldenPages renders the main pages over the demo database on its
// as-of day and compares them with testdata/*.golden.html.
func TestGoldenPages(t *testing.T) {
	e := newEnv(t)
	id, _, unit, _ := e.pick(t)
	e.issueRuleNotices(t)
	rep := e.client()
	rep.login(reporterOf(unit))
	for _, action := range []string{"submit", "draft"} {
		res := rep.post("/workspace", e.path("/indicators/{id}/report", id), url.Values{
			"period": {"2021-Q3"}, "value": {"3"}, "note": {"进展顺利 " + action}, "action": {action}})
		if res.status != http.StatusSeeOther {
			t.Fatalf("%s: %d %s", action, res.status, res.body)
		}
	}
	e.issueBulletin(t, "2021-06")
	pages := []struct {
		name, user, path string
	}{
		{"login", "", "/login"},
		{"public", "", e.path("/public/plans/{id}", e.planID)},
		{"dashboard", "duchashi", e.path("/plans/{id}", e.planID)},
		{"dashboard-en", "duchashi", e.path("/plans/{id}?lang=en", e.planID)},
		{"screen", "lingdao", e.path("/plans/{id}?screen=1", e.planID)},
		{"tree", "duchashi", e.path("/plans/{id}/tree", e.planID)},
		{"tree-lagging", "duchashi", e.path("/plans/{id}/tree?status=lagging", e.planID)},
		{"indicator", "duchashi", e.path("/indicators/{id}", id)},
		{"workspace", reporterOf(unit), "/workspace"},
		{"report-form", reporterOf(unit), e.path("/indicators/{id}/report", id) + "?period=2021-Q3"}, // the draft, as the workspace links it
		{"review", "duchashi", "/review"},
		{"notices", "duchashi", "/notices"},
		{"admin", "admin", "/admin"},
		{"admin-user", "admin", "/admin/users/" + reporterOf(unit)},
		{"password", reporterOf(unit), "/account/password"},
		{"not-found", "duchashi", "/no/such/page"},
		{"bulletins", "duchashi", e.path("/plans/{id}/bulletins", e.planID)},
		{"bulletins-reporter", reporterOf(unit), e.path("/plans/{id}/bulletins", e.planID)},
		{"audit", "duchashi", "/audit?per_page=20"},
	}
	for _, p := range pages {
		t.Run(p.name, func(t *testing.T) {
			c := e.client()
			if p.user != "" {
				c.login(p.user)
			}
			res := c.get(p.path)
			got := normalize(res.body)
			file := filepath.Join("testdata", p.name+".golden.html")
			if *update {
				if err := os.WriteFile(file, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(file)
			if err != nil {
				t.Fatalf("%v (run go test ./ui -run TestGoldenPages -update)", err)
			}
			if got != string(want) {
				t.Errorf("%s differs from %s (status %d); run with -update and review the diff", p.path, file, res.status)
			}
		})
	}
}
