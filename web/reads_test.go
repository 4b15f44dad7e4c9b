package web_test

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"io"
	"slices"
	"strings"
	"testing"
)

// readPaths are the concrete requests tried for each GET route of the
// OpenAPI document, filled from the working data.
type readPaths map[string][]string

// readCases maps every GET route to requests; a GET route without one
// fails TestEveryReadRouteForEveryRole, so a new route is covered or named.
func (e *env) readCases(w workingIDs) readPaths {
	plan := "/api/v1/plans/" + itoa(e.planID)
	return readPaths{
		"/healthz":                        {"/healthz"},
		"/api/v1/openapi.json":            {"/api/v1/openapi.json"},
		"/api/v1/me":                      {"/api/v1/me"},
		"/api/v1/plans":                   {"/api/v1/plans"},
		"/api/v1/plans/{id}":              {plan},
		"/api/v1/plans/{id}/indicators":   {plan + "/indicators?per_page=500"},
		"/api/v1/plans/{id}/nodes":        {plan + "/nodes?per_page=500", plan + "/nodes?view=tree&as_of=2021-07-15"},
		"/api/v1/plans/{id}/dashboard":    {plan + "/dashboard?as_of=2021-07-15"},
		"/api/v1/plans/{id}/checks":       {plan + "/checks"},
		"/api/v1/plans/{id}/notices":      {plan + "/notices?per_page=100"},
		"/api/v1/notices/{id}":            {"/api/v1/notices/" + itoa(w.notice)},
		"/api/v1/indicators/{id}/reports": {"/api/v1/indicators/" + itoa(w.indicator) + "/reports?per_page=100"},
		"/api/v1/reports":                 {"/api/v1/reports?per_page=100", "/api/v1/reports?state=draft", "/api/v1/reports?state=returned"},
		"/api/v1/reports/{id}": {"/api/v1/reports/" + itoa(w.draft), "/api/v1/reports/" + itoa(w.submitted),
			"/api/v1/reports/" + itoa(w.returned)},
		"/api/v1/units":                             {"/api/v1/units"},
		"/api/v1/people":                            {"/api/v1/people"},
		"/api/v1/files/{id}":                        {"/api/v1/files/" + w.file},
		"/api/v1/rollup":                            {"/api/v1/rollup", "/api/v1/rollup?by=area"},
		"/api/v1/webhooks":                          {"/api/v1/webhooks"},
		"/api/v1/users":                             {"/api/v1/users"},
		"/api/v1/webhooks/{id}/deliveries":          {"/api/v1/webhooks/" + itoa(w.webhook) + "/deliveries"},
		"/api/v1/audit":                             {"/api/v1/audit?per_page=100"},
		"/api/v1/plans/{id}/export.xlsx":            {plan + "/export.xlsx?as_of=2021-07-15"},
		"/api/v1/units/{code}/report-template.xlsx": {"/api/v1/units/zjj/report-template.xlsx?period=2021-06"},
		"/api/v1/plans/{id}/bulletins":              {plan + "/bulletins"},
		"/api/v1/bulletins/{file}":                  {"/api/v1/bulletins/" + itoa(w.bulletin) + ".html", "/api/v1/bulletins/" + itoa(w.bulletin) + ".xlsx"},
		"/api/v1/plans/{id}/ranking":                {plan + "/ranking?period=2021-06"},
		"/api/v1/plans/{id}/projects":               {plan + "/projects?per_page=500"},
		"/api/v1/plans/{id}/projects/map":           {plan + "/projects/map"},
		"/api/v1/plans/{id}/projects.xlsx":          {plan + "/projects.xlsx"},
		"/api/v1/plans/{id}/forecast":               {plan + "/forecast"},
		"/api/v1/projects/{id}":                     {"/api/v1/projects/" + itoa(w.node)},
		"/api/v1/plans/{id}/prep-steps":             {plan + "/prep-steps"},
		"/api/v1/plans/{id}/problems":               {plan + "/problems"},
		"/api/v1/problems/{id}":                     {"/api/v1/problems/1"},
		"/api/v1/plans/{id}/dispatch":               {plan + "/dispatch"},
		"/api/v1/plans/{id}/decisions":              {plan + "/decisions"},
	}
}

// workingIDs are the ids of the working data the read test looks for.
type workingIDs struct {
	indicator, node, draft, submitted, returned, notice, webhook, bulletin int64
	file                                                                   string
}

func (e *env) workingIDs() workingIDs {
	e.t.Helper()
	var w workingIDs
	w.indicator, w.file, w.returned = e.workingData()
	w.node = e.nodeOf(w.indicator)
	res := e.do("GET", "/api/v1/indicators/"+itoa(w.indicator)+"/reports?per_page=100", "admin", nil)
	for _, it := range res.body["items"].([]any) {
		r := it.(map[string]any)
		switch id := int64(r["id"].(float64)); r["state"] {
		case "draft":
			w.draft = id
		case "submitted":
			w.submitted = id
		}
	}
	w.notice = e.notice(w.indicator, true)
	hook := e.do("POST", "/api/v1/webhooks", "admin", map[string]any{"name": "ops", "kind": "json", "url": "http://127.0.0.1:9/hook"})
	bul := e.do("POST", "/api/v1/plans/"+itoa(e.planID)+"/bulletins", "duchashi", map[string]any{"period": "2021-06"})
	if w.draft == 0 || w.submitted == 0 || hook.status != 201 || bul.status != 201 {
		e.t.Fatalf("working ids %+v; webhook %d %s; bulletin %d %s", w, hook.status, hook.raw, bul.status, bul.raw)
	}
	w.webhook, w.bulletin = int64(hook.body["id"].(float64)), int64(bul.body["id"].(float64))
	return w
}

// TestEveryReadRouteForEveryRole tries every GET route of the OpenAPI
// document as every role: the public and another unit's reporter never
// see a unit's working data (drafts, unreviewed or returned versions,
// notes, return reasons, attachments, usernames); the owning unit, leaders,
// supervisors and administrators still read it, and the attachment.
func TestEveryReadRouteForEveryRole(t *testing.T) {
	e := newEnv(t)
	w := e.workingIDs()
	cases := e.readCases(w)
	var doc struct {
		Paths map[string]map[string]any `json:"paths"`
	}
	if res := e.do("GET", "/api/v1/openapi.json", "", nil); !decodeInto(res.raw, &doc) {
		t.Fatalf("openapi.json: %d", res.status)
	}
	var routes []string
	for path, ops := range doc.Paths {
		if _, ok := ops["get"]; ok {
			routes = append(routes, path)
		}
	}
	slices.Sort(routes)
	internal := []string{secretNote, secretReason, secretPhoto, w.file, `"submitted_by"`, `"reviewed_by"`,
		`"return_reason"`, `"attachments"`, `"state":"draft"`, `"state":"submitted"`, `"state":"returned"`}
	for _, route := range routes {
		paths, ok := cases[route]
		if !ok {
			t.Errorf("GET %s has no case in readCases: add one so every role is tried on it", route)
			continue
		}
		for _, path := range paths {
			for _, role := range []string{"", "jyj"} {
				text := readable(e.do("GET", path, role, nil).raw)
				for _, field := range internal {
					if field == w.file && strings.Contains(path, w.file) {
						continue // a refusal may name the id it was asked for
					}
					if route == "/api/v1/openapi.json" && strings.HasPrefix(field, `"`) {
						continue // the document names the fields; it holds no data
					}
					if strings.Contains(text, field) {
						t.Errorf("GET %s as %q shows %s", path, role, field)
					}
				}
			}
		}
	}
	history := "/api/v1/indicators/" + itoa(w.indicator) + "/reports?per_page=100"
	for _, role := range []string{"zjj", "lingdao", "duchashi", "admin"} {
		res := e.do("GET", history, role, nil)
		for _, want := range []string{secretNote, secretReason, `"state":"draft"`, w.file, `"submitted_by"`} {
			if !strings.Contains(res.raw, want) {
				t.Errorf("%s no longer sees %s", role, want)
			}
		}
	}
	// The workbook reading above looks inside the zip: the office's export
	// lists the note.
	if text := readable(e.do("GET", cases["/api/v1/plans/{id}/export.xlsx"][0], "admin", nil).raw); !strings.Contains(text, secretNote) {
		t.Errorf("the office's plan workbook does not list the note: the zip is not searched")
	}
	for role, want := range map[string]int{"": 401, "jyj": 404, "zjj": 200, "lingdao": 200, "duchashi": 200, "admin": 200} {
		if r := e.do("GET", "/api/v1/files/"+w.file, role, nil); r.status != want {
			t.Errorf("attachment as %q: %d, want %d", role, r.status, want)
		}
	}
}

// readable is the text of a response: an .xlsx or .docx (a zip) is
// searched through the XML of its parts.
func readable(raw string) string {
	zr, err := zip.NewReader(strings.NewReader(raw), int64(len(raw)))
	if err != nil {
		return raw
	}
	var b bytes.Buffer
	for _, f := range zr.File {
		if rc, err := f.Open(); err == nil {
			_, _ = io.Copy(&b, rc)
			rc.Close()
		}
	}
	return b.String()
}

func decodeInto(raw string, v any) bool { return json.Unmarshal([]byte(raw), v) == nil }
