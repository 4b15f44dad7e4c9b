package store

import (
	"context"
	"time"

	"github.com/jackc/pgx/v5"
)

// copyReports writes reports with PostgreSQL's COPY, the fastest bulk path,
// in a transaction on the underlying pgx connection together with the
// audit entries.
func (db *DB) copyReports(ctx context.Context, rs []resolvedReport, actor string, now time.Time) error {
	conn, err := db.sql.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	return conn.Raw(func(driverConn any) error {
		pc, err := pgxConn(driverConn)
		if err != nil {
			return err
		}
		pgTx, err := pc.Begin(ctx)
		if err != nil {
			return err
		}
		defer pgTx.Rollback(ctx)
		rows := pgx.CopyFromSlice(len(rs), func(i int) ([]any, error) { return rs[i].values(), nil })
		if _, err := pgTx.CopyFrom(ctx, pgx.Identifier{"reports"}, reportColumns, rows); err != nil {
			return err
		}
		for _, a := range reportAudits(rs, actor, now) {
			if _, err := pgTx.Exec(ctx, db.rebind(auditInsert), a...); err != nil {
				return err
			}
		}
		return pgTx.Commit(ctx)
	})
}
