package web_test

import (
	"context"
	"encoding/json"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/duban-dev/duban"
)

// doKeyed is e.do with an Idempotency-Key header (none when key is "").
func (e *env) doKeyed(path, user, key, body string) response {
	e.t.Helper()
	req := httptest.NewRequest("POST", path, strings.NewReader(body))
	req.Header.Set("Authorization", "Bearer "+e.token(user))
	if key != "" {
		req.Header.Set("Idempotency-Key", key)
	}
	rec := httptest.NewRecorder()
	e.srv.ServeHTTP(rec, req)
	res := response{status: rec.Code, raw: rec.Body.String()}
	_ = json.Unmarshal(rec.Body.Bytes(), &res.body)
	if rec.Header().Get("Idempotent-Replayed") == "true" {
		res.body["_header_replayed"] = true
	}
	return res
}

// TestUploadsAreIdempotent: the same workbook or batch sent twice by the
// same user writes once; the repeat answers 200 with the first reports,
// replayed and a notice. A different Idempotency-Key is a new upload.
func TestUploadsAreIdempotent(t *testing.T) {
	e := newEnv(t)
	own := e.indicatorOf("zjj")
	batch := `{"reports":[{"indicator_id":` + itoa(own) + `,"period":"2021-06","value":3}]}`
	respaced := `{ "reports" : [ {"value":3, "period":"2021-06", "indicator_id":` + itoa(own) + `} ] }`
	cases := []struct {
		name, path, firstKey, againKey string
		first, again                   string
		newAgain                       bool // the second is a new upload
		conflict                       bool // the second reuses a key for other content
	}{
		{"workbook twice", "/api/v1/reports/upload.xlsx", "", "", e.filledTemplate(), "", false, false},
		{"batch twice, respaced", "/api/v1/reports/batch", "", "", batch, respaced, false, false},
		{"batch with the same key, other values", "/api/v1/reports/batch", "k-1", "k-1",
			`{"reports":[{"indicator_id":` + itoa(own) + `,"period":"2021-05","value":1}]}`,
			`{"reports":[{"indicator_id":` + itoa(own) + `,"period":"2021-05","value":2}]}`, false, true},
		{"batch with another key", "/api/v1/reports/batch", "k-2", "k-3",
			`{"reports":[{"indicator_id":` + itoa(own) + `,"period":"2021-04","value":1}]}`, "", true, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if c.again == "" {
				c.again = c.first
			}
			first := e.doKeyed(c.path, "zjj", c.firstKey, c.first)
			if first.status != 201 || first.body["replayed"] != false {
				t.Fatalf("first: %d %.300s", first.status, first.raw)
			}
			n := len(first.body["items"].([]any))
			stored := e.totalReports()
			again := e.doKeyed(c.path, "zjj", c.againKey, c.again)
			if c.newAgain {
				if again.status != 201 || again.body["replayed"] != false {
					t.Fatalf("another key: %d %.300s, want a new upload", again.status, again.raw)
				}
				return
			}
			if c.conflict {
				if again.status != 409 || !strings.Contains(again.raw, "Idempotency-Key") || !strings.Contains(again.raw, "另一份内容") {
					t.Fatalf("key reused for other content: %d %.300s, want 409 naming the key", again.status, again.raw)
				}
				if got := e.totalReports(); got != stored {
					t.Errorf("%d reports after the refused reuse, want %d", got, stored)
				}
				return
			}
			if again.status != 200 || again.body["replayed"] != true || again.body["_header_replayed"] != true ||
				!strings.Contains(again.raw, "未重复写入") || again.body["received_at"] == nil {
				t.Fatalf("repeat: %d %.400s", again.status, again.raw)
			}
			if len(again.body["items"].([]any)) != n || again.raw == first.raw {
				t.Errorf("repeat lists %d reports, want the first %d", len(again.body["items"].([]any)), n)
			}
			if got := e.totalReports(); got != stored {
				t.Errorf("%d reports after the repeat, want %d", got, stored)
			}
			firstIDs, againIDs := ids(first), ids(again)
			if strings.Join(firstIDs, ",") != strings.Join(againIDs, ",") {
				t.Errorf("repeat ids %v, want the first's %v", againIDs, firstIDs)
			}
		})
	}
	if res := e.doKeyed("/api/v1/reports/batch", "zjj", strings.Repeat("x", 201), batch); res.status != 400 ||
		!strings.Contains(res.raw, "Idempotency-Key") {
		t.Errorf("overlong key: %d %.300s", res.status, res.raw)
	}
}

func ids(res response) []string {
	var out []string
	for _, it := range res.body["items"].([]any) {
		out = append(out, itoa(int64(it.(map[string]any)["id"].(float64))))
	}
	return out
}

func (e *env) totalReports() int {
	_, total, err := e.db.ListReportsFiltered(context.Background(), duban.ReportFilter{Page: duban.Page{PerPage: 1}.Normalize()})
	if err != nil {
		e.t.Fatal(err)
	}
	return total
}
