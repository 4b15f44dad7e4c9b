package store

import (
	"cmp"
	"context"

	"github.com/duban-dev/duban"
)

// unitLabel names a unit by its code for a message: 「short name or name」,
// the code itself when the unit is unknown or cannot be read (the message
// is being written for another error already).
func (t *tx) unitLabel(ctx context.Context, code string) string {
	var name, short string
	if err := t.queryRow(ctx, "SELECT name, short_name FROM units WHERE code = ?", code).Scan(&name, &short); err != nil {
		return duban.UnitLabel(code, "")
	}
	return duban.UnitLabel(code, cmp.Or(short, name))
}
