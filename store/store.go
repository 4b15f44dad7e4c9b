package store

import (
	"context"
	"database/sql"
	"fmt"
	"runtime"
	"strings"
	"sync"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // registers driver "pgx"
	_ "modernc.org/sqlite"             // registers driver "sqlite"

	"github.com/duban-dev/duban"
)

const (
	DialectSQLite   = "sqlite"
	DialectPostgres = "postgres"
)

// pgMaxConns bounds the PostgreSQL pool: a 2-core machine gains nothing
// from more concurrent queries, and the server allows 100 connections.
const pgMaxConns = 16

// DB is a handle on one database. It is safe for concurrent use.
type DB struct {
	sql     *sql.DB
	dialect string
	// writeSlot serializes write transactions on SQLite, which allows one
	// writer at a time; waiting here instead of in SQLite's busy handler
	// means concurrent writers never see "database is locked".
	writeSlot chan struct{}
	// Now is the clock for created_at, updated_at and audit timestamps.
	Now func() time.Time

	importHook func(step string) error // tests inject failures here
	stmts      *stmtCache              // nil for in-memory SQLite
	ckpt       *checkpointer           // SQLite files only
	targets    *targetCache            // SQLite only
	// replica is the pool of the read replica, nil without one.
	replica *sql.DB
	// walPath names a SQLite file's write-ahead log and walLimit its bound
	// (checkpoint.go); walPath is empty for PostgreSQL and :memory:.
	walPath  string
	walLimit int64
	ckptMu   sync.Mutex // one checkpoint at a time (checkpoint.go)
	// oneConn is set for in-memory SQLite, whose pool is one connection.
	oneConn bool
}

// Open opens the database named by dsn and applies pending migrations. A
// postgres:// or postgresql:// DSN selects PostgreSQL; anything else is a
// SQLite file path (":memory:" gives a private in-memory database).
func Open(ctx context.Context, dsn string) (*DB, error) {
	return OpenWith(ctx, dsn, Options{})
}

// Options adjust OpenWith.
type Options struct {
	// ReadDSN names a PostgreSQL streaming replica of the database: the
	// reads that may lag the primary (readLag) go there, everything else
	// to the primary.
	ReadDSN string
	// NoMigrate makes opening fail (ECONFLICT, naming `duban migrate`)
	// instead of migrating when migrations are pending.
	NoMigrate bool
}

// OpenWith opens the database like Open. It writes only to apply pending
// migrations, which it finds by reading schema_migrations first, so an
// up-to-date replica opens too.
func OpenWith(ctx context.Context, dsn string, o Options) (*DB, error) {
	db, err := open(dsn)
	if err != nil {
		return nil, err
	}
	if err := db.start(ctx, o); err != nil {
		db.Close()
		return nil, err
	}
	return db, nil
}

func (db *DB) start(ctx context.Context, o Options) error {
	if err := db.sql.PingContext(ctx); err != nil {
		return fmt.Errorf("store: connect: %w", err)
	}
	pending, err := db.PendingMigrations(ctx)
	if err != nil {
		return err
	}
	if len(pending) > 0 && o.NoMigrate {
		return errPending(pending)
	}
	if len(pending) > 0 {
		if err := db.Migrate(ctx); err != nil {
			return err
		}
	}
	if o.ReadDSN != "" {
		if err := db.openReplica(ctx, o.ReadDSN); err != nil {
			return err
		}
	}
	if db.dialect == DialectSQLite && !db.oneConn {
		db.startCheckpointer()
	}
	return nil
}

func errPending(pending []string) error {
	return duban.Errorf(duban.ECONFLICT, "数据库有 %d 个迁移尚未执行（%s），请先运行 duban migrate (%d migrations pending: run `duban migrate` first)",
		len(pending), strings.Join(pending, ", "), len(pending))
}

func open(dsn string) (*DB, error) {
	db := &DB{Now: time.Now, writeSlot: make(chan struct{}, 1)}
	if !isPostgres(dsn) && !isMemory(dsn) { // pgx keeps its own statement cache
		db.stmts = newStmtCache()
	}
	if isPostgres(dsn) {
		conn, err := sql.Open("pgx", dsn)
		if err != nil {
			return nil, fmt.Errorf("store: open postgres: %w", err)
		}
		// Keep connections open between bursts (database/sql keeps two
		// idle by default) and below the server's connection limit.
		conn.SetMaxOpenConns(pgMaxConns)
		conn.SetMaxIdleConns(pgMaxConns)
		db.sql, db.dialect = conn, DialectPostgres
		return db, nil
	}
	db.targets = &targetCache{entries: map[int64]cachedTarget{}}
	if !isMemory(dsn) {
		db.walPath, db.walLimit = sqliteFile(dsn)+"-wal", walLimit
	}
	conn, err := sql.Open("sqlite", sqliteDSN(dsn))
	if err != nil {
		return nil, fmt.Errorf("store: open sqlite: %w", err)
	}
	if isMemory(dsn) {
		// Each connection to :memory: is a separate database.
		conn.SetMaxOpenConns(1)
		db.oneConn = true
	} else {
		// SQLite work is CPU in this process: more connections than a few
		// per core only queue, and database/sql keeps just two idle ones by
		// default, so bursts would reopen connections (and re-read the
		// schema) over and over.
		n := max(4, 2*runtime.NumCPU())
		conn.SetMaxOpenConns(n)
		conn.SetMaxIdleConns(n)
	}
	db.sql, db.dialect = conn, DialectSQLite
	return db, nil
}

// Close closes the database.
func (db *DB) Close() error {
	db.stopCheckpointer()
	db.stmts.close()
	if db.replica != nil {
		db.replica.Close()
	}
	return db.sql.Close()
}

// Dialect returns "sqlite" or "postgres".
func (db *DB) Dialect() string { return db.dialect }

// now returns the clock's time in UTC at the microsecond precision both
// engines keep, so what is written reads back equal.
func (db *DB) now() time.Time {
	return db.Now().UTC().Truncate(time.Microsecond)
}

func isPostgres(dsn string) bool {
	return strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://")
}

func isMemory(dsn string) bool {
	return dsn == ":memory:" || strings.Contains(dsn, "mode=memory")
}

// sqliteDSN adds the pragmas every pooled connection needs. Write
// transactions begin IMMEDIATE so they take the write lock up front instead
// of failing to upgrade a read lock later; read-only ones stay deferred.
func sqliteDSN(path string) string {
	params := []string{
		"_pragma=busy_timeout(10000)",
		"_pragma=foreign_keys(1)",
		"_pragma=synchronous(NORMAL)",
		// 32 MiB of page cache (grown only as used) keeps a large batch
		// from spilling dirty pages to the WAL before commit.
		"_pragma=cache_size(-32768)",
		// Statement journals of multi-row inserts stay in memory, not in
		// temporary files.
		"_pragma=temp_store(MEMORY)",
		"_txlock=immediate",
		// The store checkpoints from a goroutine of its own (checkpoint.go).
		"_pragma=wal_autocheckpoint(0)",
		// After a checkpoint resets the log, SQLite cuts the file back to
		// this size instead of leaving it at its largest.
		fmt.Sprintf("_pragma=journal_size_limit(%d)", walLimit),
	}
	if !isMemory(path) {
		params = append(params, "_pragma=journal_mode(WAL)")
	}
	sep := "?"
	if strings.Contains(path, "?") {
		sep = "&"
	}
	if !strings.HasPrefix(path, "file:") {
		path = "file:" + path
	}
	return path + sep + strings.Join(params, "&")
}

// sqliteFile is the file path of a SQLite DSN, without "file:" and
// parameters.
func sqliteFile(dsn string) string {
	path, _, _ := strings.Cut(strings.TrimPrefix(dsn, "file:"), "?")
	return path
}

// Compile-time checks that DB implements the domain services.
var (
	_ duban.PlanService   = (*DB)(nil)
	_ duban.UserService   = (*DB)(nil)
	_ duban.ReportService = (*DB)(nil)
)
