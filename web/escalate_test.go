package web_test

import (
	"testing"
)

func TestEscalateOverdueNotices(t *testing.T) {
	e := newEnv(t)
	id := e.notice(e.indicatorOf("zjj"), false) // reply due 2021-07-25
	path := "/api/v1/plans/" + itoa(e.planID) + "/escalate"
	for _, tc := range []struct {
		asOf  string
		total float64
	}{{"2021-07-25", 0}, {"2021-07-26", 1}, {"2021-07-26", 0}} {
		res := e.do("POST", path+"?as_of="+tc.asOf, "duchashi", nil)
		if res.status != 200 || res.body["total"] != tc.total {
			t.Fatalf("escalate as of %s: %d %s, want %v escalated", tc.asOf, res.status, res.raw, tc.total)
		}
	}
	n := e.do("GET", "/api/v1/notices/"+itoa(id), "duchashi", nil)
	if n.body["level_label"] != "督办" || n.body["reply_due"] != "2021-08-02" || n.body["state"] != "issued" {
		t.Fatalf("escalated notice: %s", n.raw)
	}
	if res := e.do("POST", path+"?as_of=2021-13-01", "duchashi", nil); res.status != 400 {
		t.Fatalf("bad as_of: %d", res.status)
	}
}
