package web_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/duban-dev/duban"
)

var roles = []string{"", "lingdao", "zjj", "jyj", "duchashi", "admin"}

// writeCase prepares a fresh target for one attempt and returns the
// request to send.
type writeCase struct {
	name    string
	prepare func(e *env) (path string, body any)
	want    []int // per role, in the order of roles
}

// account creates a fresh leader account as admin and returns its name.
func (e *env) account() string {
	accounts++
	name := fmt.Sprintf("acct%d", accounts)
	res := e.do("POST", "/api/v1/users", "admin", map[string]any{"username": name, "role": "leader", "password": "changeme-1"})
	if res.status != 201 {
		e.t.Fatalf("prepare account: %d %s", res.status, res.raw)
	}
	return name
}

var accounts int

func (e *env) nodeOf(indicatorID int64) int64 {
	target, err := e.db.FindReportTarget(context.Background(), indicatorID)
	if err != nil {
		e.t.Fatal(err)
	}
	return target.Node.ID
}

func (e *env) submitted(indicatorID int64) int64 {
	res := e.do("POST", "/api/v1/indicators/"+itoa(indicatorID)+"/reports", "admin", map[string]any{"period": "2021-06", "value": 1})
	if res.status != 201 {
		e.t.Fatalf("prepare report: %d %s", res.status, res.raw)
	}
	return int64(res.body["id"].(float64))
}

func (e *env) notice(indicatorID int64, replied bool) int64 {
	res := e.do("POST", "/api/v1/plans/"+itoa(e.planID)+"/notices", "admin", map[string]any{
		"node_id": e.nodeOf(indicatorID), "indicator_id": indicatorID, "issue": "进度滞后", "action": "加快推进", "reply_due": "2021-07-25"})
	if res.status != 201 {
		e.t.Fatalf("prepare notice: %d %s", res.status, res.raw)
	}
	id := int64(res.body["id"].(float64))
	if replied {
		if r := e.do("POST", "/api/v1/notices/"+itoa(id)+"/reply", "admin", map[string]any{"text": "已整改"}); r.status != 200 {
			e.t.Fatalf("prepare reply: %d %s", r.status, r.raw)
		}
	}
	return id
}

func TestEveryWriteEndpointForEveryRole(t *testing.T) {
	e := newEnv(t)
	own, other := e.indicatorOf("zjj"), e.indicatorOf("jyj")
	report := map[string]any{"period": "2021-06", "value": 2}
	cases := []writeCase{
		{"submit own unit", func(e *env) (string, any) { return "/api/v1/indicators/" + itoa(own) + "/reports", report },
			[]int{401, 403, 201, 403, 201, 201}},
		{"submit other unit", func(e *env) (string, any) { return "/api/v1/indicators/" + itoa(other) + "/reports", report },
			[]int{401, 403, 403, 201, 201, 201}},
		{"batch", func(e *env) (string, any) {
			return "/api/v1/reports/batch", map[string]any{"reports": []map[string]any{{"indicator_id": own, "period": "2021-06", "value": 3}}}
		}, []int{401, 403, 201, 403, 201, 201}},
		{"approve", func(e *env) (string, any) { return "/api/v1/reports/" + itoa(e.submitted(own)) + "/approve", nil },
			[]int{401, 403, 403, 403, 200, 200}},
		{"return", func(e *env) (string, any) {
			return "/api/v1/reports/" + itoa(e.submitted(own)) + "/return", map[string]any{"reason": "数据有误"}
		}, []int{401, 403, 403, 403, 200, 200}},
		{"issue notice", func(e *env) (string, any) {
			return "/api/v1/plans/" + itoa(e.planID) + "/notices", map[string]any{"node_id": e.nodeOf(own), "issue": "滞后", "action": "加快", "reply_due": "2021-07-30"}
		}, []int{401, 403, 403, 403, 201, 201}},
		{"sign notice", func(e *env) (string, any) { return "/api/v1/notices/" + itoa(e.notice(own, false)) + "/sign", nil },
			[]int{401, 403, 200, 404, 200, 200}},
		{"reply notice", func(e *env) (string, any) {
			return "/api/v1/notices/" + itoa(e.notice(own, false)) + "/reply", map[string]any{"text": "已完成"}
		}, []int{401, 403, 200, 404, 200, 200}},
		{"close notice", func(e *env) (string, any) { return "/api/v1/notices/" + itoa(e.notice(own, true)) + "/close", nil },
			[]int{401, 403, 403, 403, 200, 200}},
		{"escalate notice", func(e *env) (string, any) {
			return "/api/v1/notices/" + itoa(e.notice(own, false)) + "/escalate", map[string]any{"reply_due": "2021-08-10"}
		}, []int{401, 403, 403, 403, 200, 200}},
		{"escalate overdue", func(e *env) (string, any) { return "/api/v1/plans/" + itoa(e.planID) + "/escalate", nil },
			[]int{401, 403, 403, 403, 200, 200}},
		{"upload file", func(e *env) (string, any) { return "/api/v1/files", upload{"a.png", pngBytes(e.t)} },
			[]int{401, 403, 201, 201, 201, 201}},
		{"supervise", func(e *env) (string, any) { return "/api/v1/plans/" + itoa(e.planID) + "/supervise", nil },
			[]int{401, 403, 403, 403, 200, 200}},
		{"import plan workbook", func(e *env) (string, any) { return "/api/v1/plans/import.xlsx?dry_run=1", e.planWorkbook() },
			[]int{401, 403, 403, 403, 403, 200}},
		{"upload report template", func(e *env) (string, any) { return "/api/v1/reports/upload.xlsx", e.filledTemplate() },
			[]int{401, 403, 201, 403, 201, 201}},
		{"issue bulletin", func(e *env) (string, any) {
			bulletinMonth++ // a new period each time: a period has one bulletin
			return "/api/v1/plans/" + itoa(e.planID) + "/bulletins", map[string]any{"period": fmt.Sprintf("2021-%02d", bulletinMonth)}
		}, []int{401, 403, 403, 403, 201, 201}},
		{"create account", func(e *env) (string, any) {
			accounts++
			return "/api/v1/users", map[string]any{"username": fmt.Sprintf("new%d", accounts), "role": "leader", "password": "changeme-1"}
		}, []int{401, 403, 403, 403, 403, 201}},
	}
	patches := []writeCase{
		{"change account", func(e *env) (string, any) {
			return "/api/v1/users/" + e.account(), map[string]any{"display_name": "王五", "disabled": true}
		}, []int{401, 403, 403, 403, 403, 200}},
	}
	e.tryEveryRole("POST", append(cases, projectWriteCases()...))
	e.tryEveryRole("PATCH", patches)
}

func (e *env) tryEveryRole(method string, cases []writeCase) {
	for _, c := range cases {
		for i, role := range roles {
			path, body := c.prepare(e)
			if res := e.do(method, path, role, body); res.status != c.want[i] {
				e.t.Errorf("%s as %q: %d, want %d: %.200s", c.name, role, res.status, c.want[i], res.raw)
			}
		}
	}
}

func TestReporterCannotWriteAnotherUnitsReport(t *testing.T) {
	e := newEnv(t)
	other := e.indicatorOf("jyj")
	before := e.reportCount(other)
	res := e.do("POST", "/api/v1/indicators/"+itoa(other)+"/reports", "zjj", map[string]any{"period": "2021-06", "value": 1})
	if res.status != 403 || res.body["code"] != duban.EFORBIDDEN {
		t.Fatalf("%d %s", res.status, res.raw)
	}
	if e.reportCount(other) != before {
		t.Fatal("a forbidden report was written")
	}
}

func TestApprovalMovesTheLight(t *testing.T) {
	e := newEnv(t)
	own := e.indicatorOf("zjj")
	light := func() string {
		res := e.do("GET", "/api/v1/plans/"+itoa(e.planID)+"/nodes?as_of=2021-07-15&per_page=500", "lingdao", nil)
		for _, it := range res.body["items"].([]any) {
			for _, item := range asList(it.(map[string]any)["items"]) {
				m := item.(map[string]any)
				if int64(m["indicator_id"].(float64)) == own {
					return m["status"].(string)
				}
			}
		}
		t.Fatalf("indicator %d not in the node list", own)
		return ""
	}
	before := light()
	dashboard := func() string {
		return e.do("GET", "/api/v1/plans/"+itoa(e.planID)+"/dashboard?as_of=2021-07-15", "lingdao", nil).raw
	}
	dashBefore := dashboard()
	target, _ := e.db.FindReportTarget(context.Background(), own)
	res := e.do("POST", "/api/v1/indicators/"+itoa(own)+"/reports", "zjj", map[string]any{"period": "2021-07", "value": *target.Indicator.Target})
	if res.status != 201 {
		t.Fatalf("submit: %d %s", res.status, res.raw)
	}
	// A submitted report counts as reported (it may clear 未报送) but its
	// value drives nothing until approved.
	if got := light(); got == "done" {
		t.Fatalf("an unapproved report made the item done (was %s)", before)
	}
	id := itoa(int64(res.body["id"].(float64)))
	if res := e.do("POST", "/api/v1/reports/"+id+"/approve", "duchashi", nil); res.status != 200 || res.body["state"] != "approved" {
		t.Fatalf("approve: %d %s", res.status, res.raw)
	}
	if got := light(); got != "done" {
		t.Fatalf("after approving the full target the light is %q (was %q), want done", got, before)
	}
	if dashboard() == dashBefore {
		t.Fatal("the dashboard did not change after the approval")
	}
	audit := e.do("GET", "/api/v1/audit?entity=report&entity_id="+id, "duchashi", nil)
	if audit.status != 200 || audit.body["total"].(float64) < 2 {
		t.Fatalf("audit of the report: %d %.300s", audit.status, audit.raw)
	}
}

func asList(v any) []any {
	l, _ := v.([]any)
	return l
}
