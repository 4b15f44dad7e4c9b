package ui

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/duban-dev/duban"
	"github.com/duban-dev/duban/status"
)

// auditRow is an audit entry in words.
type auditRow struct {
	At     time.Time
	Actor  string
	What   string // the action; a status change with its lights before and after
	Record string // e.g. 督办单 督办〔2021〕3号, 报送 2021-Q3 第2版
	Link   string // the record's page, if it has one
}

// auditRows puts entries in words; items names indicators by id, since an
// indicator's own entries (a status change) carry no name.
func auditRows(lang string, entries []duban.AuditEntry, items map[int64]string) []auditRow {
	rows := make([]auditRow, len(entries))
	for i, e := range entries {
		rows[i] = auditRow{At: e.At, Actor: e.Actor, What: auditWhat(lang, e),
			Record: auditRecord(lang, e, items), Link: auditLink(e)}
	}
	return rows
}

// orCode is the catalog text of id, or code when there is none.
func orCode(lang, id, code string) string {
	if s := tr(lang, id); s != id {
		return s
	}
	return code
}

// auditWhat names the action, an unknown one by its code, with the
// details of a status change or an account change.
func auditWhat(lang string, e duban.AuditEntry) string {
	what := orCode(lang, "audit."+e.Action, e.Action)
	var detail string
	switch e.Action {
	case "status.change":
		detail = statusChange(lang, e)
	case "user.update":
		detail = userChange(lang, e)
	}
	if detail == "" {
		return what
	}
	if lang == langEN {
		return what + ": " + detail
	}
	return what + "：" + detail
}

func statusChange(lang string, e duban.AuditEntry) string {
	var before, after struct{ Status status.Status }
	if json.Unmarshal(e.Before, &before) != nil || json.Unmarshal(e.After, &after) != nil {
		return ""
	}
	return statusWord(lang, before.Status) + " → " + statusWord(lang, after.Status)
}

// auditRecord names the record: its kind and its name read from the
// entry's own documents (a notice's 文号, a report's period and version, a
// title or name; an indicator's from items), else its number as 记录 N;
// entries about many rows (a file upload, a bulk load) have only the kind.
// A notice's 文号 (督办〔2021〕83号) names its kind already, so a Chinese
// page writes it alone.
func auditRecord(lang string, e duban.AuditEntry, items map[int64]string) string {
	kind := orCode(lang, "entity."+e.Entity, e.Entity)
	if e.EntityID == 0 {
		return kind
	}
	name := recordName(lang, e)
	if name == "" && e.Entity == "indicator" && items[e.EntityID] != "" {
		name = "「" + items[e.EntityID] + "」"
	}
	switch {
	case name != "" && e.Entity == "notice" && lang != langEN && strings.HasPrefix(name, "督办"):
		return name
	case name != "":
		return kind + " " + name
	}
	if lang == langEN {
		return kind + " (record " + strconv.FormatInt(e.EntityID, 10) + ")"
	}
	return kind + "（记录 " + strconv.FormatInt(e.EntityID, 10) + "）"
}

// recordName reads a record's name from the latest of its documents.
func recordName(lang string, e duban.AuditEntry) string {
	var doc struct {
		Year        int    `json:"year"`
		Seq         int    `json:"seq"`
		Version     int    `json:"version"`
		Number      string `json:"number"`
		Title       string `json:"title"`
		Name        string `json:"name"`
		Period      string `json:"period"`
		DisplayName string `json:"display_name"`
		Username    string `json:"username"`
	}
	for _, raw := range []json.RawMessage{e.Before, e.After} {
		_ = json.Unmarshal(raw, &doc) // a document without names names nothing
	}
	switch {
	case e.Entity == "notice" && doc.Year != 0 && doc.Seq != 0:
		return duban.NoticeNumber(doc.Year, doc.Seq)
	case e.Entity == "report" && doc.Period != "" && doc.Version != 0:
		if lang == langEN {
			return fmt.Sprintf("%s v%d", periodName(lang, doc.Period), doc.Version)
		}
		return fmt.Sprintf("%s 第%d版", periodName(lang, doc.Period), doc.Version)
	case doc.Number != "":
		return doc.Number
	case doc.Title != "":
		return "「" + doc.Title + "」"
	case doc.DisplayName != "":
		return doc.DisplayName
	case doc.Name != "":
		return "「" + doc.Name + "」"
	}
	return doc.Username
}

// auditLink is the page of the record where there is one. A report links
// to its item and a notice to its card on the notices page, both read
// from the entry's own documents, not from the store.
func auditLink(e duban.AuditEntry) string {
	if e.EntityID == 0 {
		return ""
	}
	var doc struct {
		PlanID      int64 `json:"plan_id"`
		IndicatorID int64 `json:"indicator_id"`
	}
	if e.Entity == "report" || e.Entity == "notice" {
		for _, raw := range []json.RawMessage{e.Before, e.After} {
			_ = json.Unmarshal(raw, &doc) // a document without the ids links nowhere
		}
	}
	switch {
	case e.Entity == "indicator":
		return fmt.Sprintf("/indicators/%d", e.EntityID)
	case e.Entity == "plan":
		return fmt.Sprintf("/plans/%d", e.EntityID)
	case e.Entity == "bulletin":
		return fmt.Sprintf("/bulletins/%d.html", e.EntityID)
	case e.Entity == "report" && doc.IndicatorID != 0:
		return fmt.Sprintf("/indicators/%d", doc.IndicatorID)
	case e.Entity == "notice" && doc.PlanID != 0:
		return fmt.Sprintf("/notices?plan=%d#n%d", doc.PlanID, e.EntityID)
	}
	return ""
}
