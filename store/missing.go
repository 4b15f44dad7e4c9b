package store

import (
	"errors"
	"io/fs"
	"os"
)

// MissingFile returns the SQLite file the DSN names when it does not exist
// yet, "" for an existing file, an in-memory database or PostgreSQL. Opening
// a missing file creates it, so a command that only reads checks first.
func MissingFile(dsn string) string {
	if isPostgres(dsn) || isMemory(dsn) {
		return ""
	}
	path := sqliteFile(dsn)
	if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
		return path
	}
	return ""
}
