package ui_test

import (
	"html"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/duban-dev/duban"
	"github.com/duban-dev/duban/demo"
)

// auditSeed is what seedAudit did, and by whom.
type auditSeed struct {
	reporter  string // submitted a report
	indicator int64  // the report's item
	edited    string // the account the administrator disabled and renamed
	oldName   string // its display name before
}

// seedAudit writes audit entries by doing real things, in this order: a
// unit submits a report, the supervision office approves it and issues
// the rule notices, the administrator renames and disables an account.
func seedAudit(t *testing.T, e *env) auditSeed {
	t.Helper()
	id, _, unit, _ := e.pick(t)
	s := auditSeed{reporter: reporterOf(unit), indicator: id}
	rep := e.client()
	rep.login(s.reporter)
	res := rep.post("/workspace", e.path("/indicators/{id}/report", id), url.Values{
		"period": {"2021-Q3"}, "value": {"3"}, "action": {"submit"}})
	queue, _, err := e.db.ListReportsFiltered(t.Context(), duban.ReportFilter{IndicatorID: id, State: duban.Submitted})
	if res.status != http.StatusSeeOther || err != nil || len(queue) != 1 {
		t.Fatalf("submit: %d %v %v", res.status, queue, err)
	}
	sup := e.client()
	sup.login("duchashi")
	if res := sup.post("/review", "/reports/"+strconv.FormatInt(queue[0].ID, 10)+"/approve", url.Values{}); res.status != http.StatusSeeOther {
		t.Fatalf("approve: %d %s", res.status, res.body)
	}
	e.issueRuleNotices(t)
	for _, u := range demo.Users(e.bundle) {
		if u.Role == duban.RoleReporter && u.Username != s.reporter {
			s.edited, s.oldName = u.Username, u.DisplayName
		}
	}
	adm := e.client()
	adm.login("admin")
	res = adm.post("/admin", "/admin/users/"+s.edited, url.Values{
		"display_name": {"改名后"}, "role": {"reporter"}, "unit": {demoUnit(e, s.edited)}, "disabled": {"1"}})
	if res.status != http.StatusSeeOther {
		t.Fatalf("edit user: %d %s", res.status, res.body)
	}
	return s
}

func demoUnit(e *env, username string) string {
	for _, u := range demo.Users(e.bundle) {
		if u.Username == username {
			return u.UnitCode
		}
	}
	return ""
}

// logRow is one row of the audit table as shown.
type logRow struct{ at, actor, what, record, link string }

var (
	logRowRE  = regexp.MustCompile(`<tr><td>([^<]*)</td><td>([^<]*)</td><td>([^<]*)</td><td>(?:<a href="([^"]*)">)?([^<]*)(?:</a>)?</td></tr>`)
	nextRE    = regexp.MustCompile(`<a href="([^"]*)" rel="next">`)
	totalText = regexp.MustCompile(`<p role="status">共 (\d+) 条</p>`)
)

func logRows(body string) []logRow {
	var rows []logRow
	for _, m := range logRowRE.FindAllStringSubmatch(body, -1) {
		rows = append(rows, logRow{at: m[1], actor: m[2], what: html.UnescapeString(m[3]), link: html.UnescapeString(m[4]), record: m[5]})
	}
	return rows
}

func TestAuditPageFilters(t *testing.T) {
	e := newEnv(t)
	s := seedAudit(t, e)
	sup := e.client()
	sup.login("duchashi")
	reportWhat := map[string]bool{"提交报送": true, "审核通过": true, "写入报送数据": true}
	tests := []struct {
		name, query, selected string
		want                  func(logRow) bool
		rows                  int // 0: at least one
	}{
		{"by actor", "actor=" + s.reporter, "", func(r logRow) bool { return r.actor == personName(e, s.reporter) && r.what == "提交报送" }, 1},
		{"by kind", "action=report.", `value="report." selected`, func(r logRow) bool { return reportWhat[r.what] }, 3},
		{"by action", "action=notice.issue", `value="notice.issue" selected`, func(r logRow) bool { return r.what == "下发督办单" && r.actor == personName(e, "duchashi") }, 0},
		{"by actor and kind", "actor=duchashi&action=report.", "", func(r logRow) bool { return r.what == "审核通过" }, 1},
		{"by Beijing day", "from=2021-07-15&to=2021-07-15&action=user.update", "", func(r logRow) bool { return r.actor == personName(e, "admin") }, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := sup.get("/audit?" + tt.query)
			rows := logRows(res.body)
			if res.status != http.StatusOK || len(rows) == 0 || tt.rows != 0 && len(rows) != tt.rows {
				t.Fatalf("status %d, %d rows, want 200 and %d rows", res.status, len(rows), tt.rows)
			}
			for _, r := range rows {
				if !tt.want(r) {
					t.Errorf("row %+v does not match the filter %s", r, tt.query)
				}
			}
			if !strings.Contains(res.body, tt.selected) {
				t.Errorf("the form does not keep the filter: no %s", tt.selected)
			}
		})
	}
	if rows := logRows(sup.get("/audit?from=2021-07-16").body); len(rows) != 0 {
		t.Errorf("entries of 2021-07-15 shown from 2021-07-16: %d rows", len(rows))
	}
}

// TestAuditPageInWords: newest first, an account change with what
// changed, and records that link to their pages.
func TestAuditPageInWords(t *testing.T) {
	e := newEnv(t)
	s := seedAudit(t, e)
	sup := e.client()
	sup.login("duchashi")
	rows := logRows(sup.get("/audit").body)
	if len(rows) == 0 {
		t.Fatal("no rows")
	}
	if want := "修改账号：姓名 " + s.oldName + " → 改名后；已停用"; rows[0].actor != personName(e, "admin") || rows[0].what != want {
		t.Errorf("first row %+v, want the administrator's change of %s", rows[0], s.edited)
	}
	if rows[0].at != "2021-07-15 20:00" {
		t.Errorf("time %q, want Beijing time 2021-07-15 20:00", rows[0].at)
	}
	links := map[string]string{}
	for _, r := range rows {
		links[r.what] = r.link
	}
	item := e.path("/indicators/{id}", s.indicator)
	if links["审核通过"] != item || links["提交报送"] != item || !strings.HasPrefix(links["下发督办单"], e.path("/notices?plan={id}#n", e.planID)) {
		t.Errorf("record links %v: reports should link to %s, notices to their card", links, item)
	}
}

func TestAuditPagination(t *testing.T) {
	e := newEnv(t)
	sup := e.client()
	sup.login("duchashi")
	users := len(demo.Users(e.bundle))
	path := "/audit?actor=test&action=user.create&per_page=5"
	seen := map[string]bool{}
	for page := 1; path != ""; page++ {
		res := sup.get(path)
		rows := logRows(res.body)
		if m := totalText.FindStringSubmatch(res.body); m == nil || m[1] != strconv.Itoa(users) {
			t.Fatalf("page %d: total %v, want %d", page, m, users)
		}
		if want := min(5, users-(page-1)*5); len(rows) != want {
			t.Fatalf("page %d (%s): %d rows, want %d", page, path, len(rows), want)
		}
		for _, r := range rows {
			if r.actor != "test" || r.what != "新建账号" || seen[r.record] {
				t.Errorf("page %d: row %+v outside the filter or repeated", page, r)
			}
			seen[r.record] = true
		}
		path = ""
		if m := nextRE.FindStringSubmatch(res.body); m != nil {
			path = html.UnescapeString(m[1])
			q, _ := url.ParseQuery(strings.TrimPrefix(path, "/audit?"))
			if q.Get("actor") != "test" || q.Get("action") != "user.create" || q.Get("per_page") != "5" || q.Get("page") != strconv.Itoa(page+1) {
				t.Fatalf("next link %q does not keep the filters", path)
			}
		}
	}
	if len(seen) != users {
		t.Errorf("the pages showed %d accounts, want %d", len(seen), users)
	}
}

func TestAuditPageBadFilter(t *testing.T) {
	e := newEnv(t)
	sup := e.client()
	sup.login("duchashi")
	tests := []struct{ query, field, shows string }{
		{"from=2021-13-01", "from", `name="from" value="2021-13-01" aria-invalid="true"`},
		{"from=2021-07-16&to=2021-07-01", "to", `name="to" value="2021-07-01" aria-invalid="true"`},
		{"entity=report&entity_id=abc", "entity_id", `name="entity_id" value="abc" aria-invalid="true"`},
		{"page=0&actor=admin", "page", `name="actor" value="admin"`},
	}
	for _, tt := range tests {
		res := sup.get("/audit?" + tt.query)
		if res.status != http.StatusBadRequest || !strings.Contains(res.body, "<li>"+tt.field+": ") || !strings.Contains(res.body, tt.shows) {
			t.Errorf("%s: status %d, want 400 naming %s on the form showing %s", tt.query, res.status, tt.field, tt.shows)
		}
		if strings.Contains(res.body, "出错了") || len(logRows(res.body)) != 0 {
			t.Errorf("%s: an error page or rows instead of the form with the error", tt.query)
		}
	}
}

func TestAuditPageAccess(t *testing.T) {
	e := newEnv(t)
	_, _, unit, _ := e.pick(t)
	tests := []struct {
		user     string
		status   int
		location string
		nav      bool
	}{
		{"", http.StatusSeeOther, "/login?next=%2Faudit", false},
		{reporterOf(unit), http.StatusForbidden, "", false},
		{"lingdao", http.StatusOK, "", true},
		{"duchashi", http.StatusOK, "", true},
		{"admin", http.StatusOK, "", true},
	}
	for _, tt := range tests {
		c := e.client()
		if tt.user != "" {
			c.login(tt.user)
		}
		res := c.get("/audit")
		if res.status != tt.status || res.header.Get("Location") != tt.location {
			t.Errorf("%q: %d %q, want %d %q", tt.user, res.status, res.header.Get("Location"), tt.status, tt.location)
		}
		home := c.get("/public/plans/" + strconv.FormatInt(e.planID, 10))
		if tt.user != "" {
			home = c.get("/notices")
		}
		if got := strings.Contains(home.body, `<a href="/audit">`); home.status != http.StatusOK || got != tt.nav {
			t.Errorf("%q: nav link shown %v, want %v", tt.user, got, tt.nav)
		}
	}
	c := e.client()
	c.login("duchashi")
	if body := c.get("/audit?lang=en&action=plan.import").body; !strings.Contains(body, "<h1>Audit log</h1>") || !strings.Contains(body, "<td>Imported a plan</td>") {
		t.Errorf("the English page lacks its title or the action in words")
	}
}

// personName is the display name the pages show for a demo account.
func personName(e *env, username string) string {
	for _, u := range demo.Users(e.bundle) {
		if u.Username == username {
			return u.DisplayName
		}
	}
	return username
}
