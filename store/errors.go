package store

import (
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5/pgconn"
	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"

	"github.com/duban-dev/duban"
)

type violation int

const (
	noViolation violation = iota
	uniqueViolation
	foreignKeyViolation
)

// classify reads the driver's error code, never its message.
func classify(err error) violation {
	var se *sqlite.Error
	if errors.As(err, &se) {
		switch se.Code() {
		case sqlite3.SQLITE_CONSTRAINT_UNIQUE, sqlite3.SQLITE_CONSTRAINT_PRIMARYKEY:
			return uniqueViolation
		case sqlite3.SQLITE_CONSTRAINT_FOREIGNKEY:
			return foreignKeyViolation
		}
	}
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		switch pe.Code {
		case "23505":
			return uniqueViolation
		case "23503":
			return foreignKeyViolation
		}
	}
	return noViolation
}

// mapErr turns constraint violations into application errors that still
// wrap the driver error; other errors pass through unchanged.
func mapErr(err error) error {
	switch classify(err) {
	case uniqueViolation:
		return fmt.Errorf("%w: %w", duban.Errorf(duban.ECONFLICT, "记录已存在 (already exists)"), err)
	case foreignKeyViolation:
		return fmt.Errorf("%w: %w", duban.Errorf(duban.ECONFLICT, "引用的记录不存在或仍被引用 (a referenced record is missing or still in use)"), err)
	}
	return err
}

// wrap adds context to an unexpected error, keeping application errors as
// they are so callers see their code and message.
func wrap(err error, format string, args ...any) error {
	if err == nil {
		return nil
	}
	var de *duban.Error
	if errors.As(err, &de) {
		return err
	}
	return fmt.Errorf("store: "+format+": %w", append(args, err)...)
}

func notFound(what string, key any) error {
	return duban.Errorf(duban.ENOTFOUND, "%s不存在 (%s not found): %v", what, englishName[what], key)
}

var englishName = map[string]string{
	"计划": "plan", "指标": "indicator", "用户": "user", "单位": "unit",
}
