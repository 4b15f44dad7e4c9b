package store_test

import (
	"context"
	"testing"
	"time"

	"github.com/duban-dev/duban"
	"github.com/duban-dev/duban/store"
)

func TestSessionsExpire(t *testing.T) {
	forEachStore(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		f := mustTracking(t, db)
		token, other := []byte{0x01, 0xfe, 0x00, 0x7f}, []byte{0x02}
		expires := clock.Add(time.Hour)
		if err := db.CreateSession(ctx, f.jsj.ID, token, expires); err != nil {
			t.Fatal(err)
		}
		if err := db.CreateSession(ctx, f.admin.ID, other, clock.Add(-time.Second)); err != nil {
			t.Fatal(err)
		}
		u, err := db.FindSessionUser(ctx, token, clock)
		if err != nil {
			t.Fatal(err)
		}
		assertEqual(t, "session user", *u, *f.jsj)
		in8 := time.FixedZone("CST", 8*3600)
		cases := []struct {
			name  string
			token []byte
			now   time.Time
		}{
			{"at expiry", token, expires},
			{"after expiry, in another zone", token, expires.Add(time.Minute).In(in8)},
			{"expired at creation", other, clock},
			{"unknown token", []byte{0x03}, clock},
		}
		for _, c := range cases {
			_, err := db.FindSessionUser(ctx, c.token, c.now)
			wantCode(t, err, duban.ENOTFOUND)
		}
		if _, err := db.FindSessionUser(ctx, token, expires.Add(-time.Minute).In(in8)); err != nil {
			t.Errorf("a minute before expiry, in another zone: %v", err)
		}
		if n, err := db.DeleteExpiredSessions(ctx, clock); err != nil || n != 1 {
			t.Errorf("DeleteExpiredSessions = %d, %v; want 1", n, err)
		}
		if err := db.DeleteSession(ctx, token); err != nil {
			t.Fatal(err)
		}
		_, err = db.FindSessionUser(ctx, token, clock)
		wantCode(t, err, duban.ENOTFOUND)
		if err := db.CreateSession(ctx, f.jsj.ID, nil, expires); duban.ErrorCode(err) != duban.EINVALID {
			t.Errorf("empty token: %v", err)
		}
	})
}

func TestListAuditEntries(t *testing.T) {
	forEachStore(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		f := mustTracking(t, db)
		reps := f.mustSubmit(t, f.jsj, f.input("2021-06", 1), f.input("2021-07", 2))
		if _, err := db.ReviewReport(ctx, f.admin, reps[0].ID, true, ""); err != nil {
			t.Fatal(err)
		}
		all, total, err := db.ListAuditEntries(ctx, duban.AuditFilter{})
		if err != nil {
			t.Fatal(err)
		}
		// plan.import, five user.create, two report.submit, report.approve
		if total != 9 || len(all) != 9 || all[0].Action != "report.approve" || all[3].Action != "user.create" || all[8].Action != "plan.import" {
			t.Fatalf("entries %d of %d: %+v", len(all), total, all)
		}
		if all[0].Before == nil || all[0].After == nil || all[8].Before != nil || !all[0].At.Equal(clock) {
			t.Errorf("approve entry %+v, import entry %+v", all[0], all[8])
		}
		cases := []struct {
			name    string
			filter  duban.AuditFilter
			actions []string
			total   int
		}{
			{"one report", duban.AuditFilter{Entity: "report", EntityID: reps[0].ID}, []string{"report.approve", "report.submit"}, 2},
			{"all reports, page 2", duban.AuditFilter{Entity: "report", Page: duban.Page{Page: 2, PerPage: 2}}, []string{"report.submit"}, 3},
			{"plans", duban.AuditFilter{Entity: "plan"}, []string{"plan.import"}, 1},
			{"one actor", duban.AuditFilter{Actor: "jsj.zhang"}, []string{"report.submit", "report.submit"}, 2},
			{"one kind of action", duban.AuditFilter{Action: "report."}, []string{"report.approve", "report.submit", "report.submit"}, 3},
			{"one action", duban.AuditFilter{Action: "report.approve"}, []string{"report.approve"}, 1},
			{"an actor and an action", duban.AuditFilter{Actor: "admin", Action: "report.submit"}, nil, 0},
			{"the day (Beijing)", duban.AuditFilter{From: duban.MustDate("2021-07-15"), To: duban.MustDate("2021-07-15"), Action: "report."},
				[]string{"report.approve", "report.submit", "report.submit"}, 3},
			{"from the next day", duban.AuditFilter{From: duban.MustDate("2021-07-16")}, nil, 0},
			{"up to the day before", duban.AuditFilter{To: duban.MustDate("2021-07-14")}, nil, 0},
		}
		for _, c := range cases {
			list, total, err := db.ListAuditEntries(ctx, c.filter)
			if err != nil {
				t.Fatal(err)
			}
			var actions []string
			for _, e := range list {
				actions = append(actions, e.Action)
			}
			assertEqual(t, c.name, actions, c.actions)
			if total != c.total {
				t.Errorf("%s: total %d, want %d", c.name, total, c.total)
			}
		}
	})
}

// Days are Beijing days: 17:00 UTC on 15 July is 01:00 on 16 July.
func TestAuditDaysAreBeijingDays(t *testing.T) {
	forEachStore(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		db.Now = func() time.Time { return time.Date(2021, 7, 15, 17, 0, 0, 0, time.UTC) }
		if err := db.CreateUser(ctx, "test", &duban.User{Username: "late", Role: duban.RoleAdmin}); err != nil {
			t.Fatal(err)
		}
		count := func(from, to string) int {
			_, total, err := db.ListAuditEntries(ctx, duban.AuditFilter{From: duban.MustDate(from), To: duban.MustDate(to)})
			if err != nil {
				t.Fatal(err)
			}
			return total
		}
		if n := count("2021-07-16", "2021-07-16"); n != 1 {
			t.Errorf("16 July (Beijing) holds %d entries, want 1", n)
		}
		if n := count("2021-07-15", "2021-07-15"); n != 0 {
			t.Errorf("15 July (Beijing) holds %d entries, want 0", n)
		}
		_, _, err := db.ListAuditEntries(ctx, duban.AuditFilter{From: duban.MustDate("2021-07-16"), To: duban.MustDate("2021-07-15")})
		if duban.ErrorCode(err) != duban.EINVALID || duban.ErrorFields(err)[0].Field != "to" {
			t.Errorf("to before from: %v", err)
		}
	})
}
