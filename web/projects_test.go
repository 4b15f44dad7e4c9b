package web_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/duban-dev/duban"
	"github.com/duban-dev/duban/xlsx"
)

// projectOf is the id of the first project led by unit.
func (e *env) projectOf(unit string) int64 {
	e.t.Helper()
	nodes, err := e.db.ListNodes(context.Background(), e.planID)
	if err != nil {
		e.t.Fatal(err)
	}
	for _, n := range nodes {
		if n.Kind == duban.KindProject && n.LeadUnit == unit {
			return n.ID
		}
	}
	e.t.Fatalf("no project led by %s", unit)
	return 0
}

// problem raises a problem on zjj's project asking jyj for help; answered
// moves it on to answered.
func (e *env) problem(answered bool) int64 {
	e.t.Helper()
	res := e.do("POST", "/api/v1/plans/"+itoa(e.planID)+"/problems", "zjj", map[string]any{"node_id": e.projectOf("zjj"),
		"category": "land", "title": "用地未落实", "needs_unit": "jyj", "deadline": "2021-07-30"})
	if res.status != 201 {
		e.t.Fatalf("prepare problem: %d %s", res.status, res.raw)
	}
	id := int64(res.body["id"].(float64))
	if answered {
		if r := e.do("POST", "/api/v1/problems/"+itoa(id)+"/answer", "jyj", map[string]any{"text": "已协调"}); r.status != 200 {
			e.t.Fatalf("prepare answer: %d %s", r.status, r.raw)
		}
	}
	return id
}

func (e *env) decision() int64 {
	e.t.Helper()
	res := e.do("POST", "/api/v1/plans/"+itoa(e.planID)+"/decisions", "duchashi", map[string]any{"node_id": e.projectOf("zjj"),
		"mechanism": "sdsw", "period": "2021-W28", "text": "本周协调用地", "owner": "zjj", "due": "2021-07-22"})
	if res.status != 201 {
		e.t.Fatalf("prepare decision: %d %s", res.status, res.raw)
	}
	return int64(res.body["id"].(float64))
}

// projectWriteCases are the project routes' write endpoints, added to the
// table of TestEveryWriteEndpointForEveryRole.
func projectWriteCases() []writeCase {
	return []writeCase{
		{"raise problem on own project", func(e *env) (string, any) {
			return "/api/v1/plans/" + itoa(e.planID) + "/problems", map[string]any{"node_id": e.projectOf("zjj"),
				"category": "funds", "title": "资金缺口", "needs_unit": "czj", "deadline": "2021-08-01"}
		}, []int{401, 403, 201, 403, 201, 201}},
		{"assign problem", func(e *env) (string, any) { return "/api/v1/problems/" + itoa(e.problem(false)) + "/assign", nil },
			[]int{401, 403, 403, 403, 200, 200}},
		{"answer problem", func(e *env) (string, any) {
			return "/api/v1/problems/" + itoa(e.problem(false)) + "/answer", map[string]any{"text": "已办理"}
		}, []int{401, 403, 403, 200, 200, 200}},
		{"close problem", func(e *env) (string, any) { return "/api/v1/problems/" + itoa(e.problem(true)) + "/close", nil },
			[]int{401, 403, 200, 403, 200, 200}},
		{"escalate problem", func(e *env) (string, any) {
			return "/api/v1/problems/" + itoa(e.problem(false)) + "/escalate", map[string]any{"deadline": "2021-08-20"}
		}, []int{401, 403, 403, 403, 200, 200}},
		{"report a step of own project", func(e *env) (string, any) {
			return "/api/v1/projects/" + itoa(e.projectOf("zjj")) + "/steps", map[string]any{"steps": []map[string]any{
				{"kind": "prep", "name": "环评", "actual": "2021-07-01"}}}
		}, []int{401, 403, 200, 403, 200, 200}},
		{"plan a step", func(e *env) (string, any) {
			return "/api/v1/projects/" + itoa(e.projectOf("zjj")) + "/steps", map[string]any{"steps": []map[string]any{
				{"kind": "stage", "name": "started", "planned": "2021-09-30"}}}
		}, []int{401, 403, 400, 403, 200, 200}},
		{"configure prep steps", func(e *env) (string, any) {
			return "/api/v1/plans/" + itoa(e.planID) + "/prep-steps", map[string]any{"names": []string{"立项", "用地", "环评"}}
		}, []int{401, 403, 403, 403, 200, 200}},
		{"record decision", func(e *env) (string, any) {
			return "/api/v1/plans/" + itoa(e.planID) + "/decisions", map[string]any{"node_id": e.projectOf("zjj"),
				"period": "2021-W28", "text": "加快", "owner": "zjj", "due": "2021-07-30"}
		}, []int{401, 403, 403, 403, 201, 201}},
		{"complete decision", func(e *env) (string, any) {
			return "/api/v1/decisions/" + itoa(e.decision()) + "/done", map[string]any{"result": "已落实"}
		}, []int{401, 403, 200, 403, 200, 200}},
		{"import ledger workbook", func(e *env) (string, any) {
			return "/api/v1/plans/" + itoa(e.planID) + "/projects.xlsx?dry_run=1", e.ledgerWorkbook(nil)
		}, []int{401, 403, 403, 403, 200, 200}},
	}
}

// ledgerWorkbook is the exported ledger, edited by edit, as a request body.
func (e *env) ledgerWorkbook(edit func(rows [][]string) map[string]string) string {
	f := e.workbook("/api/v1/plans/"+itoa(e.planID)+"/projects.xlsx?as_of=2021-07-15", "admin")
	if edit != nil {
		rows, err := f.GetRows(xlsx.SheetSteps)
		if err != nil {
			e.t.Fatal(err)
		}
		for cell, v := range edit(rows) {
			if err := f.SetCellValue(xlsx.SheetSteps, cell, v); err != nil {
				e.t.Fatal(err)
			}
		}
	}
	return string(bookBytes(e.t, f))
}

func TestLedgerAPI(t *testing.T) {
	e := newEnv(t)
	base := "/api/v1/plans/" + itoa(e.planID)
	res := e.do("GET", base+"/projects?as_of=2021-07-15&per_page=500", "lingdao", nil)
	if res.status != 200 {
		t.Fatalf("%d %s", res.status, res.raw)
	}
	counts := res.body["counts"].(map[string]any)
	if counts["total"].(float64) != 25 || len(res.body["items"].([]any)) != 25 {
		t.Fatalf("counts %v", counts)
	}
	// The plain plan states 270 projects and lists 25: the check says so.
	checks := res.body["checks"].([]any)
	if c := checks[0].(map[string]any); c["ok"] != false || !strings.Contains(c["zh"].(string), "缺 245 个") {
		t.Fatalf("stated check %v", c)
	}
	one := e.do("GET", base+"/projects?unit=zjj&stage=building", "", nil)
	for _, it := range one.body["items"].([]any) {
		m := it.(map[string]any)
		if m["lead_unit"] != "zjj" || m["stage"] != "building" {
			t.Fatalf("filter kept %v", m)
		}
	}
	if one.body["filtered"].(map[string]any)["total"] != one.body["total"] {
		t.Fatalf("filtered counts disagree: %v", one.body)
	}
	if bad := e.do("GET", base+"/projects?light=purple", "", nil); bad.status != 400 || !strings.Contains(bad.raw, "light") {
		t.Fatalf("bad light: %d %s", bad.status, bad.raw)
	}
	mp := e.do("GET", base+"/projects/map", "", nil)
	if mp.status != 200 || len(mp.body["points"].([]any)) != 25 {
		t.Fatalf("map: %d %.200s", mp.status, mp.raw)
	}
	fc := e.do("GET", base+"/forecast?as_of=2021-07-15", "", nil)
	if fc.status != 200 || !strings.Contains(fc.body["method"].(string), "最小二乘") {
		t.Fatalf("forecast: %d %.200s", fc.status, fc.raw)
	}
}

func TestStepsAndWorkbookRoundTrip(t *testing.T) {
	e := newEnv(t)
	p := e.projectOf("zjj")
	// A 施工许可 planned long ago and not reached turns the project red.
	res := e.do("POST", "/api/v1/projects/"+itoa(p)+"/steps", "duchashi", map[string]any{"steps": []map[string]any{
		{"kind": "prep", "name": "施工许可", "planned": "2021-05-01"}}})
	if res.status != 200 {
		t.Fatalf("%d %s", res.status, res.raw)
	}
	got := e.do("GET", "/api/v1/projects/"+itoa(p)+"?as_of=2021-07-15", "lingdao", nil)
	if got.body["status"] != "lagging" || !strings.Contains(got.raw, "施工许可计划 2021-05-01 完成，已延误 75 天") {
		t.Fatalf("after a late step: %s %.600s", got.body["status"], got.raw)
	}
	// Report it done through the workbook: the 节点 row's 完成日期.
	body := e.ledgerWorkbook(func(rows [][]string) map[string]string {
		for i, r := range rows {
			if len(r) > 3 && r[3] == "施工许可" && strings.Contains(got.raw, `"code":"`+r[0]+`"`) {
				return map[string]string{fmt.Sprintf("F%d", i+1): "2021-07-10"}
			}
		}
		t.Fatal("no 施工许可 row for the project")
		return nil
	})
	dry := e.do("POST", "/api/v1/plans/"+itoa(e.planID)+"/projects.xlsx?dry_run=1", "duchashi", body)
	if dry.status != 200 || dry.body["changed"].(float64) != 1 {
		t.Fatalf("dry run: %d %s", dry.status, dry.raw)
	}
	if still := e.do("GET", "/api/v1/projects/"+itoa(p)+"?as_of=2021-07-15", "lingdao", nil); still.body["status"] != "lagging" {
		t.Fatal("a dry run changed the project")
	}
	if res := e.do("POST", "/api/v1/plans/"+itoa(e.planID)+"/projects.xlsx", "duchashi", body); res.status != 200 {
		t.Fatalf("import: %d %s", res.status, res.raw)
	}
	if after := e.do("GET", "/api/v1/projects/"+itoa(p)+"?as_of=2021-07-15", "lingdao", nil); strings.Contains(after.raw, "已延误 75 天") {
		t.Fatalf("still late after the import: %.400s", after.raw)
	}
	bad := e.ledgerWorkbook(func([][]string) map[string]string { return map[string]string{"E2": "明天"} })
	if res := e.do("POST", "/api/v1/plans/"+itoa(e.planID)+"/projects.xlsx", "duchashi", bad); res.status != 400 ||
		!strings.Contains(res.raw, `"row":2`) || !strings.Contains(res.raw, "计划日期") {
		t.Fatalf("bad date: %d %s", res.status, res.raw)
	}
}

func TestDispatchAPIFollowsDecisions(t *testing.T) {
	e := newEnv(t)
	list := func() map[string]any {
		res := e.do("GET", "/api/v1/plans/"+itoa(e.planID)+"/dispatch?mechanism=sdsw&as_of=2021-07-15", "duchashi", nil)
		if res.status != 200 {
			t.Fatalf("%d %s", res.status, res.raw)
		}
		return res.body
	}
	before := list()
	if before["period"] != "2021-W28" || len(asList(before["follow_ups"])) != 0 {
		t.Fatalf("%v %v", before["period"], before["follow_ups"])
	}
	pid := e.problem(false)
	id := e.decision()
	after := list()
	if len(asList(after["follow_ups"])) != 1 || len(asList(after["problems"])) != len(asList(before["problems"]))+1 {
		t.Fatalf("follow-ups %v problems %v", after["follow_ups"], after["problems"])
	}
	if res := e.do("POST", "/api/v1/decisions/"+itoa(id)+"/done", "zjj", map[string]any{"result": "已协调"}); res.status != 200 {
		t.Fatalf("done: %d %s", res.status, res.raw)
	}
	if len(asList(list()["follow_ups"])) != 0 {
		t.Fatal("a done decision is still followed up")
	}
	if res := e.do("GET", "/api/v1/plans/"+itoa(e.planID)+"/problems", "jyj", nil); res.body["total"].(float64) != 1 {
		t.Fatalf("jyj sees the problem asked of it: %s", res.raw)
	}
	if res := e.do("GET", "/api/v1/problems/"+itoa(pid), "gxj", nil); res.status != 404 {
		t.Fatalf("an uninvolved unit read a problem: %d", res.status)
	}
	if res := e.do("GET", "/api/v1/plans/"+itoa(e.planID)+"/dispatch?mechanism=nope", "duchashi", nil); res.status != 404 {
		t.Fatalf("unknown mechanism: %d", res.status)
	}
}
