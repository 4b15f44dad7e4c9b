package web_test

import (
	"strings"
	"testing"
)

func TestPublicReadsOnlyPublicData(t *testing.T) {
	e := newEnv(t)
	plan := "/api/v1/plans/" + itoa(e.planID)
	for _, tc := range []struct {
		path   string
		status int
		want   string
	}{
		{"/healthz", 200, "ok"},
		{"/api/v1/plans", 200, "二七区"},
		{plan + "/indicators?per_page=500", 200, "248"},
		{plan + "/dashboard?as_of=2021-07-15", 200, "areas"},
		{plan + "/nodes?view=tree&as_of=2021-07-15", 200, "children"},
		{"/api/v1/plans/999/indicators", 404, "not_found"},
		{"/api/v1/people", 401, "unauthorized"},
		{"/api/v1/reports?state=submitted", 401, "unauthorized"},
		{"/api/v1/audit", 401, "unauthorized"},
		{"/api/v1/me", 401, "unauthorized"},
	} {
		res := e.do("GET", tc.path, "", nil)
		if res.status != tc.status || !strings.Contains(res.raw, tc.want) {
			t.Errorf("GET %s = %d, want %d with %q: %.200s", tc.path, res.status, tc.status, tc.want, res.raw)
		}
	}
}

func TestBadInputGetsClearErrors(t *testing.T) {
	e := newEnv(t)
	ind := "/api/v1/indicators/" + itoa(e.indicatorOf("zjj")) + "/reports"
	before := e.reportCount(e.indicatorOf("zjj"))
	for _, tc := range []struct {
		name, method, path string
		body               any
		status             int
		field              string
	}{
		{"bad as_of", "GET", "/api/v1/plans/" + itoa(e.planID) + "/dashboard?as_of=2021-13-01", nil, 400, "as_of"},
		{"per_page too big", "GET", "/api/v1/plans?per_page=501", nil, 400, "per_page"},
		{"negative count", "POST", ind, map[string]any{"period": "2021-06", "value": -1}, 400, "value"},
		{"bad period", "POST", ind, map[string]any{"period": "2021-6", "value": 1}, 400, "period"},
		{"unknown field", "POST", ind, map[string]any{"period": "2021-06", "value": 1, "state": "approved"}, 400, "body"},
		{"not JSON", "POST", ind, "{", 400, "body"},
		{"oversized body", "POST", ind, `{"note":"` + strings.Repeat("字", 2<<20) + `"}`, 413, ""},
		{"unknown indicator", "POST", "/api/v1/indicators/999999/reports", map[string]any{"period": "2021-06", "value": 1}, 404, ""},
		{"bad id", "POST", "/api/v1/indicators/abc/reports", map[string]any{"period": "2021-06", "value": 1}, 400, "id"},
	} {
		res := e.do(tc.method, tc.path, "zjj", tc.body)
		if res.status != tc.status {
			t.Errorf("%s: status %d, want %d: %.300s", tc.name, res.status, tc.status, res.raw)
			continue
		}
		if res.body["code"] == nil || res.body["message"] == "" {
			t.Errorf("%s: error body lacks code or message: %.200s", tc.name, res.raw)
		}
		if tc.field != "" && !strings.Contains(res.raw, `"field":"`+tc.field+`"`) {
			t.Errorf("%s: no field %q in %.300s", tc.name, tc.field, res.raw)
		}
	}
	if got := e.reportCount(e.indicatorOf("zjj")); got != before {
		t.Fatalf("bad requests wrote reports: %d → %d", before, got)
	}
}

func TestLoginThrottling(t *testing.T) {
	e := newEnv(t)
	for i := 0; i < 5; i++ {
		if res := e.do("POST", "/api/v1/login", "", map[string]string{"username": "admin", "password": "wrong"}); res.status != 401 {
			t.Fatalf("try %d: %d", i, res.status)
		}
	}
	res := e.do("POST", "/api/v1/login", "", map[string]string{"username": "admin", "password": password})
	if res.status != 429 {
		t.Fatalf("after five failures the right password got %d, want 429", res.status)
	}
	if other := e.do("POST", "/api/v1/login", "", map[string]string{"username": "duchashi", "password": password}); other.status != 200 {
		t.Fatalf("another account was locked out too: %d", other.status)
	}
}

func TestBatchIsAllOrNothing(t *testing.T) {
	e := newEnv(t)
	own := e.indicatorOf("zjj")
	before := e.reportCount(own)
	res := e.do("POST", "/api/v1/reports/batch", "zjj", map[string]any{"reports": []map[string]any{
		{"indicator_id": own, "period": "2021-06", "value": 150},
		{"indicator_id": own, "period": "2021-07", "value": -5},
	}})
	if res.status != 400 || !strings.Contains(res.raw, `"row":2`) {
		t.Fatalf("batch with a bad second row: %d %.300s", res.status, res.raw)
	}
	if e.reportCount(own) != before {
		t.Fatal("the good row of a failed batch was written")
	}
	res = e.do("POST", "/api/v1/reports/batch", "zjj", map[string]any{"reports": []map[string]any{
		{"indicator_id": own, "period": "2021-06", "value": 150}, {"indicator_id": own, "period": "2021-07", "value": 160},
	}})
	if res.status != 201 || res.body["total"].(float64) != 2 || e.reportCount(own) != before+2 {
		t.Fatalf("good batch: %d %.300s", res.status, res.raw)
	}
}
