package store

import (
	"context"
	"database/sql"
)

// FileReportUnits lists the units whose reports list the file, each once.
func (db *DB) FileReportUnits(ctx context.Context, fileID string) ([]string, error) {
	units := []string{}
	err := db.read(ctx, func(t *tx) error {
		return t.eachRow(ctx, `SELECT DISTINCT u.code FROM report_attachments a JOIN reports r ON r.id = a.report_id JOIN units u ON u.id = r.unit_id
			WHERE a.file_id = ?`, []any{fileID}, func(rows *sql.Rows) error {
			var u string
			err := rows.Scan(&u)
			units = append(units, u)
			return err
		})
	})
	return units, wrap(err, "units of file %s", fileID)
}
