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
	mu     sync.Mutex
	stmts  map[string]*sql.Stmt // nil while being prepared, or if it failed
	closed bool
	// preparing counts the background preparations; close cancels them
	// through stop and waits, so none opens a connection (and with it the
	// database's files) after the store is closed.
	preparing sync.WaitGroup
	stop      context.Context
	cancel    context.CancelFunc
}

func newStmtCache() *stmtCache {
	c := &stmtCache{stmts: map[string]*sql.Stmt{}}
	c.stop, c.cancel = context.WithCancel(context.Background())
	return c
}

// maxCachedStmts bounds the cache; queries past it are prepared per call.
const maxCachedStmts = 256

// stmt returns the cached statement of query ("?" placeholders). It
// returns nil, and the caller runs the query directly, when the cache is
// off (an in-memory SQLite database has one connection, which the running
// transaction holds), full, the statement is not prepared yet, or the query
// is not one plain statement with few parameters: scripts, DDL, bulk
// inserts and long IN lists are not worth keeping.
//
// A query seen for the first time is prepared in the background. Preparing
// takes a connection of its own, and the caller holds one already: when
// every pooled connection is held by a transaction waiting to prepare, a
// caller that waited would never get one.
func (db *DB) stmt(ctx context.Context, query string) *sql.Stmt {
	if db.stmts == nil || !cacheable(query) {
		return nil
	}
	c := db.stmts
	c.mu.Lock()
	defer c.mu.Unlock()
	if s, ok := c.stmts[query]; ok || c.closed || len(c.stmts) >= maxCachedStmts {
		return s
	}
	c.stmts[query] = nil
	c.preparing.Add(1)
	go c.prepare(db.sql, query, db.rebind(query))
	return nil
}

// prepare prepares a statement for the cache, waiting for a free
// connection without holding anything. A statement that fails to prepare
// stays out of the cache; its callers run it directly and see the error.
func (c *stmtCache) prepare(conn *sql.DB, key, query string) {
	defer c.preparing.Done()
	s, err := conn.PrepareContext(c.stop, query)
	c.mu.Lock()
	defer c.mu.Unlock()
	if err != nil {
		return
	}
	if c.closed {
		s.Close()
		return
	}
	c.stmts[key] = s
}

func (c *stmtCache) close() {
	if c == nil {
		return
	}
	c.mu.Lock()
	c.closed = true // no preparation starts after this
	c.mu.Unlock()
	c.cancel()
	c.preparing.Wait()
	c.mu.Lock()
	defer c.mu.Unlock()
	for q, s := range c.stmts {
		if s != nil {
			s.Close()
		}
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
