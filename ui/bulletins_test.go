package ui_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// issueBulletin issues the bulletin of a period through the page, as the
// supervisor.
func (e *env) issueBulletin(t *testing.T, period string) {
	t.Helper()
	c := e.client()
	c.login("duchashi")
	list := e.path("/plans/{id}/bulletins", e.planID)
	res := c.post(list, list, url.Values{"period": {period}, "confirm": {"1"}})
	if res.status != http.StatusSeeOther || res.header.Get("Location") != list+"?done=1" {
		t.Fatalf("issue bulletin %s: %d %q %s", period, res.status, res.header.Get("Location"), res.body)
	}
}

func TestBulletinPages(t *testing.T) {
	e := newEnv(t)
	e.issueBulletin(t, "2021-06")
	list := e.path("/plans/{id}/bulletins", e.planID)
	_, _, unit, _ := e.pick(t)
	rep := e.client()
	rep.login(reporterOf(unit))
	body := rep.get(list).body
	for _, want := range []string{"二七督〔2021〕", "2021-06", `href="/bulletins/1.pdf"`, `href="/bulletins/1.docx"`} {
		if !strings.Contains(body, want) {
			t.Errorf("bulletin list lacks %q", want)
		}
	}
	if strings.Contains(body, `action="`+list+`"`) {
		t.Errorf("a reporter is shown the issue form")
	}
	if res := rep.post(list, list, url.Values{"period": {"2021-07"}}); res.status != http.StatusForbidden {
		t.Errorf("reporter issues a bulletin: %d, want 403", res.status)
	}
	files := []struct {
		path, ctype string
		attach      bool
	}{
		{"/bulletins/1.html", "text/html", false},
		{"/bulletins/1.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", true},
		{"/bulletins/1.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", true},
	}
	for _, f := range files {
		res := rep.get(f.path)
		if res.status != http.StatusOK || !strings.HasPrefix(res.header.Get("Content-Type"), f.ctype) ||
			(res.header.Get("Content-Disposition") != "") != f.attach {
			t.Errorf("GET %s: %d %q %q", f.path, res.status, res.header.Get("Content-Type"), res.header.Get("Content-Disposition"))
		}
	}
	if body := rep.get("/bulletins/1.html").body; !strings.Contains(body, "二七督〔2021〕") {
		t.Errorf("the printable bulletin lacks its number")
	}
	for _, p := range []string{"/bulletins/2.html", "/bulletins/1.txt", "/bulletins/x.pdf"} {
		if res := rep.get(p); res.status != http.StatusNotFound {
			t.Errorf("GET %s: %d, want 404", p, res.status)
		}
	}
}

func TestIssueBulletinRefusesBadPeriods(t *testing.T) {
	e := newEnv(t)
	c := e.client()
	c.login("duchashi")
	list := e.path("/plans/{id}/bulletins", e.planID)
	for _, period := range []string{"2021-13", "2021-09", ""} {
		res := c.post(list, list, url.Values{"period": {period}})
		if res.status != http.StatusBadRequest || !strings.Contains(res.body, `class="err"`) {
			t.Errorf("period %q: %d, want 400 with the field's error", period, res.status)
		}
	}
	if body := c.get(list).body; !strings.Contains(body, "尚无通报") {
		t.Errorf("a refused period left a bulletin behind")
	}
}

func TestPublicSeesNoBulletinOrExcelPage(t *testing.T) {
	e := newEnv(t)
	e.issueBulletin(t, "2021-06")
	c := e.client()
	for _, p := range []string{"/bulletins", e.path("/plans/{id}/bulletins", e.planID), "/bulletins/1.html", "/bulletins/1.pdf",
		e.path("/plans/{id}/ranking.xlsx", e.planID), e.path("/plans/{id}/export.xlsx", e.planID), "/workspace/template.xlsx"} {
		if res := c.get(p); res.status != http.StatusSeeOther || !strings.HasPrefix(res.header.Get("Location"), "/login?next=") {
			t.Errorf("public GET %s: %d %q, want a redirect to sign in", p, res.status, res.header.Get("Location"))
		}
	}
	for _, p := range []string{e.path("/plans/{id}/bulletins", e.planID), "/workspace/upload", "/admin/plans.xlsx"} {
		if res := c.do("POST", p, url.Values{}); res.status != http.StatusUnauthorized {
			t.Errorf("public POST %s: %d, want 401", p, res.status)
		}
	}
}
