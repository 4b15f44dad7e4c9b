package ui

import (
	"encoding/json"
	"strings"

	"github.com/duban-dev/duban"
)

// userDoc is an account as an account change keeps it before and after.
type userDoc struct {
	duban.User
	PasswordChanged bool `json:"password_changed"`
}

// userChange lists what an account change changed: 角色 责任单位填报员 →
// 督查室；已停用.
func userChange(lang string, e duban.AuditEntry) string {
	var b, a userDoc
	if json.Unmarshal(e.Before, &b) != nil || json.Unmarshal(e.After, &a) != nil {
		return ""
	}
	var parts []string
	changed := func(field, from, to string) {
		if from != to {
			parts = append(parts, tr(lang, "log.f."+field)+" "+from+" → "+to)
		}
	}
	changed("display_name", b.DisplayName, a.DisplayName)
	changed("role", tr(lang, "role."+string(b.Role)), tr(lang, "role."+string(a.Role)))
	changed("unit", orDash(b.UnitCode), orDash(a.UnitCode))
	if a.Disabled != b.Disabled {
		parts = append(parts, tr(lang, map[bool]string{true: "log.f.disabled", false: "log.f.enabled"}[a.Disabled]))
	}
	if a.PasswordChanged {
		parts = append(parts, tr(lang, "log.f.password"))
	}
	if lang == langEN {
		return strings.Join(parts, "; ")
	}
	return strings.Join(parts, "；")
}

func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}
