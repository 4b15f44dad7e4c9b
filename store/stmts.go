package store

import (
	"context"
	"database/sql"
	"strings"
	"sync"
)

// stmtCache keeps a prepared statement per query text, so a hot query is
// parsed once per connection rather than on every call. database/sql
// re-prepares a statement on each pooled connection the first time it is
// used there and keeps it.
type stmtCache struct {
	mu    sync.Mutex
	stmts map[string]*sql.Stmt
}

// maxCachedStmts bounds the cache; queries past it are prepared per call.
const maxCachedStmts = 256

// stmt returns the cached statement of query ("?" placeholders), preparing
// it on first use. It returns nil, and the caller runs the query directly,
// when the cache is off (an in-memory SQLite database has one connection,
// which the running transaction holds), full, or the query is not one
// plain statement with few parameters: scripts, DDL, bulk inserts and long
// IN lists are not worth keeping.
func (db *DB) stmt(ctx context.Context, query string) *sql.Stmt {
	if db.stmts == nil || !cacheable(query) {
		return nil
	}
	c := db.stmts
	c.mu.Lock()
	defer c.mu.Unlock()
	if s, ok := c.stmts[query]; ok {
		return s
	}
	if len(c.stmts) >= maxCachedStmts {
		return nil
	}
	s, err := db.sql.PrepareContext(ctx, db.rebind(query))
	if err != nil {
		return nil // the query itself reports the error
	}
	c.stmts[query] = s
	return s
}

func (c *stmtCache) close() {
	if c == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	for q, s := range c.stmts {
		s.Close()
		delete(c.stmts, q)
	}
}

// maxCachedParams bounds the placeholders of a cached query.
const maxCachedParams = 32

func cacheable(query string) bool {
	q := strings.TrimSpace(query)
	for _, verb := range []string{"SELECT ", "INSERT ", "UPDATE ", "DELETE "} {
		if strings.HasPrefix(q, verb) {
			return !strings.Contains(q, ";") && strings.Count(q, "?") <= maxCachedParams
		}
	}
	return false
}
