package jobs_test

import (
	"bytes"
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/duban-dev/duban"
	"github.com/duban-dev/duban/demo"
	"github.com/duban-dev/duban/jobs"
	"github.com/duban-dev/duban/planfile"
	"github.com/duban-dev/duban/store"
)

// openErqi opens a store on dsn (a fresh SQLite file when empty) with the
// demo plan imported and the clock at *now.
func openErqi(t *testing.T, dsn string, now *time.Time) (*store.DB, int64) {
	t.Helper()
	ctx := context.Background()
	if dsn == "" {
		dsn = filepath.Join(t.TempDir(), "t.db")
	}
	db, err := store.Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	db.Now = func() time.Time { return *now }
	b, err := planfile.Decode("erqi-2021.yaml", bytes.NewReader(demo.ErqiPlan))
	if err != nil {
		t.Fatal(err)
	}
	planID, err := db.ImportBundle(ctx, b, "test")
	if err != nil && duban.ErrorCode(err) != duban.ECONFLICT {
		t.Fatal(err)
	}
	return db, planID
}

func newRunner(db *store.DB, now *time.Time, cfg jobs.Config) *jobs.Runner {
	cfg.Notices, cfg.Rules, cfg.Sessions, cfg.Statuses = db, db, db, db
	cfg.Now = func() time.Time { return *now }
	return jobs.New(cfg)
}

func allNotices(t *testing.T, db *store.DB, planID int64) []duban.Notice {
	t.Helper()
	list, _, err := db.ListNotices(context.Background(), duban.NoticeFilter{PlanID: planID, Page: duban.Page{PerPage: duban.MaxPerPage}})
	if err != nil {
		t.Fatal(err)
	}
	return list
}

// assertOneNoticePerUnit checks the default policy: as many notices as
// units with items to act on, none naming one indicator, numbered 1…n.
func assertOneNoticePerUnit(t *testing.T, db *store.DB, planID int64, res jobs.Result) {
	t.Helper()
	list := allNotices(t, db, planID)
	units := map[string]bool{}
	seqs := map[int]bool{}
	for _, n := range list {
		if units[n.UnitCode] || n.IndicatorID != 0 || n.CreatedBy != jobs.System.Username {
			t.Fatalf("notice %s: unit %s (seen before: %v), indicator %d, by %s", n.Number(), n.UnitCode, units[n.UnitCode], n.IndicatorID, n.CreatedBy)
		}
		units[n.UnitCode], seqs[n.Seq] = true, true
	}
	if len(list) != res.Issued || res.Listed <= res.Issued || len(seqs) != len(list) || !seqs[1] || !seqs[len(list)] {
		t.Fatalf("%d notices stored, result %+v, numbers %v", len(list), res, seqs)
	}
	audits, err := db.ListAudit(context.Background(), "notice", list[0].ID)
	if err != nil || len(audits) != 1 {
		t.Fatalf("audit rows of a round notice: %d (%v), want one", len(audits), err)
	}
}

func TestPerItemPolicy(t *testing.T) {
	now := time.Date(2021, 7, 15, 9, 0, 0, 0, time.UTC)
	db, planID := openErqi(t, "", &now)
	res := mustRun(t, newRunner(db, &now, jobs.Config{Policy: duban.PolicyPerItem}))
	list := allNotices(t, db, planID)
	if res.Issued == 0 || res.Issued != res.Listed || len(list) != res.Issued {
		t.Fatalf("per item: %+v, %d stored", res, len(list))
	}
	seen := map[int64]bool{}
	for _, n := range list {
		if n.IndicatorID == 0 || seen[n.IndicatorID] {
			t.Fatalf("notice %s names indicator %d (seen before: %v)", n.Number(), n.IndicatorID, seen[n.IndicatorID])
		}
		seen[n.IndicatorID] = true
	}
	// The same items under the per-unit policy are already listed.
	if again := mustRun(t, newRunner(db, &now, jobs.Config{})); again.Issued != 0 {
		t.Fatalf("per-unit round after a per-item one: %+v, want nothing new", again)
	}
}

// A plan whose year has ended gets no notices unless closed years are
// asked for.
func TestClosedYearGetsNoNotices(t *testing.T) {
	now := time.Date(2022, 3, 1, 9, 0, 0, 0, time.UTC)
	db, planID := openErqi(t, "", &now)
	if res := mustRun(t, newRunner(db, &now, jobs.Config{})); res.Issued != 0 {
		t.Fatalf("closed year: %+v, want nothing issued", res)
	}
	res := mustRun(t, newRunner(db, &now, jobs.Config{ClosedYears: true}))
	if res.Issued == 0 {
		t.Fatalf("closed year asked for: %+v", res)
	}
	assertOneNoticePerUnit(t, db, planID, res)
}

// Closing a notice frees its items: the next round lists them again.
func TestClosingANoticeFreesItsItems(t *testing.T) {
	ctx := context.Background()
	now := time.Date(2021, 7, 15, 9, 0, 0, 0, time.UTC)
	db, planID := openErqi(t, "", &now)
	runner := newRunner(db, &now, jobs.Config{})
	first := mustRun(t, runner)
	n := allNotices(t, db, planID)[0]
	admin := &duban.User{Username: "admin", Role: duban.RoleAdmin}
	for _, step := range []duban.NoticeAction{duban.ActReply, duban.ActClose} {
		if _, err := db.ApplyNotice(ctx, admin, n.ID, step, "已整改", duban.Date{}); err != nil {
			t.Fatal(err)
		}
	}
	again := mustRun(t, runner)
	if again.Issued != 1 || again.Listed == 0 || again.Listed > first.Listed {
		t.Fatalf("round after closing %s: %+v, want one notice for its unit again", n.Number(), again)
	}
	latest := allNotices(t, db, planID)[0]
	if latest.UnitCode != n.UnitCode || latest.Seq != first.Issued+1 {
		t.Fatalf("new notice %s for %s, want the next number for %s", latest.Number(), latest.UnitCode, n.UnitCode)
	}
}
