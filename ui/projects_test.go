package ui_test

import (
	"context"
	"html"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/duban-dev/duban"
	"github.com/duban-dev/duban/demo"
	"github.com/duban-dev/duban/demo/demodb"
	"github.com/duban-dev/duban/files"
	"github.com/duban-dev/duban/projects"
	"github.com/duban-dev/duban/signin"
	"github.com/duban-dev/duban/store"
	"github.com/duban-dev/duban/tracker"
	"github.com/duban-dev/duban/ui"
	"github.com/duban-dev/duban/web"
)

// newProjectEnv is the server over the full demo: the plan with its 270
// projects, simulated reports, steps and problems (demodb.Load).
func newProjectEnv(t testing.TB) *env {
	t.Helper()
	ctx := context.Background()
	db, err := store.Open(ctx, filepath.Join(t.TempDir(), "pj.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	now := func() time.Time { return demoNow }
	db.Now = now
	planID, b, err := demodb.Load(ctx, db, hash(), asOf, demo.DefaultSeed)
	if err != nil {
		t.Fatal(err)
	}
	fileStore, err := files.New(files.Config{Dir: filepath.Join(t.TempDir(), "files"), Index: db})
	if err != nil {
		t.Fatal(err)
	}
	logger := slog.New(slog.NewTextHandler(io.Discard, nil))
	tr, sign := tracker.NewService(db), signin.New(db, db, now)
	ledger := projects.NewService(db, tr)
	pages, err := ui.New(ui.Config{Plans: db, Users: db, Reports: db, Notices: db, Tracker: tr, Directory: db, Audit: db,
		UserList: db, SignIn: sign, Logger: logger, Now: now, Bulletins: db, Projects: db, ProjectLedger: ledger,
		Files: fileStore, Displays: db})
	if err != nil {
		t.Fatal(err)
	}
	srv := web.NewServer(web.Config{Plans: db, Users: db, Sessions: db, Reports: db, Notices: db, Tracker: tr,
		Directory: db, Audit: db, Logger: logger, Now: now, SignIn: sign, Pages: pages, Projects: db, ProjectLedger: ledger,
		Files: fileStore})
	tt, _ := t.(*testing.T)
	return &env{t: tt, db: db, srv: srv, bundle: b, planID: planID, pages: pages}
}

var headline = regexp.MustCompile(`计划 270 个，台账 270 个：已开工 (\d+) 个，红灯（滞后、逾期）(\d+) 个`)

func TestLedgerPageAnswersTheCounts(t *testing.T) {
	e := newProjectEnv(t)
	c := e.client()
	c.login("lingdao")
	res := c.get("/plans/" + pjItoa(e.planID) + "/projects")
	if res.status != 200 {
		t.Fatalf("%d %.300s", res.status, res.body)
	}
	m := headline.FindStringSubmatch(res.body)
	if m == nil || !strings.Contains(res.body, "✓ 计划明确 270 个重大项目") {
		t.Fatalf("no headline or check: %.2000s", res.body)
	}
	if n := strings.Count(res.body, `<tr data-status=`); n != 50 || !strings.Contains(res.body, "第 1–50 个，共 270 个") {
		t.Fatalf("page 1: %d rows", n)
	}
	if all := ledgerRows(c, "/plans/"+pjItoa(e.planID)+"/projects"); all != 270 {
		t.Fatalf("the pages list %d projects", all)
	}
	red := c.get("/plans/" + pjItoa(e.planID) + "/projects?light=red")
	rows := ledgerRows(c, "/plans/"+pjItoa(e.planID)+"/projects?light=red")
	if rows == 0 || pjItoa(int64(rows)) != m[2] || strings.Count(red.body, `data-status="on_track"`) != 0 {
		t.Fatalf("red filter shows %d rows, headline says %s", rows, m[2])
	}
	// The red count splits by cause: those red for late steps alone are
	// said to be so, since the overview counts by the investment indicator.
	split := regexp.MustCompile(`红灯中 (\d+) 个是因节点延误而亮红灯`).FindStringSubmatch(res.body)
	if split == nil || atoi(t, split[1]) == 0 || atoi(t, split[1]) >= atoi(t, m[2]) {
		t.Fatalf("no red split by cause under %s red: %v", m[2], split)
	}
	if r := c.get("/plans/" + pjItoa(e.planID) + "/projects?light=purple"); r.status != 400 {
		t.Fatalf("bad light: %d", r.status)
	}
	for _, path := range []string{"/projects", "/plans/" + pjItoa(e.planID) + "/projects/map", "/plans/" + pjItoa(e.planID) + "/problems",
		"/plans/" + pjItoa(e.planID) + "/dispatch"} {
		if r := c.get(path); r.status != 200 && r.status != http.StatusSeeOther {
			t.Errorf("%s: %d %.300s", path, r.status, r.body)
		}
	}
}

func TestDispatchPageRecordsADecision(t *testing.T) {
	e := newProjectEnv(t)
	c := e.client()
	c.login(demo.SupervisorUsername)
	page := "/plans/" + pjItoa(e.planID) + "/dispatch?mechanism=sdsw"
	res := c.get(page)
	if res.status != 200 || !strings.Contains(res.body, "三定四推五落实 调度清单") {
		t.Fatalf("%d %.500s", res.status, res.body)
	}
	// The lagging count says its scope: the mechanism's items, not the plan.
	scope := regexp.MustCompile(`一、滞后及未报送事项（滞后 (\d+) 项、未报送 \d+ 项，仅计「三定四推五落实」机制覆盖的 (\d+) 个事项）`).FindStringSubmatch(res.body)
	if scope == nil || scope[1] == "0" || !strings.Contains(res.body, `全计划（不限机制）的滞后事项数见<a href="/plans/`+pjItoa(e.planID)) {
		t.Fatalf("the lagging count does not say its scope: %v", scope)
	}
	// One line, one link to its decision form: no form and no list of
	// every unit on each of the 200 lines (754,528 bytes before).
	if n := strings.Count(res.body, `name="owner"`); n != 0 {
		t.Fatalf("the list carries %d owner lists", n)
	}
	if len(res.body) > 250_000 {
		t.Fatalf("the dispatch list is %d bytes", len(res.body))
	}
	link := regexp.MustCompile(`<a class="noprint dp-record" href="(/plans/\d+/decisions/new\?mechanism=sdsw&amp;node_id=(\d+)[^"]*)">记录决定</a>`).FindStringSubmatch(res.body)
	if link == nil || strings.Count(res.body, `class="noprint dp-record"`) != strings.Count(res.body, `<tr id="d`) {
		t.Fatal("not every line links its decision form")
	}
	form := c.get(html.UnescapeString(link[1]))
	if form.status != 200 || strings.Count(form.body, `name="owner"`) != 1 || !strings.Contains(form.body, `name="node_id" value="`+link[2]+`"`) ||
		!strings.Contains(form.body, `id="decide-lines"`) || strings.Contains(form.body, "期限 —") {
		t.Fatalf("decision form: %d %.800s", form.status, form.body)
	}
	post := c.post(html.UnescapeString(link[1]), "/plans/"+pjItoa(e.planID)+"/decisions", url.Values{"mechanism": {"sdsw"}, "period": {"2021-W28"},
		"node_id": {link[2]}, "text": {"周五前协调用地指标"}, "owner": {"zrzy"}, "due": {"2021-07-23"}})
	if post.status != http.StatusSeeOther {
		t.Fatalf("record: %d %.500s", post.status, post.body)
	}
	after := c.get(page)
	if !strings.Contains(after.body, "✔ 周五前协调用地指标") {
		t.Fatal("the decision is not on the list")
	}
	if again := c.get(html.UnescapeString(link[1])); !strings.Contains(again.body, "✔ 周五前协调用地指标") {
		t.Fatal("the decision is not on its form's page")
	}
	ds, n, err := e.db.ListDecisions(context.Background(), duban.DecisionFilter{PlanID: e.planID})
	if err != nil || n != 1 || ds[0].Owner != "zrzy" {
		t.Fatalf("%v %d", err, n)
	}
	// A reporter may not record decisions, nor open the form.
	r := e.client()
	r.login(reporterOf("zjj"))
	if res := r.get(html.UnescapeString(link[1])); res.status != 403 {
		t.Fatalf("reporter opened the decision form: %d", res.status)
	}
	if res := r.post("/plans/"+pjItoa(e.planID)+"/problems", "/plans/"+pjItoa(e.planID)+"/decisions", url.Values{"mechanism": {"sdsw"},
		"period": {"2021-W28"}, "node_id": {link[2]}, "text": {"x"}, "owner": {"zjj"}, "due": {"2021-07-23"}}); res.status != 403 {
		t.Fatalf("reporter recorded a decision: %d", res.status)
	}
}

func pjItoa(id int64) string { return strconv.FormatInt(id, 10) }

// TestProjectPagesInEnglish: the project pages' fixed words (stages,
// 前期手续, problem categories and states, lights on the map) are English
// on English pages; the plan's own names stay as written.
func TestProjectPagesInEnglish(t *testing.T) {
	e := newProjectEnv(t)
	c := e.client()
	c.login(demo.SupervisorUsername)
	plan := "/plans/" + pjItoa(e.planID)
	ledger := c.get(plan + "/projects?lang=en")
	node := regexp.MustCompile(`href="/projects/(\d+)`).FindStringSubmatch(ledger.body)
	if node == nil {
		t.Fatalf("no project link: %.300s", ledger.body)
	}
	cases := []struct {
		path      string
		want, not []string
	}{
		{plan + "/projects?lang=en", []string{">Under construction<", ">Started<"}, []string{">在建<", ">开工<"}},
		{"/projects/" + node[1] + "?lang=en", []string{"Environmental assessment", "Construction permit"}, []string{">环评<", ">施工许可<"}},
		{plan + "/problems?lang=en", []string{"【Funds】", "Raised"}, []string{"【资金】", ">已提出<", "#1 "}},
		{plan + "/projects/map?lang=en", []string{"<td>on track</td>"}, []string{"<td>正常</td>", "<td>在建</td>"}},
		{plan + "/projects?lang=zh", []string{">在建<", ">开工<"}, []string{">Under construction<"}},
	}
	for _, c2 := range cases {
		body := c.get(c2.path).body
		for _, w := range c2.want {
			if !strings.Contains(body, w) {
				t.Errorf("%s: no %q", c2.path, w)
			}
		}
		for _, w := range c2.not {
			if strings.Contains(body, w) {
				t.Errorf("%s: still %q", c2.path, w)
			}
		}
	}
}

// ledgerRows follows the ledger's next-page links from path and counts
// the rows of every page, checking no page is longer than 50.
func ledgerRows(c *client, path string) int {
	next := regexp.MustCompile(`<a href="([^"]+)" rel="next">`)
	n := 0
	for pages := 0; path != "" && pages < 20; pages++ {
		body := c.get(path).body
		rows := strings.Count(body, `<tr data-status=`)
		if rows > 50 {
			c.t.Fatalf("%s: %d rows on one page", path, rows)
		}
		n += rows
		path = ""
		if m := next.FindStringSubmatch(body); m != nil {
			path = html.UnescapeString(m[1])
		}
	}
	return n
}

// TestPublicPageFoldsProjects: on the public page the 270 projects'
// investment items sit folded under their areas, counted in each fold's
// summary, so the areas' own tasks come first and a phone is not handed
// 300 cards.
func TestPublicPageFoldsProjects(t *testing.T) {
	e := newProjectEnv(t)
	body := e.client().get("/public/plans/" + pjItoa(e.planID)).body
	summary := regexp.MustCompile(`<summary>重大项目 (\d+) 个（其中滞后、逾期 (\d+) 个），点开查看</summary>`)
	total := 0
	for _, m := range summary.FindAllStringSubmatch(body, -1) {
		n, _ := strconv.Atoi(m[1])
		total += n
	}
	folded := regexp.MustCompile(`(?s)<details class="public-projects">.*?</details>`)
	inFolds := 0
	for _, f := range folded.FindAllString(body, -1) {
		inFolds += strings.Count(f, `<td data-label="目标">`)
	}
	outside := strings.Count(folded.ReplaceAllString(body, ""), `<td data-label="目标">`)
	if total != 270 || inFolds != 270 || outside != len(e.bundle.Indicators)-270 {
		t.Fatalf("folds count %d, hold %d rows; %d rows outside, want %d", total, inFolds, outside, len(e.bundle.Indicators)-270)
	}
}

// TestReporterSeesWhichProjectEachItemIs: a unit with many projects sees
// each project's name on its due list, not a column of 年度投资完成额.
func TestReporterSeesWhichProjectEachItemIs(t *testing.T) {
	e := newProjectEnv(t)
	c := e.client()
	c.login(reporterOf("zjj"))
	body := c.get("/workspace").body
	named := regexp.MustCompile(`<a href="/indicators/\d+">[^<]+ · 年度投资完成额</a>`)
	if n := len(named.FindAllString(body, -1)); n < 5 || strings.Contains(body, `">年度投资完成额</a>`) {
		t.Fatalf("%d named project items; bare names: %v", n, strings.Contains(body, `">年度投资完成额</a>`))
	}
}

// TestLedgerRowsReadShort: the ledger numbers its rows as a reader counts
// them (序号 within the filtered list, on every page), not by the plan's
// internal codes, and a row's status cell holds its light and one finding,
// the others folded behind "另有 N 条".
func TestLedgerRowsReadShort(t *testing.T) {
	e := newProjectEnv(t)
	c := e.client()
	c.login(demo.SupervisorUsername)
	plan := "/plans/" + pjItoa(e.planID)
	row := regexp.MustCompile(`(?s)<tr data-status=.*?</tr>`)
	number := regexp.MustCompile(`<td class="num" data-label="序号">(\d+)</td>`)
	status := regexp.MustCompile(`(?s)<td data-label="状态">(.*?)</td>`)
	more := regexp.MustCompile(`<summary>另有 (\d+) 条</summary><ul>(.*?)</ul>`)
	folded := 0
	for _, page := range []struct {
		path  string
		first int
	}{{plan + "/projects", 1}, {plan + "/projects?page=2", 51}, {plan + "/projects?light=red&page=2", 51}} {
		rows := row.FindAllString(c.get(page.path).body, -1)
		if len(rows) == 0 {
			t.Fatalf("%s: no rows", page.path)
		}
		for i, r := range rows {
			m := number.FindStringSubmatch(r)
			if m == nil || m[1] != strconv.Itoa(page.first+i) {
				t.Fatalf("%s row %d: numbered %v, want %d: %.400s", page.path, i, m, page.first+i, r)
			}
			if strings.Contains(r, ">p-") {
				t.Fatalf("%s row %d shows an internal code: %.400s", page.path, i, r)
			}
			s := status.FindStringSubmatch(r)
			if s == nil || strings.Count(s[1], `class="why"`) > 1 || strings.Contains(s[1], "；") {
				t.Fatalf("%s row %d: status cell %v", page.path, i, s)
			}
			if f := more.FindStringSubmatch(s[1]); f != nil {
				folded++
				if n, _ := strconv.Atoi(f[1]); n != strings.Count(f[2], "<li>") || n == 0 {
					t.Fatalf("%s row %d: %q folds %d findings", page.path, i, f[1], strings.Count(f[2], "<li>"))
				}
			}
		}
	}
	if folded == 0 {
		t.Fatal("no row folds its further findings")
	}
}

// TestProblemCardsFoldTheirActions: a problem card shows its facts and
// one "处理" line naming the steps the viewer may take, the forms folded
// under it; a problem assigned already is not offered 交办 again, and one
// its unit has answered is offered 重新交办 (back to assigned), as the
// lifecycle (duban.Problem.Apply) has it.
func TestProblemCardsFoldTheirActions(t *testing.T) {
	e := newProjectEnv(t)
	c := e.client()
	c.login(demo.SupervisorUsername)
	body := c.get("/plans/" + pjItoa(e.planID) + "/problems").body
	card := regexp.MustCompile(`(?s)<article class="card problem[^"]*" id="pb\d+".*?</article>`)
	state := regexp.MustCompile(`<span class="state">([^<]+)</span>`)
	fold := regexp.MustCompile(`(?s)<details class="pb-act noprint"><summary>处理<span class="muted">：([^<]*)</span></summary>(.*?)</details>`)
	seen := map[string]int{}
	for _, a := range card.FindAllString(body, -1) {
		s := state.FindStringSubmatch(a)
		f := fold.FindStringSubmatch(a)
		if s == nil || f == nil {
			t.Fatalf("a card without its state or folded actions: %.600s", a)
		}
		seen[s[1]]++
		if strings.Count(a, "<form") != strings.Count(f[2], "<form") || strings.Count(f[2], "<form") != strings.Count(f[1], "·")+1 {
			t.Fatalf("%s: forms outside the fold, or the summary does not name them: %.800s", s[1], a)
		}
		assign := strings.Contains(f[2], `/assign"`)
		switch s[1] {
		case "已提出":
			if !assign || !strings.Contains(f[1], "交办") || strings.Contains(f[1], "重新交办") {
				t.Errorf("a raised problem offers %q", f[1])
			}
		case "已交办":
			if assign || strings.Contains(f[1], "交办") {
				t.Errorf("an assigned problem offers %q", f[1])
			}
		case "已答复":
			if !assign || !strings.Contains(f[1], "重新交办") || !strings.Contains(f[2], ">重新交办</button>") {
				t.Errorf("an answered problem offers %q", f[1])
			}
		}
	}
	if seen["已提出"] == 0 || seen["已交办"] == 0 || seen["已答复"] == 0 {
		t.Fatalf("the demo's problems by state: %v", seen)
	}
}

// TestDemoWordingOncePerPage: the demo's marks are said once a page, not
// on every card or row: the problems' common detail (模拟数据：演示用问题)
// in one note above the cards, the ledger's simulated projects in one
// note above the table with their count on the page.
func TestDemoWordingOncePerPage(t *testing.T) {
	e := newProjectEnv(t)
	c := e.client()
	c.login(demo.SupervisorUsername)
	plan := "/plans/" + pjItoa(e.planID)
	problems := c.get(plan + "/problems").body
	if n := strings.Count(problems, "演示用问题"); n != 1 || !strings.Contains(problems, `<p class="flash warn" id="pb-shared">本页各问题的说明均为「模拟数据：演示用问题」`) ||
		strings.Contains(problems, "<dt>说明</dt>") {
		t.Fatalf("the problems page says 演示用问题 %d times", n)
	}
	ledger := c.get(plan + "/projects").body
	banner := regexp.MustCompile(`<p class="flash warn" id="pj-simulated">模拟数据：本页 50 个项目中 (\d+) 个为演示用模拟项目`).FindStringSubmatch(ledger)
	if rows := regexp.MustCompile(`(?s)<tbody>.*</tbody>`).FindString(ledger); banner == nil || banner[1] == "0" || strings.Count(ledger, `id="pj-simulated"`) != 1 ||
		strings.Contains(rows, "模拟") {
		t.Fatalf("the ledger's rows say 模拟 %d times; banner %v", strings.Count(rows, "模拟"), banner)
	}
	// A card alone keeps its detail: there is nothing to say once.
	id := regexp.MustCompile(`<a href="/projects/(\d+)">`).FindStringSubmatch(problems)
	if id == nil {
		t.Fatal("no problem's project")
	}
	if p := c.get("/projects/" + id[1]).body; strings.Count(p, `data-problem=`) == 1 && !strings.Contains(p, "<dt>说明</dt><dd>模拟数据：演示用问题</dd>") {
		t.Fatal("a project's only problem lost its detail")
	}
}

func atoi(t *testing.T, s string) int {
	t.Helper()
	n, err := strconv.Atoi(s)
	if err != nil {
		t.Fatal(err)
	}
	return n
}
