package web_test

import (
	"strings"
	"testing"
)

// TestRefusalsNameTheLeadUnit has another unit's reporter write on zjj's
// item and project: each refusal names the lead unit by its name, never by
// its code.
func TestRefusalsNameTheLeadUnit(t *testing.T) {
	e := newEnv(t)
	name := ""
	for _, u := range e.bundle.Units {
		if u.Code == "zjj" {
			name = u.Name
			if u.ShortName != "" {
				name = u.ShortName
			}
		}
	}
	for _, c := range []struct {
		what, path string
		body       map[string]any
	}{
		{"report", "/api/v1/indicators/" + itoa(e.indicatorOf("zjj")) + "/reports", map[string]any{"period": "2021-06", "value": 1}},
		{"problem", "/api/v1/plans/" + itoa(e.planID) + "/problems", map[string]any{"node_id": e.projectOf("zjj"),
			"category": "land", "title": "用地未落实", "needs_unit": "czj", "deadline": "2021-07-30"}},
		{"steps", "/api/v1/projects/" + itoa(e.projectOf("zjj")) + "/steps", map[string]any{"steps": []map[string]any{
			{"kind": "prep", "name": "环评", "actual": "2021-07-01"}}}},
	} {
		res := e.do("POST", c.path, "jyj", c.body)
		msg, _ := res.body["message"].(string)
		if res.status != 403 || !strings.Contains(msg, "由「"+name+"」牵头") || strings.Contains(msg, "zjj") {
			t.Errorf("%s on another unit's item: %d %q, want 403 naming 「%s」", c.what, res.status, msg, name)
		}
	}
}
