package ui_test

import (
	"bytes"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/duban-dev/duban"
	"github.com/duban-dev/duban/demo"
	"github.com/duban-dev/duban/xlsx"
	"github.com/xuri/excelize/v2"
)

// TestReturnedReportShowsReason: a report returned with a reason appears in
// the unit's workspace with that reason.
func TestReturnedReportShowsReason(t *testing.T) {
	e := newEnv(t)
	id, _, unit, _ := e.pick(t)
	rep := e.client()
	rep.login(reporterOf(unit))
	res := rep.post("/workspace", e.path("/indicators/{id}/report", id), url.Values{
		"period": {"2021-Q3"}, "value": {"abc"}, "action": {"submit"}})
	if res.status != http.StatusBadRequest || !strings.Contains(res.body, "不是有效数字") {
		t.Fatalf("bad value: %d, want 400 naming the field", res.status)
	}
	res = rep.post("/workspace", e.path("/indicators/{id}/report", id), url.Values{
		"period": {"2021-Q3"}, "value": {"3"}, "action": {"submit"}})
	if res.status != http.StatusSeeOther {
		t.Fatalf("submit: %d", res.status)
	}
	queue, _, err := e.db.ListReportsFiltered(t.Context(), duban.ReportFilter{IndicatorID: id, State: duban.Submitted})
	if err != nil || len(queue) != 1 {
		t.Fatalf("queue: %v %v", queue, err)
	}
	sup := e.client()
	sup.login("duchashi")
	path := "/reports/" + strconv.FormatInt(queue[0].ID, 10) + "/return"
	if res := sup.post("/review", path, url.Values{"reason": {"数据与台账不符，请核实"}}); res.status != http.StatusSeeOther {
		t.Fatalf("return: %d %s", res.status, res.body)
	}
	body := rep.get("/workspace").body
	if !strings.Contains(body, "被退回的报送") || !strings.Contains(body, "数据与台账不符，请核实") {
		t.Errorf("workspace does not show the returned report with its reason")
	}
	// The correction form starts from the returned version: a warning, not
	// a success, with the reviewer's reason and name.
	form := rep.get(e.path("/indicators/{id}/report?period=2021-Q3", id)).body
	if strings.Contains(form, `class="flash ok"`) || !strings.Contains(form, `<div class="flash warn" role="alert" id="returned">`) ||
		!strings.Contains(form, `<p id="return-reason">退回理由：数据与台账不符，请核实</p>`) || !strings.Contains(form, "退回人：") {
		t.Errorf("the correction form does not warn with the reason:\n%.2000s", form[strings.Index(form, "<main"):])
	}
	if en := rep.get(e.path("/indicators/{id}/report?period=2021-Q3&lang=en", id)).body; !strings.Contains(en, "Reason for the return: 数据与台账不符，请核实") {
		t.Errorf("the English correction form does not give the reason")
	}
}

// TestNoticeSteps: the addressed unit signs for and replies; only the
// supervision office closes; another unit cannot touch the notice.
func TestNoticeSteps(t *testing.T) {
	e := newEnv(t)
	e.issueRuleNotices(t)
	list, _, err := e.db.ListNotices(t.Context(), duban.NoticeFilter{PlanID: e.planID, Page: duban.Page{PerPage: 100}})
	reporters := map[string]bool{}
	for _, u := range demo.Users(e.bundle) {
		reporters[u.UnitCode] = u.Role == duban.RoleReporter
	}
	var n duban.Notice
	for _, x := range list {
		if reporters[x.UnitCode] && n.ID == 0 {
			n = x
		}
	}
	if err != nil || n.ID == 0 {
		t.Fatalf("no notice to a unit with a reporter: %v", err)
	}
	step := func(c *client, act string, form url.Values) int {
		return c.post("/notices", "/notices/"+strconv.FormatInt(n.ID, 10)+"/"+act, form).status
	}
	own, other, sup := e.client(), e.client(), e.client()
	own.login(reporterOf(n.UnitCode))
	other.login(reporterOf(otherUnit(e, n.UnitCode)))
	sup.login("duchashi")
	tests := []struct {
		who    *client
		act    string
		form   url.Values
		status int
	}{
		{other, "sign", url.Values{}, http.StatusNotFound},
		{own, "close", url.Values{}, http.StatusForbidden},
		{own, "sign", url.Values{}, http.StatusSeeOther},
		{own, "sign", url.Values{}, http.StatusConflict},
		{own, "reply", url.Values{"text": {"已制定赶超措施，8月底前完成"}}, http.StatusSeeOther},
		{sup, "close", url.Values{}, http.StatusSeeOther},
	}
	for i, tt := range tests {
		if got := step(tt.who, tt.act, tt.form); got != tt.status {
			t.Errorf("step %d %s: %d, want %d", i, tt.act, got, tt.status)
		}
	}
	got, err := e.db.FindNotice(t.Context(), n.ID)
	if err != nil || got.State != duban.NoticeClosed || got.Reply == "" {
		t.Errorf("notice after the steps: %+v %v", got, err)
	}
}

func otherUnit(e *env, not string) string {
	for _, u := range demo.Users(e.bundle) {
		if u.Role == duban.RoleReporter && u.UnitCode != not {
			return u.UnitCode
		}
	}
	return ""
}

// TestFormStartsFromDraft: opening the form for a period with a draft
// continues the draft.
func TestFormStartsFromDraft(t *testing.T) {
	e := newEnv(t)
	id, _, unit, _ := e.pick(t)
	c := e.client()
	c.login(reporterOf(unit))
	res := c.post("/workspace", e.path("/indicators/{id}/report", id), url.Values{
		"period": {"2021-Q3"}, "value": {"4.5"}, "note": {"草稿说明"}, "action": {"draft"}})
	if res.status != http.StatusSeeOther {
		t.Fatalf("draft: %d", res.status)
	}
	body := c.get(e.path("/indicators/{id}/report", id) + "?period=2021-Q3").body
	if !strings.Contains(body, `value="4.5"`) || !strings.Contains(body, "草稿说明</textarea>") || !strings.Contains(body, "已载入本期草稿") {
		t.Error("the form does not start from the draft")
	}
	if body := c.get(e.path("/indicators/{id}/report", id) + "?period=2021-Q2").body; strings.Contains(body, `value="4.5"`) {
		t.Error("another period's form starts from the draft")
	}
}

// TestExcelTemplateRoundTrip: a unit downloads its template from the
// workspace, fills it and uploads it; another unit's template is refused.
func TestExcelTemplateRoundTrip(t *testing.T) {
	e := newEnv(t)
	_, _, unit, _ := e.pick(t)
	c := e.client()
	c.login(reporterOf(unit))
	if res := c.get("/workspace/template.xlsx?unit=" + otherUnit(e, unit)); res.status != http.StatusForbidden {
		t.Errorf("another unit's template: %d, want 403", res.status)
	}
	res := c.get("/workspace/template.xlsx?unit=" + unit)
	if res.status != http.StatusOK || !strings.Contains(res.header.Get("Content-Type"), "spreadsheetml") {
		t.Fatalf("template: %d %s", res.status, res.header.Get("Content-Type"))
	}
	// An unfilled template is refused, naming the row; nothing is written.
	empty := c.postFile("/workspace", "/workspace/upload", "file", "t.xlsx", []byte(res.body), url.Values{})
	if empty.status != http.StatusBadRequest || !strings.Contains(empty.body, "请至少填写一行") {
		t.Errorf("unfilled template: %d, want 400 asking for a row", empty.status)
	}
	// Fill the first row that has a previous approved value and upload it.
	book, err := excelize.OpenReader(strings.NewReader(res.body))
	if err != nil {
		t.Fatal(err)
	}
	filled := false
	for row := 2; row < 50 && !filled; row++ {
		prev, _ := book.GetCellValue(xlsx.SheetTemplate, fmt.Sprintf("H%d", row))
		if v, err := strconv.ParseFloat(prev, 64); err == nil {
			book.SetCellValue(xlsx.SheetTemplate, fmt.Sprintf("I%d", row), v+1)
			book.SetCellValue(xlsx.SheetTemplate, fmt.Sprintf("J%d", row), "按计划推进")
			filled = true
		}
	}
	if !filled {
		t.Fatal("the template has no row with a previous value")
	}
	var buf bytes.Buffer
	if err := book.Write(&buf); err != nil {
		t.Fatal(err)
	}
	up := c.postFile("/workspace", "/workspace/upload", "file", "t.xlsx", buf.Bytes(), url.Values{})
	if up.status != http.StatusSeeOther || !strings.Contains(up.header.Get("Location"), "uploaded=1") {
		t.Fatalf("filled template: %d %s", up.status, up.header.Get("Location"))
	}
	reps, _, _ := e.db.ListReportsFiltered(t.Context(), duban.ReportFilter{UnitCode: unit, State: duban.Submitted})
	if len(reps) != 1 || reps[0].Note != "按计划推进" {
		t.Errorf("submitted after the upload: %+v", reps)
	}
	if res := c.postFile("/workspace", "/workspace/upload", "file", "x.xlsx", []byte("not a workbook"), url.Values{}); res.status != http.StatusBadRequest {
		t.Errorf("not a workbook: %d, want 400", res.status)
	}
}

// TestIssueNoticeByHand: the supervision office issues a notice from the
// notices page; a reporter may not.
func TestIssueNoticeByHand(t *testing.T) {
	e := newEnv(t)
	id, _, unit, _ := e.pick(t)
	form := url.Values{"indicator": {strconv.FormatInt(id, 10)}, "level": {"2"}, "issue": {"进度偏慢"},
		"action": {"请于一周内提交赶超计划"}, "reply_due": {"2021-07-22"}}
	rep := e.client()
	rep.login(reporterOf(unit))
	if res := rep.post("/notices", e.path("/plans/{id}/notices", e.planID), form); res.status != http.StatusForbidden {
		t.Errorf("reporter issuing a notice: %d, want 403", res.status)
	}
	sup := e.client()
	sup.login("duchashi")
	if res := sup.post("/notices", e.path("/plans/{id}/notices", e.planID), form); res.status != http.StatusSeeOther {
		t.Fatalf("supervisor issuing a notice: %d", res.status)
	}
	list, _, err := e.db.ListNotices(t.Context(), duban.NoticeFilter{PlanID: e.planID, Page: duban.Page{PerPage: 10}})
	if err != nil || len(list) != 1 || list[0].IndicatorID != id || list[0].Level != duban.LevelSupervise || list[0].UnitCode != unit {
		t.Fatalf("notices after issuing: %+v %v", list, err)
	}
	if body := rep.get("/notices").body; !strings.Contains(body, "请于一周内提交赶超计划") {
		t.Error("the addressed unit does not see the notice")
	}
}
