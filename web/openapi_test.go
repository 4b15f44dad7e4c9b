package web_test

import (
	"sort"
	"strings"
	"testing"
)

func TestOpenAPIMatchesRoutes(t *testing.T) {
	e := newEnv(t)
	res := e.do("GET", "/api/v1/openapi.json", "", nil)
	if res.status != 200 || res.body["openapi"] != "3.0.3" {
		t.Fatalf("openapi.json: %d", res.status)
	}
	documented := map[string]bool{}
	for path, ops := range res.body["paths"].(map[string]any) {
		for method := range ops.(map[string]any) {
			documented[strings.ToUpper(method)+" "+path] = true
		}
	}
	registered := map[string]bool{}
	for _, p := range e.srv.Patterns() {
		registered[p] = true
		if !documented[p] {
			t.Errorf("route %s is not in the OpenAPI document", p)
		}
	}
	var missing []string
	for p := range documented {
		if !registered[p] {
			missing = append(missing, p)
		}
	}
	sort.Strings(missing)
	for _, p := range missing {
		t.Errorf("the OpenAPI document lists %s, which the server does not serve", p)
	}
	if len(registered) < 20 {
		t.Fatalf("only %d routes registered", len(registered))
	}
}
