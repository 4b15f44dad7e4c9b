package web_test

import (
	"strings"
	"testing"
)

// TestAbsurdValuesRefused: values no indicator can reach are refused with
// the field named, and nothing is written.
func TestAbsurdValuesRefused(t *testing.T) {
	e := newEnv(t)
	ind := e.indicatorOf("zjj")
	before := e.reportCount(ind)
	for _, body := range []string{
		`{"period":"2021-06","value":1.7e308}`,
		`{"period":"2021-06","value":1.8e308}`,
		`{"period":"2021-06","value":-1e12}`,
		`{"period":"2021-06","value":5,"completed_investment":1e300}`,
	} {
		res := e.do("POST", "/api/v1/indicators/"+itoa(ind)+"/reports", "admin", body)
		if res.status != 400 || !(strings.Contains(res.raw, `"value"`) || strings.Contains(res.raw, "completed_investment") || strings.Contains(res.raw, "body")) {
			t.Errorf("%s: %d %s", body, res.status, res.raw)
		}
	}
	if e.reportCount(ind) != before {
		t.Fatal("an absurd value was written")
	}
}

// TestCommonPasswordRefusedForNewAccounts: the API refuses a password on
// the common-password list, naming the field, and creates nothing.
func TestCommonPasswordRefusedForNewAccounts(t *testing.T) {
	e := newEnv(t)
	for _, pw := range []string{"12345678", "woaini1314", "Password123"} {
		res := e.do("POST", "/api/v1/users", "admin", map[string]any{"username": "weak" + pw, "role": "leader", "password": pw})
		if res.status != 400 || !strings.Contains(res.raw, `"password"`) || !strings.Contains(res.raw, "常见") {
			t.Errorf("%s: %d %s", pw, res.status, res.raw)
		}
	}
	if res := e.do("GET", "/api/v1/users?per_page=500", "admin", nil); strings.Contains(res.raw, "weak") {
		t.Error("an account with a common password was created")
	}
}
