package store

import (
	"encoding/json"
	"fmt"
	"time"

	"github.com/duban-dev/duban"
)

// jsonArg encodes v as JSON text for a JSON (SQLite TEXT, PostgreSQL JSONB)
// column. A nil slice is written as [] so the column is never NULL.
func jsonArg(v any) (string, error) {
	b, err := json.Marshal(v)
	if err != nil {
		return "", fmt.Errorf("store: encode json: %w", err)
	}
	if string(b) == "null" {
		return "[]", nil
	}
	return string(b), nil
}

// stringList reads a JSON array of strings; an empty array reads as nil, as
// the domain's omitempty lists do.
func stringList(raw []byte) ([]string, error) {
	var list []string
	if err := json.Unmarshal(raw, &list); err != nil {
		return nil, fmt.Errorf("store: decode json list: %w", err)
	}
	if len(list) == 0 {
		return nil, nil
	}
	return list, nil
}

// dateArg writes a Date as YYYY-MM-DD, the zero Date as NULL.
func dateArg(d duban.Date) any {
	if d.IsZero() {
		return nil
	}
	return d.String()
}

// dateCol scans a DATE column, which drivers return as time.Time or text.
type dateCol struct{ d *duban.Date }

func (c dateCol) Scan(src any) error {
	switch v := src.(type) {
	case nil:
		*c.d = duban.Date{}
	case time.Time:
		*c.d = duban.NewDate(v.Year(), v.Month(), v.Day())
	case string:
		return c.parse(v)
	case []byte:
		return c.parse(string(v))
	default:
		return fmt.Errorf("store: cannot scan %T into a date", src)
	}
	return nil
}

func (c dateCol) parse(s string) error {
	if len(s) > 10 {
		s = s[:10]
	}
	d, err := duban.ParseDate(s)
	*c.d = d
	return err
}

// timeCol scans a TIMESTAMP column into UTC; NULL leaves the zero time.
type timeCol struct{ t *time.Time }

func (c timeCol) Scan(src any) error {
	switch v := src.(type) {
	case nil:
		*c.t = time.Time{}
	case time.Time:
		*c.t = v.UTC()
	default:
		return fmt.Errorf("store: cannot scan %T into a time", src)
	}
	return nil
}

// nullTimeArg writes a nil or zero time as NULL.
func nullTimeArg(t *time.Time) any {
	if t == nil || t.IsZero() {
		return nil
	}
	return t.UTC().Truncate(time.Microsecond)
}

// nullID writes 0 as NULL for optional references.
func nullID(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}
