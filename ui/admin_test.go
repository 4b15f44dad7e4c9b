package ui_test

import (
	"bytes"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/duban-dev/duban"
)

// postFile sends a multipart form with one file and the CSRF token of the
// page at from.
func (c *client) postFile(from, path, field, name string, data []byte, fields url.Values) result {
	c.t.Helper()
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	fields.Set("csrf", c.csrf(from))
	for k, vs := range fields {
		for _, v := range vs {
			mw.WriteField(k, v)
		}
	}
	fw, _ := mw.CreateFormFile(field, name)
	fw.Write(data)
	mw.Close()
	req := httptest.NewRequest("POST", "http://duban.test"+path, &body)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	for _, ck := range c.jar.Cookies(req.URL) {
		req.AddCookie(ck)
	}
	rec := httptest.NewRecorder()
	c.e.srv.ServeHTTP(rec, req)
	return result{status: rec.Code, header: rec.Header(), body: rec.Body.String()}
}

func TestAdminUsersAndPlans(t *testing.T) {
	e := newEnv(t)
	c := e.client()
	c.login("admin")

	// Create a user, who can then sign in; a short password is refused.
	res := c.post("/admin", "/admin/users", url.Values{"username": {"zjj.li"}, "display_name": {"李明"},
		"role": {"reporter"}, "unit": {"zjj"}, "password": {"short"}})
	if res.status != http.StatusBadRequest || !strings.Contains(res.body, "至少 8 个字符") {
		t.Errorf("short password: %d, want 400 naming the field", res.status)
	}
	res = c.post("/admin", "/admin/users", url.Values{"username": {"zjj.li"}, "display_name": {"李明"},
		"role": {"reporter"}, "unit": {"zjj"}, "password": {"long-enough-pw"}})
	if res.status != http.StatusSeeOther {
		t.Fatalf("create user: %d %s", res.status, res.body)
	}
	if body := c.get("/admin").body; !strings.Contains(body, "<td>zjj.li</td>") {
		t.Error("new user not listed")
	}
	u, err := e.db.FindUserByUsername(t.Context(), "zjj.li")
	if err != nil || u.Role != duban.RoleReporter || u.UnitCode != "zjj" {
		t.Fatalf("created user: %+v %v", u, err)
	}

	// Export the plan, import it under another code.
	res = c.get(e.path("/admin/plans/{id}/export", e.planID))
	if res.status != http.StatusOK || !strings.Contains(res.header.Get("Content-Disposition"), "erqi-2021.yaml") {
		t.Fatalf("export: %d %q", res.status, res.header.Get("Content-Disposition"))
	}
	yaml := strings.Replace(res.body, "id: erqi-2021\n", "id: erqi-2021-copy\n", 1)
	if yaml == res.body {
		t.Fatal("export has no plan code line")
	}
	res = c.postFile("/admin", "/admin/plans", "file", "copy.yaml", []byte(yaml), url.Values{})
	if res.status != http.StatusSeeOther {
		t.Fatalf("import: %d %s", res.status, res.body)
	}
	if body := c.get("/admin").body; !strings.Contains(body, "erqi-2021-copy") {
		t.Error("imported plan not listed")
	}
	// A broken file is refused with its error, nothing written.
	res = c.postFile("/admin", "/admin/plans", "file", "bad.yaml", []byte("plan: [\n"), url.Values{})
	if res.status != http.StatusBadRequest {
		t.Errorf("broken plan file: %d, want 400", res.status)
	}
	if _, n, _ := e.db.ListPlans(t.Context(), duban.PlanFilter{Page: duban.Page{PerPage: 10}}); n != 2 {
		t.Errorf("%d plans after a refused import, want 2", n)
	}
}

func TestImportTextReview(t *testing.T) {
	e := newEnv(t)
	c := e.client()
	c.login("admin")
	text := "二、主要目标\n今年全区地区生产总值增长7%左右；年底前新建5G基站1100个以上。力争3年内新启动建设10个小微企业园。"
	res := c.post("/admin/import-text", "/admin/import-text", url.Values{"text": {text}, "year": {"2021"}, "code": {"t-2021"}})
	if res.status != http.StatusOK || strings.Count(res.body, "<mark>") != 3 || !strings.Contains(res.body, "<mark>年底前新建5G基站1100个以上</mark>") {
		t.Fatalf("review page: %d, want three highlighted quotes", res.status)
	}
	// Accept the first with an edited value, drop the second, keep the third.
	res = c.post("/admin/import-text", "/admin/import-text/create", url.Values{"text": {text}, "year": {"2021"}, "code": {"t-2021"},
		"t0_decision": {"accept"}, "t0_value": {"7.5"}, "t0_unit": {"%"}, "t0_comparator": {">="}, "t0_deadline": {"2021-12-31"},
		"t1_decision": {"drop"}, "t1_value": {"1100"}, "t1_unit": {"个"}, "t1_comparator": {">="}, "t1_deadline": {"2021-12-31"},
		"t2_decision": {"accept"}, "t2_value": {"10"}, "t2_unit": {"个"}, "t2_comparator": {"="}, "t2_deadline": {""}})
	if res.status != http.StatusSeeOther || !strings.HasSuffix(res.header.Get("Location"), "/tree") {
		t.Fatalf("create: %d %s", res.status, res.header.Get("Location"))
	}
	plans, _, _ := e.db.ListPlans(t.Context(), duban.PlanFilter{Page: duban.Page{PerPage: 10}})
	var id int64
	for _, p := range plans {
		if p.Code == "t-2021" {
			id = p.ID
		}
	}
	b, err := e.db.ExportBundle(t.Context(), id)
	if err != nil {
		t.Fatal(err)
	}
	if len(b.Indicators) != 2 || *b.Indicators[0].Target != 7.5 || b.Indicators[0].Comparator != duban.AtLeast {
		t.Errorf("draft plan indicators: %+v", b.Indicators)
	}
}
