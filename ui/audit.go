package ui

import (
	"encoding/json"
	"strconv"
	"time"

	"github.com/duban-dev/duban"
	"github.com/duban-dev/duban/status"
)

// auditRow is an audit entry in words.
type auditRow struct {
	At     time.Time
	Actor  string
	What   string // the action; a status change with its lights before and after
	Record string // e.g. 报送 226
}

func auditRows(lang string, entries []duban.AuditEntry) []auditRow {
	rows := make([]auditRow, len(entries))
	for i, e := range entries {
		rows[i] = auditRow{At: e.At, Actor: e.Actor, What: auditWhat(lang, e),
			Record: tr(lang, "entity."+e.Entity) + " " + strconv.FormatInt(e.EntityID, 10)}
	}
	return rows
}

// auditWhat names the action, an unknown one by its code.
func auditWhat(lang string, e duban.AuditEntry) string {
	what := tr(lang, "audit."+e.Action)
	if what == "audit."+e.Action {
		what = e.Action
	}
	if e.Action != "status.change" {
		return what
	}
	var before, after struct{ Status status.Status }
	if json.Unmarshal(e.Before, &before) != nil || json.Unmarshal(e.After, &after) != nil {
		return what
	}
	sep := "："
	if lang == langEN {
		sep = ": "
	}
	return what + sep + statusWord(lang, before.Status) + " → " + statusWord(lang, after.Status)
}
