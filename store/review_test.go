package store_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/duban-dev/duban"
	"github.com/duban-dev/duban/store"
)

func TestSubmitReportsNumbersVersions(t *testing.T) {
	forEachStore(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		f := mustTracking(t, db)
		first := f.mustSubmit(t, f.jsj, f.input("2021-07", 2))
		in := f.input("2021-07", 1)
		in.Note, in.Attachments = "更正", []string{"sha-1", "sha-2"}
		mustFile(t, db, "sha-1", "a.png")
		mustFile(t, db, "sha-2", "b.png")
		second := f.mustSubmit(t, f.jsj, in, f.input("2021-06", 0))

		want := duban.Report{ID: first[0].ID, PlanID: f.planID, IndicatorID: f.ind["ind-4"].ID, UnitCode: "jsj",
			Period: "2021-07", Version: 1, Value: float(2), State: duban.Submitted, SubmittedBy: "jsj.zhang", SubmittedAt: clock}
		assertEqual(t, "first report", first[0], want)
		if second[0].Version != 2 || second[1].Version != 1 || second[0].ID == 0 || second[0].ID == first[0].ID {
			t.Fatalf("versions %d, %d ids %d, %d; want 2 and 1 with new ids", second[0].Version, second[1].Version,
				second[0].ID, second[1].ID)
		}
		history, total, err := db.ListReportsFiltered(ctx, duban.ReportFilter{IndicatorID: f.ind["ind-4"].ID})
		if err != nil || total != 3 {
			t.Fatalf("history total %d, err %v", total, err)
		}
		// Within a batch ids follow indicator and period, not input order.
		assertEqual(t, "history, newest first", history, []duban.Report{second[0], second[1], first[0]})
		if second[1].ID > second[0].ID {
			t.Errorf("ids %d (2021-06) and %d (2021-07): the earlier period should take the lower id", second[1].ID, second[0].ID)
		}
		found, err := db.FindReport(ctx, second[0].ID)
		if err != nil {
			t.Fatal(err)
		}
		assertEqual(t, "found report", *found, second[0])
		files, err := db.ReportAttachments(ctx, second[0].ID)
		if err != nil {
			t.Fatal(err)
		}
		assertEqual(t, "attachments", files, []string{"sha-1", "sha-2"})
		entries, _ := db.ListAudit(ctx, "report", second[0].ID)
		if len(entries) != 1 || entries[0].Action != "report.submit" || entries[0].Actor != "jsj.zhang" {
			t.Errorf("audit = %+v", entries)
		}
	})
}

func TestSubmitReportsDraftAndDuplicatesInOneBatch(t *testing.T) {
	forEachStore(t, func(t *testing.T, db *store.DB) {
		f := mustTracking(t, db)
		draft := duban.ReportInput{IndicatorID: f.ind["ind-4"].ID, Period: "2021-05", Draft: true}
		reps := f.mustSubmit(t, f.supervisor, draft, f.input("2021-05", 1), f.input("2021-05", 2))
		got := []int{reps[0].Version, reps[1].Version, reps[2].Version}
		assertEqual(t, "versions", got, []int{1, 2, 3})
		if reps[0].State != duban.Draft || reps[0].Value != nil || reps[1].State != duban.Submitted {
			t.Errorf("states %s %s, draft value %v", reps[0].State, reps[1].State, reps[0].Value)
		}
		if reps[0].UnitCode != "jsj" || reps[0].SubmittedBy != "dcs.li" {
			t.Errorf("unit %q by %q; want the node's lead unit, by the supervisor", reps[0].UnitCode, reps[0].SubmittedBy)
		}
	})
}

func TestSubmitReportsBadRowWritesNothing(t *testing.T) {
	forEachStore(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		f := mustTracking(t, db)
		counts := tableCounts(t, db)
		noLead := duban.ReportInput{IndicatorID: f.ind["ind-1"].ID, Period: "2021-07", Value: float(1)}
		cases := []struct {
			name   string
			batch  []duban.ReportInput
			code   string
			fields []duban.FieldError
		}{
			{"a bad period in row 2", []duban.ReportInput{f.input("2021-06", 1), f.input("2021-Q2", 1)}, duban.EINVALID,
				[]duban.FieldError{{Row: 2, Field: "period"}}},
			{"rows 1 and 3", []duban.ReportInput{f.input("2021-08", 1), f.input("2021-06", 1),
				{IndicatorID: f.ind["ind-4"].ID, Period: "2021-06"}}, duban.EINVALID,
				[]duban.FieldError{{Row: 1, Field: "period"}, {Row: 3, Field: "value"}}},
			{"unknown indicator", []duban.ReportInput{f.input("2021-06", 1), {IndicatorID: 999999, Period: "2021-06"}},
				duban.EINVALID, []duban.FieldError{{Row: 2, Field: "indicator_id"}}},
			{"node without lead unit", []duban.ReportInput{noLead}, duban.EINVALID,
				[]duban.FieldError{{Row: 1, Field: "indicator_id"}}},
			{"empty attachment id", []duban.ReportInput{withAttachments(f.input("2021-06", 1), "")}, duban.EINVALID,
				[]duban.FieldError{{Row: 1, Field: "attachments[0]"}}},
		}
		for _, c := range cases {
			_, err := db.SubmitReports(ctx, f.admin, c.batch, today)
			wantCode(t, err, c.code)
			assertEqual(t, c.name+": rows and fields", rowFields(err), c.fields)
			assertEqual(t, c.name+": row counts", tableCounts(t, db), counts)
		}
	})
}

func TestSubmitReportsForOtherUnitIsForbidden(t *testing.T) {
	forEachStore(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		f := mustTracking(t, db)
		counts := tableCounts(t, db)
		fgwItem := duban.ReportInput{IndicatorID: f.ind["ind-3"].ID, Period: "2021-W27", MilestonesDone: new(int)}
		cases := []struct {
			actor *duban.User
			rows  []duban.FieldError
		}{
			{f.jsj, []duban.FieldError{{Row: 2, Field: "indicator_id"}}},
			{f.leader, []duban.FieldError{{Row: 1, Field: "indicator_id"}, {Row: 2, Field: "indicator_id"}}},
		}
		for _, c := range cases {
			_, err := db.SubmitReports(ctx, c.actor, []duban.ReportInput{f.input("2021-06", 1), fgwItem}, today)
			wantCode(t, err, duban.EFORBIDDEN)
			assertEqual(t, c.actor.Username+": forbidden rows", rowFields(err), c.rows)
			if want := fmt.Sprintf("第 %d 行", c.rows[0].Row); !strings.Contains(duban.ErrorMessage(err), want) {
				t.Errorf("%s: message %q does not name the row", c.actor.Username, duban.ErrorMessage(err))
			}
			assertEqual(t, c.actor.Username+": row counts", tableCounts(t, db), counts)
		}
		if reps := f.mustSubmit(t, f.fgw, fgwItem); reps[0].UnitCode != "fgw" {
			t.Errorf("fgw's own item: unit %q", reps[0].UnitCode)
		}
	})
}

func withAttachments(in duban.ReportInput, ids ...string) duban.ReportInput {
	in.Attachments = ids
	return in
}

// rowFields keeps the row and field of each field error.
func rowFields(err error) []duban.FieldError {
	var out []duban.FieldError
	for _, f := range duban.ErrorFields(err) {
		out = append(out, duban.FieldError{Row: f.Row, Field: f.Field})
	}
	return out
}

// TestSubmitReportsStoresTimeAsOtherWrites checks that a batch, which
// encodes its submission time once, stores the same value as a write that
// passes the time to the driver, so the two sort and compare as equal.
func TestSubmitReportsStoresTimeAsOtherWrites(t *testing.T) {
	forEachStore(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		f := mustTracking(t, db)
		f.mustSubmit(t, f.jsj, f.input("2021-07", 2))
		err := db.InsertReports(ctx, []duban.Report{{IndicatorID: f.ind["ind-4"].ID, UnitCode: "jsj", Period: "2021-06",
			Version: 1, Value: float(1), State: duban.Submitted, SubmittedBy: "jsj.zhang"}}, "admin")
		if err != nil {
			t.Fatal(err)
		}
		got, err := store.QueryString(ctx, db, "SELECT COUNT(*) || ' ' || COUNT(DISTINCT submitted_at) FROM reports")
		if err != nil || got != "2 1" {
			t.Errorf("reports, distinct submission times = %q (%v), want \"2 1\"", got, err)
		}
	})
}
