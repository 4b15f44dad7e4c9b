package store_test

import (
	"context"
	"testing"

	"github.com/duban-dev/duban"
	"github.com/duban-dev/duban/store"
)

// today is the day the tracking tests report on; clock falls on it.
var today = duban.MustDate("2021-07-15")

// tracking is richBundle imported with one user per role. In it ind-4
// (monthly, node T1) and ind-2 (quarterly, A1) are led by jsj and gov,
// ind-3 (weekly milestones, P1) by fgw; ind-1's node has no lead unit.
type tracking struct {
	db                                  *store.DB
	planID                              int64
	ind                                 map[string]duban.Indicator
	node                                map[string]duban.Node
	admin, supervisor, leader, jsj, fgw *duban.User
}

func mustTracking(t testing.TB, db *store.DB) *tracking {
	t.Helper()
	ctx := context.Background()
	f := &tracking{db: db, planID: mustImport(t, db, richBundle()),
		ind: map[string]duban.Indicator{}, node: map[string]duban.Node{}}
	b, err := db.ExportBundle(ctx, f.planID)
	if err != nil {
		t.Fatalf("ExportBundle: %v", err)
	}
	for _, in := range b.Indicators {
		f.ind[in.Code] = in
	}
	for _, n := range b.Nodes {
		f.node[n.Code] = n
	}
	f.admin = mustUser(t, db, "admin", duban.RoleAdmin, "")
	f.supervisor = mustUser(t, db, "dcs.li", duban.RoleSupervisor, "")
	f.leader = mustUser(t, db, "qz.wang", duban.RoleReader, "")
	f.jsj = mustUser(t, db, "jsj.zhang", duban.RoleReporter, "jsj")
	f.fgw = mustUser(t, db, "fgw.chen", duban.RoleReporter, "fgw")
	return f
}

func mustUser(t testing.TB, db *store.DB, name string, role duban.Role, unit string) *duban.User {
	t.Helper()
	u := &duban.User{Username: name, DisplayName: name, Role: role, UnitCode: unit}
	if err := db.CreateUser(context.Background(), "test", u); err != nil {
		t.Fatalf("CreateUser %s: %v", name, err)
	}
	return u
}

// input is a valid report on ind-4 (monthly, lead unit jsj) for period.
func (f *tracking) input(period string, value float64) duban.ReportInput {
	return duban.ReportInput{IndicatorID: f.ind["ind-4"].ID, Period: period, Value: float(value)}
}

func (f *tracking) mustSubmit(t testing.TB, actor *duban.User, ins ...duban.ReportInput) []duban.Report {
	t.Helper()
	reps, err := f.db.SubmitReports(context.Background(), actor, ins, today)
	if err != nil {
		t.Fatalf("SubmitReports: %v", err)
	}
	return reps
}

func (f *tracking) mustWebhook(t testing.TB, name string, active bool) duban.Webhook {
	t.Helper()
	w := duban.Webhook{Name: name, Kind: duban.WebhookJSON, URL: "https://hooks.example.com/" + name, Active: active}
	if err := f.db.CreateWebhook(context.Background(), &w); err != nil {
		t.Fatalf("CreateWebhook: %v", err)
	}
	return w
}

// mustCount counts the rows of a table.
func mustCount(t testing.TB, db *store.DB, table string) int {
	t.Helper()
	n, err := store.QueryInt(context.Background(), db, "SELECT COUNT(*) FROM "+table)
	if err != nil {
		t.Fatalf("count %s: %v", table, err)
	}
	return n
}

// trackingTables are the tables a rejected write must leave unchanged.
var trackingTables = []string{"reports", "report_attachments", "audit_log", "notices", "notice_events", "outbox"}

func tableCounts(t testing.TB, db *store.DB) map[string]int {
	t.Helper()
	counts := map[string]int{}
	for _, table := range trackingTables {
		counts[table] = mustCount(t, db, table)
	}
	return counts
}
