package web_test

import (
	"bytes"
	"fmt"
	"mime/multipart"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/duban-dev/duban/xlsx"
)

// get fetches a workbook and reopens it.
func (e *env) workbook(path, user string) *excelize.File {
	e.t.Helper()
	req := httptest.NewRequest("GET", path, nil)
	if user != "" {
		req.Header.Set("Authorization", "Bearer "+e.token(user))
	}
	rec := httptest.NewRecorder()
	e.srv.ServeHTTP(rec, req)
	if rec.Code != 200 || !strings.Contains(rec.Header().Get("Content-Type"), "spreadsheetml") {
		e.t.Fatalf("GET %s: %d %s %.200s", path, rec.Code, rec.Header().Get("Content-Type"), rec.Body.String())
	}
	f, err := excelize.OpenReader(rec.Body)
	if err != nil {
		e.t.Fatal(err)
	}
	e.t.Cleanup(func() { f.Close() })
	return f
}

func bookBytes(t testing.TB, f *excelize.File) []byte {
	t.Helper()
	var buf bytes.Buffer
	if _, err := f.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// planWorkbook is the exported plan workbook, as a raw request body.
func (e *env) planWorkbook() string {
	f := e.workbook("/api/v1/plans/"+itoa(e.planID)+"/export.xlsx?as_of=2021-07-15", "admin")
	return string(bookBytes(e.t, f))
}

// filledTemplate is zjj's July template with its first row filled with 0
// (valid for counts and milestones alike).
func (e *env) filledTemplate() string {
	f := e.workbook("/api/v1/units/zjj/report-template.xlsx?period=2021-07", "zjj")
	if err := f.SetCellValue(xlsx.SheetTemplate, "I2", 0); err != nil {
		e.t.Fatal(err)
	}
	return string(bookBytes(e.t, f))
}

func TestXLSXReadEndpointsForEveryRole(t *testing.T) {
	e := newEnv(t)
	cases := []struct {
		path string
		want []int // per role, in the order of roles
	}{
		{"/api/v1/plans/" + itoa(e.planID) + "/export.xlsx?as_of=2021-07-15", []int{200, 200, 200, 200, 200, 200}},
		{"/api/v1/units/zjj/report-template.xlsx?period=2021-07", []int{401, 403, 200, 403, 200, 200}},
	}
	for _, c := range cases {
		for i, role := range roles {
			if res := e.do("GET", c.path, role, nil); res.status != c.want[i] {
				t.Errorf("GET %s as %q: %d, want %d", c.path, role, res.status, c.want[i])
			}
		}
	}
	if res := e.do("GET", "/api/v1/units/zjj/report-template.xlsx?period=July", "admin", nil); res.status != 400 {
		t.Errorf("bad period: %d", res.status)
	}
}

func TestXLSXExportHistoryByRole(t *testing.T) {
	e := newEnv(t)
	e.do("POST", "/api/v1/indicators/"+itoa(e.indicatorOf("jyj"))+"/reports", "jyj", map[string]any{"period": "2021-06", "value": 1})
	e.do("POST", "/api/v1/indicators/"+itoa(e.indicatorOf("zjj"))+"/reports", "zjj", map[string]any{"period": "2021-06", "value": 1})
	path := "/api/v1/plans/" + itoa(e.planID) + "/export.xlsx?as_of=2021-07-15"
	for _, c := range []struct {
		user string
		rows int
	}{{"", 0}, {"zjj", 1}, {"lingdao", 2}} {
		rows, _ := e.workbook(path, c.user).GetRows(xlsx.SheetHistory)
		if len(rows)-1 != c.rows {
			t.Errorf("%q sees %d reports on 报送记录, want %d", c.user, len(rows)-1, c.rows)
		}
	}
}

func TestXLSXImportDryRunOverHTTP(t *testing.T) {
	e := newEnv(t)
	res := e.do("POST", "/api/v1/plans/import.xlsx?dry_run=1", "admin", e.planWorkbook())
	if res.status != 200 || res.body["dry_run"] != true || res.body["unchanged"].(float64) != float64(len(e.bundle.Nodes)) {
		t.Fatalf("%d %.300s", res.status, res.raw)
	}
	if res := e.do("POST", "/api/v1/plans/import.xlsx", "admin", "not a workbook"); res.status != 400 {
		t.Errorf("garbage: %d %s", res.status, res.raw)
	}
}

func TestXLSXUploadMultipart(t *testing.T) {
	e := newEnv(t)
	f := e.workbook("/api/v1/units/zjj/report-template.xlsx?period=2021-07", "zjj")
	rows, _ := f.GetRows(xlsx.SheetTemplate)
	upload := func(book []byte) response {
		var body bytes.Buffer
		mw := multipart.NewWriter(&body)
		fw, _ := mw.CreateFormFile("file", "zjj.xlsx")
		fw.Write(book)
		mw.Close()
		req := httptest.NewRequest("POST", "/api/v1/reports/upload.xlsx", &body)
		req.Header.Set("Content-Type", mw.FormDataContentType())
		req.Header.Set("Authorization", "Bearer "+e.token("zjj"))
		rec := httptest.NewRecorder()
		e.srv.ServeHTTP(rec, req)
		return response{status: rec.Code, raw: rec.Body.String()}
	}
	for i := range rows[1:] {
		if err := f.SetCellValue(xlsx.SheetTemplate, fmt.Sprintf("I%d", i+2), -1); err != nil {
			t.Fatal(err)
		}
	}
	res := upload(bookBytes(t, f))
	if res.status != 400 || !strings.Contains(res.raw, `"field":"本期值"`) || !strings.Contains(res.raw, `"row":2`) {
		t.Fatalf("negative values: %d %.400s", res.status, res.raw)
	}
	for i := range rows[1:] {
		_ = f.SetCellValue(xlsx.SheetTemplate, fmt.Sprintf("I%d", i+2), 0)
	}
	res = upload(bookBytes(t, f))
	if res.status != 201 || !strings.Contains(res.raw, fmt.Sprintf(`"total":%d`, len(rows)-1)) {
		t.Fatalf("upload: %d %.400s", res.status, res.raw)
	}
}
