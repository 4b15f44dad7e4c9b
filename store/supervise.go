package store

import (
	"context"
	"database/sql"

	"github.com/duban-dev/duban"
)

// PlansToSupervise returns the ids of the plans the notice rules must look
// at as of the day: those whose stored statuses do not cover every
// indicator as of that day, and those where an indicator stands in one of
// the statuses the rules act on without an open notice. Any other plan was
// judged that day and has nothing new to act on.
func (db *DB) PlansToSupervise(ctx context.Context, asOf duban.Date, statuses []string) ([]int64, error) {
	args := []any{dateArg(asOf), dateArg(asOf)}
	for _, s := range statuses {
		args = append(args, s)
	}
	args = append(args, string(duban.NoticeClosed))
	query := `SELECT p.id FROM plans p
		WHERE (SELECT COUNT(*) FROM indicators i WHERE i.plan_id = p.id)
			<> (SELECT COUNT(*) FROM indicator_status s WHERE s.plan_id = p.id AND ` + statusStandsAsOf + `)
		OR EXISTS (SELECT 1 FROM indicator_status s WHERE s.plan_id = p.id AND s.status IN (` + placeholders(len(statuses)) + `)
			AND NOT EXISTS (SELECT 1 FROM notices n WHERE n.indicator_id = s.indicator_id AND n.state <> ?))
		ORDER BY p.id`
	ids := []int64{}
	err := db.read(ctx, func(t *tx) error {
		return t.eachRow(ctx, query, args, func(rows *sql.Rows) error {
			var id int64
			err := rows.Scan(&id)
			ids = append(ids, id)
			return err
		})
	})
	return ids, wrap(err, "plans to supervise")
}
