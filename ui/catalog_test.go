package ui

import (
	"io/fs"
	"regexp"
	"testing"

	"github.com/duban-dev/duban"
)

var literalID = regexp.MustCompile(`\.T "([a-z0-9_.]+)"`)

// TestCatalogComplete checks every message id the templates and handlers
// use has both a Chinese and an English text.
func TestCatalogComplete(t *testing.T) {
	ids := map[string]bool{}
	err := fs.WalkDir(templateFS, "templates", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := templateFS.ReadFile(p)
		for _, m := range literalID.FindAllStringSubmatch(string(b), -1) {
			ids[m[1]] = true
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []duban.ReportState{duban.Draft, duban.Submitted, duban.Approved, duban.Returned} {
		ids["state."+string(s)] = true
	}
	for _, r := range []duban.Role{duban.RoleAdmin, duban.RoleSupervisor, duban.RoleReader, duban.RoleReporter} {
		ids["role."+string(r)] = true
	}
	for _, a := range noticeActions {
		ids["notices.act."+string(a)] = true
	}
	for _, c := range []duban.Comparator{duban.AtLeast, duban.AtMost, duban.Equal, duban.About} {
		ids["cmp."+string(c)] = true
	}
	for _, c := range []duban.Cadence{duban.Weekly, duban.Monthly, duban.Quarterly} {
		ids["cadence."+string(c)] = true
	}
	for _, id := range []string{"admin.done.user", "admin.done.import", "admin.done.user_saved", "login.password_changed", "ws.saved_draft", "ws.saved_submitted",
		"review.approved", "review.returned", "notices.done", "report.invalid", "status.none",
		"light.green", "light.yellow", "light.red", "report.from_draft", "report.from_returned"} {
		ids[id] = true
	}
	if len(ids) < 50 {
		t.Fatalf("found only %d message ids; is the pattern right?", len(ids))
	}
	for id := range ids {
		m, ok := catalog[id]
		if !ok || m[0] == "" || m[1] == "" {
			t.Errorf("message %q missing or incomplete in the catalog", id)
		}
	}
}
