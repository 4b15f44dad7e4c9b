package web_test

import (
	"bytes"
	"image"
	"image/png"
	"io"
	"mime/multipart"
	"net/http/httptest"
	"strings"
	"testing"
)

// upload is a multipart body with one file in field "file".
type upload struct {
	name string
	data []byte
}

func (u upload) multipart(t testing.TB) (io.Reader, string) {
	var b bytes.Buffer
	mw := multipart.NewWriter(&b)
	mw.WriteField("note", "ignored")
	w, err := mw.CreateFormFile("file", u.name)
	if err != nil {
		t.Fatal(err)
	}
	w.Write(u.data)
	mw.Close()
	return &b, mw.FormDataContentType()
}

func pngBytes(t testing.TB) []byte {
	var b bytes.Buffer
	if err := png.Encode(&b, image.NewGray(image.Rect(0, 0, 8, 8))); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestUploadAttachDownload(t *testing.T) {
	e := newEnv(t)
	data := pngBytes(t)
	up := e.do("POST", "/api/v1/files", "zjj", upload{"现场 照片.png", data})
	if up.status != 201 || up.body["content_type"] != "image/png" || up.body["name"] != "现场 照片.png" {
		t.Fatalf("upload: %d %s", up.status, up.raw)
	}
	id := up.body["id"].(string)
	own := e.indicatorOf("zjj")
	rep := e.do("POST", "/api/v1/indicators/"+itoa(own)+"/reports", "zjj",
		map[string]any{"period": "2021-06", "value": 3, "attachments": []string{id}})
	if rep.status != 201 || !strings.Contains(rep.raw, `"attachments":[{"id":"`+id+`","name":"现场 照片.png","content_type":"image/png","size":`) {
		t.Fatalf("submit with the file: %d %s", rep.status, rep.raw)
	}
	got := e.do("GET", "/api/v1/reports/"+itoa(int64(rep.body["id"].(float64))), "duchashi", nil)
	if !strings.Contains(got.raw, id) {
		t.Fatalf("report JSON lacks its attachment: %s", got.raw)
	}
	req := httptest.NewRequest("GET", "/api/v1/files/"+id, nil)
	req.Header.Set("Authorization", "Bearer "+e.token("lingdao"))
	rec := httptest.NewRecorder()
	e.srv.ServeHTTP(rec, req)
	h := rec.Header()
	if rec.Code != 200 || !bytes.Equal(rec.Body.Bytes(), data) {
		t.Fatalf("download: %d, %d bytes (want %d)", rec.Code, rec.Body.Len(), len(data))
	}
	for k, want := range map[string]string{"Content-Type": "image/png", "X-Content-Type-Options": "nosniff",
		"ETag": `"` + id + `"`, "Content-Disposition": "inline; filename*=utf-8''%E7%8E%B0%E5%9C%BA%20%E7%85%A7%E7%89%87.png"} {
		if h.Get(k) != want {
			t.Errorf("%s = %q, want %q", k, h.Get(k), want)
		}
	}
	req.Header.Set("If-None-Match", `"`+id+`"`)
	rec = httptest.NewRecorder()
	e.srv.ServeHTTP(rec, req)
	if rec.Code != 304 {
		t.Errorf("If-None-Match with the id: %d, want 304", rec.Code)
	}
	if res := e.do("GET", "/api/v1/files/"+id, "", nil); res.status != 401 {
		t.Errorf("public download: %d, want 401", res.status)
	}
}

func TestUploadRefusals(t *testing.T) {
	e := newEnv(t)
	big := append(pngBytes(t), make([]byte, maxUpload)...)
	for _, tc := range []struct {
		name   string
		body   any
		status int
		code   string
	}{
		{"html as png", upload{"a.png", []byte("<html><script>alert(1)</script>")}, 400, `"field":"file"`},
		{"exe", upload{"setup.exe", []byte("MZ\x90\x00\x03\x00\x00\x00\x04\x00")}, 400, `"field":"file"`},
		{"too large", upload{"big.png", big}, 413, "too_large"},
		{"not multipart", map[string]any{"file": "x"}, 400, `"field":"file"`},
		{"no file field", upload{"", nil}, 400, `"field":"file"`},
	} {
		res := e.do("POST", "/api/v1/files", "zjj", tc.body)
		if res.status != tc.status || !strings.Contains(res.raw, tc.code) {
			t.Errorf("%s: %d %.200s, want %d with %s", tc.name, res.status, res.raw, tc.status, tc.code)
		}
	}
	if res := e.do("GET", "/api/v1/files/"+strings.Repeat("ab", 32), "zjj", nil); res.status != 404 {
		t.Errorf("unknown file: %d", res.status)
	}
}

func TestBatchWithUnknownFileWritesNothing(t *testing.T) {
	e := newEnv(t)
	own := e.indicatorOf("zjj")
	id := e.do("POST", "/api/v1/files", "zjj", upload{"a.png", pngBytes(t)}).body["id"].(string)
	before := e.reportCount(own)
	res := e.do("POST", "/api/v1/reports/batch", "zjj", map[string]any{"reports": []map[string]any{
		{"indicator_id": own, "period": "2021-05", "value": 1, "attachments": []string{id}},
		{"indicator_id": own, "period": "2021-06", "value": 2, "attachments": []string{strings.Repeat("0", 64)}},
	}})
	if res.status != 400 || !strings.Contains(res.raw, `"field":"attachments[0]","message"`) || !strings.Contains(res.raw, `"row":2`) {
		t.Fatalf("batch with an unknown file: %d %s", res.status, res.raw)
	}
	if e.reportCount(own) != before {
		t.Fatal("a batch with an unknown file wrote reports")
	}
}
