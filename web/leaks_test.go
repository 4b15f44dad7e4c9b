package web_test

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"strings"
	"testing"
)

const (
	secretNote   = "内部备注-SECRET-NOTE"
	secretReason = "退回理由-SECRET-REASON"
	secretPhoto  = "secret-site-photo.png"
)

// workingData writes, as zjj, a draft and a submitted report (with notes
// and an attachment) and a returned one (with a reason); it returns the
// indicator, the attachment's id and the returned report's id.
func (e *env) workingData() (indicator int64, fileID string, returned int64) {
	e.t.Helper()
	indicator = e.indicatorOf("zjj")
	img := image.NewRGBA(image.Rect(0, 0, 4, 4))
	img.Set(1, 1, color.RGBA{200, 10, 10, 255}) // bytes no other test uploads
	var b bytes.Buffer
	_ = png.Encode(&b, img)
	res := e.do("POST", "/api/v1/files", "zjj", upload{secretPhoto, b.Bytes()})
	if res.status != 201 {
		e.t.Fatalf("upload: %d %s", res.status, res.raw)
	}
	fileID = res.body["id"].(string)
	path := "/api/v1/indicators/" + itoa(indicator) + "/reports"
	for _, body := range []map[string]any{
		{"period": "2021-06", "value": 7, "note": secretNote, "attachments": []string{fileID}, "draft": true},
		{"period": "2021-06", "value": 8, "note": secretNote, "attachments": []string{fileID}},
		{"period": "2021-06", "value": 9, "note": secretNote},
	} {
		if r := e.do("POST", path, "zjj", body); r.status != 201 {
			e.t.Fatalf("report: %d %s", r.status, r.raw)
		} else {
			returned = int64(r.body["id"].(float64))
		}
	}
	if r := e.do("POST", "/api/v1/reports/"+itoa(returned)+"/return", "duchashi", map[string]any{"reason": secretReason}); r.status != 200 {
		e.t.Fatalf("return: %d %s", r.status, r.raw)
	}
	return indicator, fileID, returned
}

// TestEveryReadEndpointKeepsWorkingDataInside tries every read endpoint as
// the public and as another unit's reporter: neither may see a unit's
// drafts, unreviewed or returned versions, notes, return reasons,
// attachments or usernames.
func TestEveryReadEndpointKeepsWorkingDataInside(t *testing.T) {
	e := newEnv(t)
	ind, fileID, returned := e.workingData()
	plan := "/api/v1/plans/" + itoa(e.planID)
	endpoints := []string{
		"/api/v1/plans", plan, plan + "/indicators?per_page=500", plan + "/dashboard?as_of=2021-07-15",
		plan + "/nodes?per_page=500", plan + "/nodes?view=tree&as_of=2021-07-15", plan + "/checks",
		"/api/v1/indicators/" + itoa(ind) + "/reports?per_page=100", "/api/v1/reports?per_page=100",
		"/api/v1/reports/" + itoa(returned), plan + "/notices", plan + "/bulletins", plan + "/ranking",
		"/api/v1/units", "/api/v1/people", "/api/v1/audit?per_page=100", "/api/v1/rollup", "/api/v1/me",
		"/api/v1/users", "/api/v1/webhooks", "/api/v1/files/" + fileID,
	}
	internal := []string{secretNote, secretReason, secretPhoto, fileID, `"submitted_by"`, `"reviewed_by"`,
		`"return_reason"`, `"attachments"`, `"state":"draft"`, `"state":"submitted"`, `"state":"returned"`}
	for _, role := range []string{"", "jyj"} {
		for _, path := range endpoints {
			res := e.do("GET", path, role, nil)
			for _, field := range internal {
				if field == fileID && strings.Contains(path, fileID) {
					continue // a refusal may name the id it was asked for
				}
				if strings.Contains(res.raw, field) {
					t.Errorf("GET %s as %q (%d) shows %s", path, role, res.status, field)
				}
			}
		}
	}
	// Those who may read the working data still do.
	for _, role := range []string{"zjj", "duchashi", "admin"} {
		res := e.do("GET", "/api/v1/indicators/"+itoa(ind)+"/reports?per_page=100", role, nil)
		for _, want := range []string{secretNote, secretReason, `"state":"draft"`, fileID} {
			if !strings.Contains(res.raw, want) {
				t.Errorf("%s no longer sees %s", role, want)
			}
		}
		if r := e.do("GET", "/api/v1/files/"+fileID, role, nil); r.status != 200 {
			t.Errorf("%s cannot read the attachment: %d", role, r.status)
		}
	}
	if r := e.do("GET", "/api/v1/files/"+fileID, "jyj", nil); r.status != 404 {
		t.Errorf("another unit read the attachment: %d", r.status)
	}
}
