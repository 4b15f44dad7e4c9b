package demo

import (
	"strings"
	"testing"

	"github.com/duban-dev/duban"
)

func TestUsers(t *testing.T) {
	b := decodeErqi(t)
	users := Users(b)
	byName := map[string]duban.User{}
	for _, u := range users {
		if _, dup := byName[u.Username]; dup {
			t.Errorf("username %q twice", u.Username)
		}
		byName[u.Username] = u
		if errs := u.Validate(); len(errs) > 0 {
			t.Errorf("user %q invalid: %v", u.Username, errs)
		}
		if u.PasswordHash != "" {
			t.Errorf("user %q has a password hash; the caller sets passwords", u.Username)
		}
	}
	fixed := []struct {
		username string
		role     duban.Role
	}{
		{"admin", duban.RoleAdmin},
		{"duchashi", duban.RoleSupervisor},
		{"lingdao", duban.RoleReader},
	}
	for _, f := range fixed {
		if u, ok := byName[f.username]; !ok || u.Role != f.role {
			t.Errorf("user %q: got %+v, want role %s", f.username, u, f.role)
		}
	}
	leads := map[string]bool{}
	for _, n := range b.Nodes {
		leads[n.LeadUnit] = true
	}
	reporters := 0
	for _, u := range users {
		if u.Role != duban.RoleReporter {
			continue
		}
		reporters++
		if !leads[u.UnitCode] {
			t.Errorf("reporter %q belongs to %q, which leads no node", u.Username, u.UnitCode)
		}
		if !strings.HasSuffix(u.DisplayName, "填报员") || u.Username != ReporterUsername(u.UnitCode) {
			t.Errorf("reporter %+v: want username %q and a display name ending in 填报员", u, ReporterUsername(u.UnitCode))
		}
	}
	if reporters != len(leads) {
		t.Errorf("%d reporters for %d lead units", reporters, len(leads))
	}
}

func TestReporterUsername(t *testing.T) {
	tests := []struct{ unit, want string }{
		{"zjj", "zjj"},
		{"admin", "u-admin"},
		{"duchashi", "u-duchashi"},
		{"lingdao", "u-lingdao"},
	}
	for _, tt := range tests {
		if got := ReporterUsername(tt.unit); got != tt.want {
			t.Errorf("ReporterUsername(%q) = %q, want %q", tt.unit, got, tt.want)
		}
	}
}
