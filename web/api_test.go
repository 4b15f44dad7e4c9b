package web_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http/httptest"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/duban-dev/duban"
	"github.com/duban-dev/duban/auth"
	"github.com/duban-dev/duban/demo"
	"github.com/duban-dev/duban/files"
	"github.com/duban-dev/duban/notify"
	"github.com/duban-dev/duban/planfile"
	"github.com/duban-dev/duban/store"
	"github.com/duban-dev/duban/tracker"
	"github.com/duban-dev/duban/web"
)

const password = "test-pw"

// maxUpload is the upload limit of the test server, small to test cheaply.
const maxUpload = 64 << 10

// env is a server over a real SQLite store holding the demo plan, with the
// clock at 2021-07-15 noon.
type env struct {
	t      testing.TB
	db     *store.DB
	srv    *web.Server
	bundle *duban.Bundle
	planID int64
	tokens map[string]string
}

var demoNow = time.Date(2021, 7, 15, 12, 0, 0, 0, time.UTC)

func newEnv(t testing.TB) *env {
	t.Helper()
	ctx := context.Background()
	db, err := store.Open(ctx, filepath.Join(t.TempDir(), "t.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	db.Now = func() time.Time { return demoNow }
	b, err := planfile.Decode("erqi-2021.yaml", bytes.NewReader(demo.ErqiPlan))
	if err != nil {
		t.Fatal(err)
	}
	planID, err := db.ImportBundle(ctx, b, "test")
	if err != nil {
		t.Fatal(err)
	}
	hash, _ := auth.HashPassword(password)
	for _, u := range demo.Users(b) {
		u.PasswordHash = hash
		if err := db.CreateUser(ctx, "test", &u); err != nil {
			t.Fatal(err)
		}
	}
	fileStore, err := files.New(files.Config{Dir: t.TempDir(), MaxSize: maxUpload, Index: db})
	if err != nil {
		t.Fatal(err)
	}
	srv := web.NewServer(web.Config{Plans: db, Users: db, Sessions: db, Reports: db, Notices: db,
		Tracker: tracker.NewService(db), Directory: db, Audit: db, Bulletins: db, Files: fileStore, Webhooks: db, MaxUpload: maxUpload, Projects: db,
		WebhookPolicy: notify.Policy{Allow: []string{"127.0.0.1"}},
		Logger:        slog.New(slog.NewTextHandler(io.Discard, nil)), Now: func() time.Time { return demoNow }})
	return &env{t: t, db: db, srv: srv, bundle: b, planID: planID, tokens: map[string]string{}}
}

type response struct {
	status int
	body   map[string]any
	raw    string
}

func (e *env) do(method, path, user string, body any) response {
	e.t.Helper()
	var rd io.Reader
	contentType := ""
	switch b := body.(type) {
	case string:
		rd = strings.NewReader(b)
	case upload:
		rd, contentType = b.multipart(e.t)
	case nil:
	default:
		j, _ := json.Marshal(body)
		rd = bytes.NewReader(j)
	}
	req := httptest.NewRequest(method, path, rd)
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	if user != "" {
		req.Header.Set("Authorization", "Bearer "+e.token(user))
	}
	rec := httptest.NewRecorder()
	e.srv.ServeHTTP(rec, req)
	res := response{status: rec.Code, raw: rec.Body.String()}
	_ = json.Unmarshal(rec.Body.Bytes(), &res.body)
	return res
}

func (e *env) token(user string) string {
	if tok, ok := e.tokens[user]; ok {
		return tok
	}
	res := e.do("POST", "/api/v1/login", "", map[string]string{"username": user, "password": password})
	if res.status != 200 {
		e.t.Fatalf("login %s: %d %s", user, res.status, res.raw)
	}
	e.tokens[user] = res.body["token"].(string)
	return e.tokens[user]
}

// indicatorOf finds a monthly cumulative indicator led by the unit.
func (e *env) indicatorOf(unit string) int64 {
	e.t.Helper()
	id, ok := e.monthlyIndicatorOf(unit)
	if !ok {
		e.t.Fatalf("no monthly cumulative indicator led by %s", unit)
	}
	return id
}

func (e *env) reportCount(indicatorID int64) int {
	reps, _, err := e.db.ListReportsFiltered(context.Background(), duban.ReportFilter{IndicatorID: indicatorID, Page: duban.Page{PerPage: 500}.Normalize()})
	if err != nil {
		e.t.Fatal(err)
	}
	return len(reps)
}

func itoa(id int64) string { return strconv.FormatInt(id, 10) }
