package web

import (
	"net/url"
	"strconv"

	"github.com/duban-dev/duban"
)

// ParseAuditFilter reads entity, entity_id, actor, action, from and to
// (YYYY-MM-DD, Beijing days); the pages use it too. Each bad parameter is
// named.
func ParseAuditFilter(q url.Values) (duban.AuditFilter, error) {
	f := duban.AuditFilter{Entity: q.Get("entity"), Actor: q.Get("actor"), Action: q.Get("action")}
	var errs []duban.FieldError
	if v := q.Get("entity_id"); v != "" {
		id, err := strconv.ParseInt(v, 10, 64)
		if err != nil {
			errs = append(errs, duban.FieldError{Field: "entity_id", Message: "须为整数 (must be an integer)"})
		}
		f.EntityID = id
	}
	f.From = duban.ParseDateField("from", q.Get("from"), &errs)
	f.To = duban.ParseDateField("to", q.Get("to"), &errs)
	if errs != nil {
		return f, duban.Invalid("参数有误 (bad parameter)", errs...)
	}
	return f, f.Check()
}
