package web_test

import (
	"context"
	"io"
	"log/slog"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"

	"github.com/duban-dev/duban/store"
	"github.com/duban-dev/duban/web"
)

// TestHealthFailsWhenTheDatabaseCannotWrite: sign-ins fail on a database
// that takes no writes, so the health check must fail too.
func TestHealthFailsWhenTheDatabaseCannotWrite(t *testing.T) {
	db, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "h.db"))
	if err != nil {
		t.Fatal(err)
	}
	srv := web.NewServer(web.Config{Users: db, Sessions: db, Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	get := func() *httptest.ResponseRecorder {
		rec := httptest.NewRecorder()
		srv.ServeHTTP(rec, httptest.NewRequest("GET", "/healthz", nil))
		return rec
	}
	if rec := get(); rec.Code != 200 {
		t.Fatalf("healthy: %d %s", rec.Code, rec.Body)
	}
	db.Close()
	if rec := get(); rec.Code != 503 || !strings.Contains(rec.Body.String(), "unavailable") {
		t.Fatalf("unwritable database: %d %s", rec.Code, rec.Body)
	}
}
