package ui_test

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"net/url"
	"os/exec"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/duban-dev/duban"
	"github.com/duban-dev/duban/bulletin"
	"github.com/duban-dev/duban/demo"
)

// lateNotices issues n notices on the item to its unit on 2021-07-01,
// replies due 2021-07-05, so on the test's today (07-15) they are overdue.
func (e *env) lateNotices(t *testing.T, id int64, n int) []duban.Notice {
	t.Helper()
	ctx := context.Background()
	sup, err := e.db.FindUserByUsername(ctx, demo.SupervisorUsername)
	if err != nil {
		t.Fatal(err)
	}
	node, err := e.db.FindReportTarget(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	e.db.Now = func() time.Time { return time.Date(2021, 7, 1, 9, 0, 0, 0, time.UTC) }
	defer func() { e.db.Now = func() time.Time { return demoNow } }()
	var out []duban.Notice
	for i := range n {
		x, err := e.db.CreateNotice(ctx, sup, duban.NoticeInput{PlanID: e.planID, NodeID: node.Node.ID, IndicatorID: id,
			Trigger: duban.TriggerManual, Level: duban.LevelSupervise, Issue: fmt.Sprintf("问题 %d", i),
			Action: "限期整改", ReplyDue: duban.MustDate("2021-07-05")})
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, *x)
	}
	return out
}

func noticeCount(body string) int { return strings.Count(body, `<article class="card notice`) }

// TestNoticeListFilters: the notices page filters by state, level, unit and
// overdue reply, with the total the store counts, 20 to a page with page
// links; overdue replies are marked; only the unit's own reporter sees its
// 签收/反馈 buttons and a supervisor's 签收 is refused.
func TestNoticeListFilters(t *testing.T) {
	e := newEnv(t)
	e.issueRuleNotices(t)
	id, _, unit, _ := e.pick(t)
	late := e.lateNotices(t, id, 22)
	own := e.client()
	own.login(reporterOf(unit))
	if res := own.post("/notices", "/notices/"+strconv.FormatInt(late[0].ID, 10)+"/sign", url.Values{}); res.status != http.StatusSeeOther {
		t.Fatalf("own sign: %d", res.status)
	}
	sup := e.client()
	sup.login("duchashi")
	count := func(f duban.NoticeFilter) int {
		f.PlanID, f.Page = e.planID, duban.Page{PerPage: 1}.Normalize()
		_, total, err := e.db.ListNotices(t.Context(), f)
		if err != nil {
			t.Fatal(err)
		}
		return total
	}
	all := count(duban.NoticeFilter{})
	tests := []struct {
		query string
		total int
	}{
		{"", all},
		{"?state=signed", count(duban.NoticeFilter{State: duban.NoticeSigned})},
		{"?level=2", count(duban.NoticeFilter{Level: duban.LevelSupervise})},
		{"?unit=" + unit, count(duban.NoticeFilter{UnitCode: unit})},
		{"?overdue=1", 22},
		{"?overdue=1&state=signed", 1},
		{"?state=nonsense", all},
	}
	for _, tt := range tests {
		body := sup.get("/notices" + tt.query).body
		if want := fmt.Sprintf("共 %d 份", tt.total); !strings.Contains(body, want) {
			t.Errorf("%q: lacks %q", tt.query, want)
		}
		if got := noticeCount(body); got != min(tt.total, 20) {
			t.Errorf("%q: %d notices on the first page, want %d", tt.query, got, min(tt.total, 20))
		}
		if tt.query == "?overdue=1" && strings.Count(body, `class="badge overdue"`) != 20 {
			t.Errorf("overdue list: %d marked overdue of 20", strings.Count(body, `class="badge overdue"`))
		}
	}
	body := sup.get("/notices?overdue=1").body
	if !strings.Contains(body, `href="/notices?overdue=1&amp;page=2"`) {
		t.Error("the overdue list has no link to its second page keeping the filter")
	}
	if got := noticeCount(sup.get("/notices?overdue=1&page=2").body); got != 2 {
		t.Errorf("second page: %d notices, want 2", got)
	}
	if strings.Contains(body, "/sign\"") || strings.Contains(body, "/reply\"") {
		t.Error("the supervisor sees a unit's 签收/反馈 buttons")
	}
	if ownBody := own.get("/notices?overdue=1").body; !strings.Contains(ownBody, "/notices/"+strconv.FormatInt(late[21].ID, 10)+"/sign\"") {
		t.Error("the unit's reporter does not see its 签收 button")
	}
	if res := sup.post("/notices", "/notices/"+strconv.FormatInt(late[1].ID, 10)+"/sign", url.Values{}); res.status != http.StatusForbidden {
		t.Errorf("a supervisor signing for the unit: %d, want 403", res.status)
	}
}

// TestNoticePrint: the printable notice is an A4 page with the notice's
// number (文号), the unit's name and the overdue mark; another unit's
// reporter cannot open it; the PDF download is Chromium's print of it.
func TestNoticePrint(t *testing.T) {
	e := newEnv(t)
	id, _, unit, _ := e.pick(t)
	n := e.lateNotices(t, id, 1)[0]
	sup := e.client()
	sup.login("duchashi")
	path := "/notices/" + strconv.FormatInt(n.ID, 10)
	page := sup.get(path + "/print").body
	for _, want := range []string{"size: A4", `id="number">` + n.Number() + "<", "已逾期 10 天", "问题 0", "限期整改"} {
		if !strings.Contains(page, want) {
			t.Errorf("printable notice lacks %q", want)
		}
	}
	other := e.client()
	other.login(reporterOf(otherUnit(e, unit)))
	if res := other.get(path + "/print"); res.status != http.StatusNotFound {
		t.Errorf("another unit's reporter: %d, want 404", res.status)
	}
	if _, err := bulletin.FindChromium(); err != nil {
		t.Skip("chromium not installed:", err)
	}
	res := sup.get(path + "/pdf")
	if res.status != http.StatusOK || !strings.HasPrefix(res.body, "%PDF") || !strings.Contains(res.header.Get("Content-Disposition"), "attachment") {
		t.Fatalf("pdf: %d %q", res.status, res.header.Get("Content-Disposition"))
	}
	if _, err := exec.LookPath("pdftotext"); err == nil {
		cmd := exec.Command("pdftotext", "-", "-")
		cmd.Stdin = strings.NewReader(res.body)
		out, err := cmd.Output()
		if err != nil || !bytes.Contains(out, []byte(n.Number())) {
			t.Errorf("the PDF's text lacks the number %s (err %v): %.200s", n.Number(), err, out)
		}
	}
}
