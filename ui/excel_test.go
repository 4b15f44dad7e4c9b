package ui_test

import (
	"bytes"
	"fmt"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/duban-dev/duban"
	"github.com/duban-dev/duban/xlsx"
)

// upload posts a workbook as the multipart field "file", with the CSRF
// token of the page at from.
func (c *client) upload(from, path string, data []byte) result {
	c.t.Helper()
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	_ = mw.WriteField("csrf", c.csrf(from))
	fw, _ := mw.CreateFormFile("file", "book.xlsx")
	_, _ = fw.Write(data)
	_ = mw.Close()
	req := httptest.NewRequest("POST", "http://duban.test"+path, &body)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	for _, ck := range c.jar.Cookies(req.URL) {
		req.AddCookie(ck)
	}
	rec := httptest.NewRecorder()
	c.e.srv.ServeHTTP(rec, req)
	return result{status: rec.Code, header: rec.Result().Header, body: rec.Body.String()}
}

// book reads a downloaded workbook.
func (c *client) book(path string) *excelize.File {
	c.t.Helper()
	res := c.get(path)
	if res.status != http.StatusOK || !strings.HasPrefix(res.header.Get("Content-Type"), "application/vnd.openxmlformats") {
		c.t.Fatalf("GET %s: %d %q", path, res.status, res.header.Get("Content-Type"))
	}
	f, err := excelize.OpenReader(strings.NewReader(res.body))
	if err != nil {
		c.t.Fatalf("GET %s: not a workbook: %v", path, err)
	}
	c.t.Cleanup(func() { f.Close() })
	return f
}

func save(t *testing.T, f *excelize.File) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// monthlyUnit is a unit leading a monthly cumulative indicator.
func (e *env) monthlyUnit(t *testing.T) string {
	t.Helper()
	lead := map[string]string{}
	for _, n := range e.bundle.Nodes {
		lead[n.Code] = n.LeadUnit
	}
	for _, in := range e.bundle.Indicators {
		if in.Cadence == duban.Monthly && in.Kind == duban.Cumulative {
			return lead[in.NodeCode]
		}
	}
	t.Fatal("no monthly cumulative indicator in the demo plan")
	return ""
}

// fill sets 本期值 on every monthly row of the template to the previous
// approved value plus bump, and returns the rows.
func fill(t *testing.T, f *excelize.File, bump float64) []int {
	t.Helper()
	rows, err := f.GetRows(xlsx.SheetTemplate)
	if err != nil {
		t.Fatal(err)
	}
	var filled []int
	for i, r := range rows[1:] {
		if len(r) < 8 || len(r[6]) != len("2021-07") {
			continue
		}
		prev, _ := strconv.ParseFloat(r[7], 64)
		row := i + 2
		if err := f.SetCellValue(xlsx.SheetTemplate, fmt.Sprintf("I%d", row), prev+bump); err != nil {
			t.Fatal(err)
		}
		filled = append(filled, row)
	}
	if len(filled) == 0 {
		t.Fatal("the template has no monthly row")
	}
	return filled
}

func (e *env) reportCount(t *testing.T) int {
	t.Helper()
	_, n, err := e.db.ListReportsFiltered(t.Context(), duban.ReportFilter{PlanID: e.planID, Page: duban.Page{PerPage: 1}.Normalize()})
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func TestReportTemplateIsOnlyForTheOwnUnit(t *testing.T) {
	e := newEnv(t)
	unit := e.monthlyUnit(t)
	other := "jyj"
	if unit == other {
		other = "zjj"
	}
	rep := e.client()
	rep.login(reporterOf(unit))
	rep.book("/workspace/template.xlsx")
	rep.book("/workspace/template.xlsx?unit=" + unit + "&period=2021-06")
	if res := rep.get("/workspace/template.xlsx?unit=" + other); res.status != http.StatusForbidden {
		t.Errorf("reporter of %s downloads %s's template: %d, want 403", unit, other, res.status)
	}
	sup := e.client()
	sup.login("duchashi")
	sup.book("/workspace/template.xlsx?unit=" + other)
	lead := e.client()
	lead.login("lingdao")
	if res := lead.get("/workspace/template.xlsx?unit=" + other); res.status != http.StatusForbidden {
		t.Errorf("leader downloads a template: %d, want 403", res.status)
	}
}

func TestUploadShowsRowErrorsAndWritesNothing(t *testing.T) {
	e := newEnv(t)
	unit := e.monthlyUnit(t)
	rep := e.client()
	rep.login(reporterOf(unit))
	f := rep.book("/workspace/template.xlsx")
	rows := fill(t, f, 1)
	if err := f.SetCellValue(xlsx.SheetTemplate, fmt.Sprintf("I%d", rows[0]), "三十"); err != nil {
		t.Fatal(err)
	}
	before := e.reportCount(t)
	res := rep.upload("/workspace", "/workspace/upload", save(t, f))
	want := fmt.Sprintf("第%d行 本期值: 不是数字", rows[0])
	if res.status != http.StatusBadRequest || !strings.Contains(res.body, want) {
		t.Errorf("bad upload: %d, want 400 showing %q", res.status, want)
	}
	if after := e.reportCount(t); after != before {
		t.Errorf("a refused workbook wrote %d reports", after-before)
	}
	if res := rep.upload("/workspace", "/workspace/upload", []byte("not a workbook")); res.status != http.StatusBadRequest {
		t.Errorf("garbage upload: %d, want 400", res.status)
	}
}

func TestUploadSubmitsReports(t *testing.T) {
	e := newEnv(t)
	rep := e.client()
	rep.login(reporterOf(e.monthlyUnit(t)))
	f := rep.book("/workspace/template.xlsx")
	rows := fill(t, f, 1)
	before := e.reportCount(t)
	res := rep.upload("/workspace", "/workspace/upload", save(t, f))
	loc := res.header.Get("Location")
	if res.status != http.StatusSeeOther || !strings.HasPrefix(loc, "/workspace?uploaded=") {
		t.Fatalf("upload: %d %q %s", res.status, loc, res.body)
	}
	n, _ := strconv.Atoi(strings.TrimPrefix(loc, "/workspace?uploaded="))
	if n != len(rows) || e.reportCount(t) != before+n {
		t.Errorf("upload says %d reports, filled %d rows, store grew by %d", n, len(rows), e.reportCount(t)-before)
	}
	if body := rep.get(loc).body; !strings.Contains(body, fmt.Sprintf("已提交 %d 条报送", n)) {
		t.Errorf("workspace does not say how many reports were submitted")
	}
}

func TestPlanWorkbookExport(t *testing.T) {
	e := newEnv(t)
	for _, user := range []string{"duchashi", "lingdao", reporterOf("jyj")} {
		c := e.client()
		c.login(user)
		f := c.book(e.path("/plans/{id}/export.xlsx?as_of=2021-06-30", e.planID))
		if rows, _ := f.GetRows(xlsx.SheetPlan); len(rows) < 10 {
			t.Errorf("%s: plan sheet has %d rows", user, len(rows))
		}
		c.book(e.path("/plans/{id}/ranking.xlsx?as_of=2021-06-30", e.planID))
		c.book(e.path("/plans/{id}/ranking.xlsx?period=2021-Q2", e.planID))
		for _, q := range []string{"period=2021-13", "period=2021-09", "as_of=yesterday"} {
			if res := c.get(e.path("/plans/{id}/ranking.xlsx?", e.planID) + q); res.status != http.StatusBadRequest {
				t.Errorf("%s: ranking.xlsx?%s: %d, want 400", user, q, res.status)
			}
		}
	}
}

func TestAdminImportsPlanWorkbookAfterPreview(t *testing.T) {
	e := newEnv(t)
	adm := e.client()
	adm.login("admin")
	f := adm.book(e.path("/plans/{id}/export.xlsx", e.planID))
	code, _ := f.GetCellValue(xlsx.SheetPlan, "A2")
	if err := f.SetCellValue(xlsx.SheetPlan, "C2", "改过的名称"); err != nil {
		t.Fatal(err)
	}
	data := save(t, f)
	rep := e.client()
	rep.login(reporterOf("jyj"))
	if res := rep.upload("/workspace", "/admin/plans.xlsx", data); res.status != http.StatusForbidden {
		t.Errorf("reporter previews an import: %d, want 403", res.status)
	}
	res := adm.upload("/admin", "/admin/plans.xlsx", data)
	if res.status != http.StatusOK || !strings.Contains(res.body, `<dd id="n-changed">1</dd>`) || !strings.Contains(res.body, code) {
		t.Fatalf("preview: %d, want 200 listing one change to %s:\n%s", res.status, code, res.body)
	}
	if title := e.nodeTitle(t, code); title == "改过的名称" {
		t.Fatalf("the preview wrote the change")
	}
	key := regexp1(`name="key" value="([0-9a-f]+)"`, res.body)
	other := adm.post("/admin", "/admin/plans.xlsx/confirm", map[string][]string{"key": {"0123"}})
	if other.status != http.StatusBadRequest {
		t.Errorf("confirm with an unknown key: %d, want 400", other.status)
	}
	done := adm.post("/admin", "/admin/plans.xlsx/confirm", map[string][]string{"key": {key}})
	if done.status != http.StatusSeeOther || done.header.Get("Location") != "/admin?done=import" {
		t.Fatalf("confirm: %d %q %s", done.status, done.header.Get("Location"), done.body)
	}
	if title := e.nodeTitle(t, code); title != "改过的名称" {
		t.Errorf("after confirming, %s is titled %q", code, title)
	}
	if again := adm.post("/admin", "/admin/plans.xlsx/confirm", map[string][]string{"key": {key}}); again.status != http.StatusBadRequest {
		t.Errorf("confirming twice: %d, want 400", again.status)
	}
}

func (e *env) nodeTitle(t *testing.T, code string) string {
	t.Helper()
	b, err := e.db.ExportBundle(t.Context(), e.planID)
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range b.Nodes {
		if n.Code == code {
			return n.Title
		}
	}
	t.Fatalf("no node %s", code)
	return ""
}

func regexp1(pattern, s string) string {
	m := regexp.MustCompile(pattern).FindStringSubmatch(s)
	if m == nil {
		return ""
	}
	return m[1]
}
