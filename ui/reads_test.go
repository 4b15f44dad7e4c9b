package ui_test

import (
	"archive/zip"
	"bytes"
	"context"
	"io"
	"strings"
	"testing"

	"github.com/duban-dev/duban"
)

// TestPagesKeepAnotherUnitsWorkingDataInside reads every page that shows
// reports as another unit's reporter and, for the public pages, as the
// public: none shows the owning unit's draft, unreviewed or returned notes
// or return reason; the owner and the office still see them on the item.
func TestPagesKeepAnotherUnitsWorkingDataInside(t *testing.T) {
	e := newEnv(t)
	id, _, unit, _ := e.pick(t)
	ctx := context.Background()
	target, err := e.db.FindReportTarget(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	owner, err := e.db.FindUserByUsername(ctx, reporterOf(unit))
	if err != nil {
		t.Fatal(err)
	}
	const draftNote, sentNote, reason = "草稿备注-SECRET-A", "待审备注-SECRET-B", "退回理由-SECRET-C"
	period := duban.PeriodOf(target.Indicator.Cadence, asOf).Prev().String()
	v := 1.0
	ins := []duban.ReportInput{
		{IndicatorID: id, Period: period, Value: &v, Note: draftNote, Draft: true},
		{IndicatorID: id, Period: period, Value: &v, Note: sentNote},
		{IndicatorID: id, Period: period, Value: &v, Note: sentNote},
	}
	reps, err := e.db.SubmitReports(ctx, owner, ins, asOf)
	if err != nil {
		t.Fatal(err)
	}
	office, _ := e.db.FindUserByUsername(ctx, "duchashi")
	if _, err := e.db.ReviewReport(ctx, office, reps[2].ID, false, reason); err != nil {
		t.Fatal(err)
	}
	other := "jyj"
	if unit == other {
		other = "zjj"
	}
	secrets := []string{draftNote, sentNote, reason}
	member := []string{"/", "/plans/{id}", "/plans/{id}/tree", "/workspace", "/review", "/notices", "/audit",
		"/bulletins", "/plans/{id}/bulletins", "/plans/{id}/projects", "/plans/{id}/projects/map", "/projects",
		"/plans/{id}/problems", "/plans/{id}/dispatch", "/plans/{id}/screen.json", "/plans/{id}/ranking.xlsx?period=" + period,
		"/plans/{id}/export.xlsx"}
	item := []string{e.path("/indicators/{id}", id), e.path("/indicators/{id}/report", id)}
	c := e.client()
	c.login(reporterOf(other))
	for _, p := range append(item, member...) {
		path := e.path(p, e.planID)
		res := c.get(path)
		if res.status >= 500 {
			t.Errorf("GET %s as %s: %d", path, reporterOf(other), res.status)
		}
		text := unzipped(res.body)
		for _, s := range secrets {
			if strings.Contains(text, s) {
				t.Errorf("GET %s as %s shows %s", path, reporterOf(other), s)
			}
		}
	}
	public := e.client()
	for _, p := range []string{"/public/plans/{id}", "/login", e.path("/indicators/{id}", id)} {
		path := e.path(p, e.planID)
		for _, s := range secrets {
			if strings.Contains(public.get(path).body, s) {
				t.Errorf("GET %s as the public shows %s", path, s)
			}
		}
	}
	for _, who := range []string{reporterOf(unit), "duchashi"} {
		c := e.client()
		c.login(who)
		body := c.get(e.path("/indicators/{id}", id)).body
		for _, s := range secrets {
			if !strings.Contains(body, s) {
				t.Errorf("%s no longer sees %s on the item page", who, s)
			}
		}
	}
}

// unzipped is a body's text; an .xlsx (a zip) is searched through the XML
// of its parts.
func unzipped(body string) string {
	zr, err := zip.NewReader(strings.NewReader(body), int64(len(body)))
	if err != nil {
		return body
	}
	var b bytes.Buffer
	for _, f := range zr.File {
		if rc, err := f.Open(); err == nil {
			_, _ = io.Copy(&b, rc)
			rc.Close()
		}
	}
	return b.String()
}
