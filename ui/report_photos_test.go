package ui_test

import (
	"bytes"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/duban-dev/duban"
)

// postPhotos sends a multipart form with photos, as the report form does.
func (c *client) postPhotos(from, path string, form url.Values, photos map[string][]byte) result {
	c.t.Helper()
	form.Set("csrf", c.csrf(from))
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	for k, vs := range form {
		for _, v := range vs {
			mw.WriteField(k, v)
		}
	}
	for name, b := range photos {
		w, err := mw.CreateFormFile("photo", name)
		if err == nil {
			_, err = w.Write(b)
		}
		if err != nil {
			c.t.Fatal(err)
		}
	}
	mw.Close()
	req := httptest.NewRequest("POST", "http://duban.test"+path, &body)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	for _, ck := range c.jar.Cookies(req.URL) {
		req.AddCookie(ck)
	}
	rec := httptest.NewRecorder()
	c.e.srv.ServeHTTP(rec, req)
	return result{status: rec.Code, header: rec.Header(), body: rec.Body.String()}
}

// returnedWithPhotos has the unit report on the item for 2021-Q3 with two
// photos and the supervision office return it; it returns the version.
func (e *env) returnedWithPhotos(t *testing.T, c *client, id int64) duban.Report {
	t.Helper()
	png, err := os.ReadFile(sitePhoto(t))
	if err != nil {
		t.Fatal(err)
	}
	res := c.postPhotos("/workspace", e.path("/indicators/{id}/report", id), url.Values{
		"period": {"2021-Q3"}, "value": {"3"}, "action": {"submit"}},
		map[string][]byte{"现场一.png": png, "现场二.png": append(png, 0)})
	if res.status != http.StatusSeeOther {
		t.Fatalf("submit with photos: %d %s", res.status, res.body)
	}
	v := e.latestVersion(t, id)
	if len(v.Attachments) != 2 {
		t.Fatalf("first version has %d attachments, want 2", len(v.Attachments))
	}
	sup := e.client()
	sup.login("duchashi")
	if res := sup.post("/review", "/reports/"+strconv.FormatInt(v.ID, 10)+"/return",
		url.Values{"reason": {"请补充台账"}}); res.status != http.StatusSeeOther {
		t.Fatalf("return: %d", res.status)
	}
	return v
}

func (e *env) latestVersion(t *testing.T, id int64) duban.Report {
	t.Helper()
	reps, _, err := e.db.ListReportsFiltered(t.Context(), duban.ReportFilter{IndicatorID: id, Page: duban.Page{PerPage: 1}.Normalize()})
	if err != nil || len(reps) == 0 {
		t.Fatalf("latest version of %d: %v", id, err)
	}
	return reps[0]
}

func attachmentIDs(r duban.Report) []string {
	var ids []string
	for _, a := range r.Attachments {
		ids = append(ids, a.ID)
	}
	return ids
}

// TestCorrectionKeepsPhotos: the form of a returned report shows its photos
// with a remove box and says they are kept; the correction keeps those not
// removed; a photo id the earlier version did not have is not attached,
// and the form of another period carries nothing.
func TestCorrectionKeepsPhotos(t *testing.T) {
	e := newEnv(t)
	id, _, unit, _ := e.pick(t)
	c := e.client()
	c.login(reporterOf(unit))
	first := e.returnedWithPhotos(t, c, id)
	keep, drop := first.Attachments[0].ID, first.Attachments[1].ID

	form := c.get(e.path("/indicators/{id}/report", id) + "?period=2021-Q3").body
	for _, want := range []string{`id="carried-photos"`, "更正时这些照片会保留在新版本中", `name="remove_photo" value="` + keep + `"`,
		`name="keep_photo" value="` + drop + `"`} {
		if !strings.Contains(form, want) {
			t.Errorf("the correction form lacks %s", want)
		}
	}
	if other := c.get(e.path("/indicators/{id}/report", id) + "?period=2021-Q2").body; strings.Contains(other, "carried-photos") {
		t.Error("another period's form carries the photos")
	}

	tests := []struct {
		name   string
		form   url.Values
		period string
		want   []string
	}{
		{"keep all", url.Values{"keep_photo": {keep, drop}}, "2021-Q3", []string{keep, drop}},
		{"remove one", url.Values{"keep_photo": {keep, drop}, "remove_photo": {drop}}, "2021-Q3", []string{keep}},
		{"foreign id ignored", url.Values{"keep_photo": {keep, "not-a-file-of-this-report"}}, "2021-Q3", []string{keep}},
		{"another period carries nothing", url.Values{"keep_photo": {keep}}, "2021-Q2", nil},
	}
	for _, tt := range tests {
		tt.form.Set("period", tt.period)
		tt.form.Set("value", "4")
		tt.form.Set("action", "draft")
		if res := c.post("/workspace", e.path("/indicators/{id}/report", id), tt.form); res.status != http.StatusSeeOther {
			t.Fatalf("%s: %d %s", tt.name, res.status, res.body)
		}
		got := attachmentIDs(e.latestVersion(t, id))
		if strings.Join(got, ",") != strings.Join(tt.want, ",") {
			t.Errorf("%s: attachments %v, want %v", tt.name, got, tt.want)
		}
	}
}

// TestBrowserCorrectionKeepsPhotos: in Chromium the returned report's form
// shows its photos; the reporter removes one, corrects the value and
// submits; the new version keeps the other photo.
func TestBrowserCorrectionKeepsPhotos(t *testing.T) {
	e := newEnv(t)
	id, _, unit, _ := e.pick(t)
	c := e.client()
	c.login(reporterOf(unit))
	first := e.returnedWithPhotos(t, c, id)
	b := newBrowser(t, e)
	b.login(reporterOf(unit))
	b.open("/indicators/" + strconv.FormatInt(id, 10) + "/report?period=2021-Q3")
	b.waitFor(`document.querySelectorAll("#carried-photos img").length === 2 &&
		[...document.querySelectorAll("#carried-photos img")].every(i => i.complete && i.naturalWidth > 0)`)
	b.screenshot("report-correction")
	b.do(chromedp.Click(chromedp.CSS(`input[name="remove_photo"][value="`+first.Attachments[1].ID+`"]`)),
		chromedp.SetValue(chromedp.CSS("#value"), "5"))
	b.clickAndWait(`button[value="submit"]`, `location.search.includes("saved=submitted")`)
	v := e.latestVersion(t, id)
	if got := attachmentIDs(v); v.Version != first.Version+1 || len(got) != 1 || got[0] != first.Attachments[0].ID {
		t.Errorf("correction v%d has attachments %v, want [%s]", v.Version, got, first.Attachments[0].ID)
	}
}
