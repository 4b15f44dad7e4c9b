package web_test

import (
	"net/http/httptest"
	"strings"
	"testing"
)

// bulletinMonth numbers the periods the role matrix issues bulletins on.
var bulletinMonth int

func TestBulletinEndpoints(t *testing.T) {
	e := newEnv(t)
	plan := "/api/v1/plans/" + itoa(e.planID)
	created := e.do("POST", plan+"/bulletins", "duchashi", map[string]any{"period": "2021-06"})
	if created.status != 201 || created.body["number"] != "二七督〔2021〕1号" || created.body["as_of"] != "2021-06-30" {
		t.Fatalf("create: %d %s", created.status, created.raw)
	}
	id := itoa(int64(created.body["id"].(float64)))
	scenarios := []struct {
		name, method, path, user string
		body                     any
		status                   int
		contains                 string
	}{
		{"same period again", "POST", plan + "/bulletins", "admin", map[string]any{"period": "2021-06"}, 409, "已发布"},
		{"current month refused unless forced", "POST", plan + "/bulletins", "admin", map[string]any{"period": "2021-07"}, 400, `2021-07 至 2021-07-31 结束`},
		{"early as_of refused unless forced", "POST", plan + "/bulletins", "admin", map[string]any{"period": "2021-05", "as_of": "2021-05-20"}, 400, `"field":"period"`},
		{"dry run previews, stores nothing", "POST", plan + "/bulletins?dry_run=1", "admin", map[string]any{"period": "2021-05"}, 200, `"preview":true,"period":"2021-05","as_of":"2021-05-31","title":"关于2021年5月`},
		{"dry run of an unfinished period refused", "POST", plan + "/bulletins?dry_run=1", "admin", map[string]any{"period": "2021-07"}, 400, "force"},
		{"dry run by a reporter refused", "POST", plan + "/bulletins?dry_run=1", "zjj", map[string]any{"period": "2021-05"}, 403, ""},
		{"current month forced, as of today", "POST", plan + "/bulletins", "admin", map[string]any{"period": "2021-07", "force": true}, 201, `"as_of":"2021-07-15"`},
		{"future period", "POST", plan + "/bulletins", "admin", map[string]any{"period": "2021-09"}, 400, "尚未开始"},
		{"bad period", "POST", plan + "/bulletins", "admin", map[string]any{"period": "2021/06"}, 400, `"field":"period"`},
		{"unknown plan", "POST", "/api/v1/plans/999/bulletins", "admin", map[string]any{"period": "2021-05"}, 404, "计划不存在"},
		{"list", "GET", plan + "/bulletins", "lingdao", nil, 200, `"/api/v1/bulletins/` + id + `.pdf"`},
		{"list needs sign-in", "GET", plan + "/bulletins", "", nil, 401, ""},
		{"html", "GET", "/api/v1/bulletins/" + id + ".html", "zjj", nil, 200, "二七督〔2021〕1号"},
		{"docx", "GET", "/api/v1/bulletins/" + id + ".docx", "lingdao", nil, 200, "PK"},
		{"xlsx", "GET", "/api/v1/bulletins/" + id + ".xlsx", "lingdao", nil, 200, "PK"},
		{"bad format", "GET", "/api/v1/bulletins/" + id + ".txt", "lingdao", nil, 400, `"field":"file"`},
		{"no such bulletin", "GET", "/api/v1/bulletins/999.html", "lingdao", nil, 404, "通报不存在"},
		{"download needs sign-in", "GET", "/api/v1/bulletins/" + id + ".html", "", nil, 401, ""},
		{"ranking", "GET", plan + "/ranking?period=2021-06", "lingdao", nil, 200, `"explanation":{"zh":"第1名`},
		{"ranking defaults to this month", "GET", plan + "/ranking", "zjj", nil, 200, `"period":"2021-07","as_of":"2021-07-15"`},
		{"ranking bad period", "GET", plan + "/ranking?period=June", "zjj", nil, 400, `"field":"period"`},
		{"ranking with other weights", "GET", plan + "/ranking?period=2021-06&completion=100&on_time=0&top=1", "lingdao", nil, 200, `"name":"custom","weights":{"completion":100,"on_time":0`},
		{"ranking bad weight", "GET", plan + "/ranking?period=2021-06&red=-1", "lingdao", nil, 400, `"field":"red"`},
		{"ranking as a workbook", "GET", plan + "/ranking?period=2021-06&format=xlsx", "lingdao", nil, 200, "PK"},
		{"ranking needs sign-in", "GET", plan + "/ranking", "", nil, 401, ""},
	}
	for _, sc := range scenarios {
		res := e.do(sc.method, sc.path, sc.user, sc.body)
		if res.status != sc.status || !strings.Contains(res.raw, sc.contains) {
			t.Errorf("%s: %d %.300s; want %d containing %q", sc.name, res.status, res.raw, sc.status, sc.contains)
		}
	}
	list := e.do("GET", plan+"/bulletins", "lingdao", nil)
	items := list.body["items"].([]any)
	if len(items) != 2 || items[0].(map[string]any)["period"] != "2021-07" {
		t.Fatalf("list order: %s", list.raw)
	}
}

func TestBulletinDownloadHeaders(t *testing.T) {
	e := newEnv(t)
	created := e.do("POST", "/api/v1/plans/"+itoa(e.planID)+"/bulletins", "admin", map[string]any{"period": "2021-06"})
	id := itoa(int64(created.body["id"].(float64)))
	for format, want := range map[string]string{"html": "text/html", "docx": "wordprocessingml", "xlsx": "spreadsheetml"} {
		req := httptest.NewRequest("GET", "/api/v1/bulletins/"+id+"."+format, nil)
		req.Header.Set("Authorization", "Bearer "+e.token("lingdao"))
		rec := httptest.NewRecorder()
		e.srv.ServeHTTP(rec, req)
		if rec.Code != 200 || !strings.Contains(rec.Header().Get("Content-Type"), want) {
			t.Errorf("%s: %d %q", format, rec.Code, rec.Header().Get("Content-Type"))
		}
		if cd := rec.Header().Get("Content-Disposition"); format != "html" && !strings.Contains(cd, "bulletin-2021-06-1."+format) {
			t.Errorf("%s: Content-Disposition %q", format, cd)
		}
	}
}
