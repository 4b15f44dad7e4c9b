package ui_test

import (
	"context"
	"strconv"
	"strings"
	"testing"

	"github.com/duban-dev/duban"
	"github.com/duban-dev/duban/demo"
)

// walkPage is one page of the product as the walks open it.
type walkPage struct {
	route string // the router's pattern it is served on
	path  string
	owner string // the role that uses it; the screenshots are taken as that role
}

// walkRole is a role the walks sign in as ("" user: the public).
type walkRole struct{ role, user string }

// walk is the full demo (plan, projects, reports) with notices, a bulletin
// and a display link, and every page of the product on it, taken from the
// router: a route the table below does not know fails the walk, so a new
// page cannot be left out of the names, language and layout checks.
type walk struct {
	e     *env
	pages []walkPage
	roles []walkRole
}

func newWalk(t *testing.T) *walk {
	t.Helper()
	e := newProjectEnv(t)
	e.issueRuleNotices(t)
	e.issueBulletin(t, "2021-06")
	admin := e.client()
	admin.login(demo.AdminUsername)
	display := e.createDisplayLink(t, admin)
	id, _, unit, _ := e.pick(t)
	plan := "/plans/" + strconv.FormatInt(e.planID, 10)
	item := "/indicators/" + strconv.FormatInt(id, 10)
	ids := func(format string, id int64) string {
		return strings.Replace(format, "{id}", strconv.FormatInt(id, 10), 1)
	}
	notice := ids("/notices/{id}", e.firstNotice(t))
	project := ids("/projects/{id}", e.firstProject(t))
	// Each GET route: its pages, or none for a route that serves data or a
	// download (the reason in the comment).
	table := map[string][]walkPage{
		"GET /login":                             {{path: "/login", owner: "public"}},
		"GET /public/plans/{id}":                 {{path: "/public" + plan, owner: "public"}, {path: "/public" + plan + "?lang=en", owner: "public"}},
		"GET /display/{token}":                   {{path: display, owner: "public"}},
		"GET /{$}":                               {{path: "/", owner: "leader"}},
		"GET /plans/{id}":                        {{path: plan, owner: "leader"}, {path: plan + "?screen=1", owner: "leader"}, {path: plan + "?lang=en", owner: "leader"}},
		"GET /plans/{id}/tree":                   {{path: plan + "/tree", owner: "supervisor"}},
		"GET /indicators/{id}":                   {{path: item, owner: "supervisor"}},
		"GET /workspace":                         {{path: "/workspace", owner: "reporter"}},
		"GET /indicators/{id}/report":            {{path: item + "/report", owner: "reporter"}},
		"GET /review":                            {{path: "/review", owner: "supervisor"}},
		"GET /notices":                           {{path: "/notices", owner: "supervisor"}},
		"GET /notices/{id}/print":                {{path: notice + "/print", owner: "supervisor"}},
		"GET /account/password":                  {{path: "/account/password", owner: "reporter"}},
		"GET /admin":                             {{path: "/admin", owner: "admin"}},
		"GET /admin/import-text":                 {{path: "/admin/import-text", owner: "admin"}},
		"GET /admin/users/{username}":            {{path: "/admin/users/" + demo.SupervisorUsername, owner: "admin"}},
		"GET /audit":                             {{path: "/audit", owner: "supervisor"}},
		"GET /bulletins":                         {{path: "/bulletins", owner: "supervisor"}},
		"GET /plans/{id}/bulletins":              {{path: plan + "/bulletins", owner: "supervisor"}},
		"GET /plans/{id}/bulletins/preview.html": {{path: plan + "/bulletins/preview.html?period=2021-06", owner: "supervisor"}},
		"GET /plans/{id}/dispatch":               {{path: plan + "/dispatch", owner: "supervisor"}},
		"GET /plans/{id}/decisions/new":          {{path: plan + "/decisions/new?node_id=" + strconv.FormatInt(e.firstProject(t), 10), owner: "supervisor"}},
		"GET /plans/{id}/problems":               {{path: plan + "/problems", owner: "supervisor"}},
		"GET /plans/{id}/display-links":          {{path: plan + "/display-links", owner: "admin"}},
		"GET /projects":                          {{path: "/projects", owner: "leader"}},
		"GET /plans/{id}/projects":               {{path: plan + "/projects", owner: "leader"}},
		"GET /plans/{id}/projects/map":           {{path: plan + "/projects/map", owner: "leader"}},
		"GET /projects/{id}":                     {{path: project, owner: "supervisor"}},
		"/":                                      {{path: "/no/such/page", owner: "leader"}}, // the not-found page
		// Data and downloads, no pages:
		"GET /static/":                   nil, // scripts, styles, fonts
		"GET /files/{id}":                nil, // a report's photo
		"GET /admin/plans/{id}/export":   nil, // the plan file
		"GET /bulletins/{file}":          nil, // a bulletin's PDF or DOCX
		"GET /plans/{id}/ranking.xlsx":   nil,
		"GET /plans/{id}/export.xlsx":    nil,
		"GET /workspace/template.xlsx":   nil,
		"GET /notices/{id}/pdf":          nil,
		"GET /plans/{id}/screen.json":    nil, // the wall screen's data
		"GET /display/{token}/data.json": nil,
	}
	w := &walk{e: e, roles: []walkRole{{"public", ""}, {"reporter", reporterOf(unit)}, {"leader", demo.LeaderUsername},
		{"supervisor", demo.SupervisorUsername}, {"admin", demo.AdminUsername}}}
	seen := map[string]bool{}
	for _, route := range e.pages.Routes() {
		if strings.HasPrefix(route, "POST ") {
			continue // forms: the role tests post to them
		}
		pages, ok := table[route]
		if !ok {
			t.Fatalf("route %q is not in the page walk: add its pages (or say it serves no page) in newWalk", route)
		}
		seen[route] = true
		for _, p := range pages {
			p.route = route
			w.pages = append(w.pages, p)
		}
	}
	for route := range table {
		if !seen[route] {
			t.Fatalf("the page walk lists %q, which the router does not serve", route)
		}
	}
	return w
}

// paths are the pages a role opens: the public its pages, a signed-in
// role every other page (the ones it may not use answer with an error
// page, which must read and fit as well).
func (w *walk) paths(r walkRole) []walkPage {
	var out []walkPage
	for _, p := range w.pages {
		if (p.owner == "public") == (r.user == "") {
			out = append(out, p)
		}
	}
	return out
}

func (e *env) firstNotice(t *testing.T) int64 {
	t.Helper()
	ns, _, err := e.db.ListNotices(context.Background(), duban.NoticeFilter{PlanID: e.planID, Page: duban.Page{PerPage: 1}.Normalize()})
	if err != nil || len(ns) == 0 {
		t.Fatalf("no notice to print (err %v)", err)
	}
	return ns[0].ID
}

func (e *env) firstProject(t *testing.T) int64 {
	t.Helper()
	nodes, err := e.db.ListNodes(context.Background(), e.planID)
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range nodes {
		if n.Kind == duban.KindProject {
			return n.ID
		}
	}
	t.Fatal("no project in the demo")
	return 0
}

// TestEveryRouteIsWalked builds the walk: it fails on a page route the walk
// does not open.
func TestEveryRouteIsWalked(t *testing.T) {
	w := newWalk(t)
	if len(w.pages) < 25 {
		t.Errorf("the walk opens %d pages", len(w.pages))
	}
}
