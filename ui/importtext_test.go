package ui_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// The import page reads an uploaded file as duban extract does: GBK text
// is decoded, the year is read from the text when the field is empty, and
// a file it cannot read is refused with its name and advice.
func TestImportTextUploadChecksTheFile(t *testing.T) {
	e := newEnv(t)
	c := e.client()
	c.login("admin")
	gbk, err := simplifiedchinese.GBK.NewEncoder().Bytes([]byte("2022年民生实事项目\n\n年底前新建公办幼儿园12所。"))
	if err != nil {
		t.Fatal(err)
	}
	res := c.postFile("/admin/import-text", "/admin/import-text", "file", "实事.txt", gbk, url.Values{"year": {""}})
	if res.status != http.StatusOK || !strings.Contains(res.body, "<mark>年底前新建公办幼儿园12所</mark>") ||
		!strings.Contains(res.body, "2022（读自标题「2022年民生实事项目」）") {
		t.Fatalf("GBK upload: %d\n%s", res.status, res.body)
	}
	res = c.postFile("/admin/import-text", "/admin/import-text", "file", "计划.pdf", []byte("%PDF-1.5 ..."), url.Values{"year": {"2021"}})
	if res.status != http.StatusBadRequest || !strings.Contains(res.body, "计划.pdf") || !strings.Contains(res.body, "pdftotext") {
		t.Errorf("PDF upload: %d, want 400 naming the file with advice", res.status)
	}
	res = c.post("/admin/import-text", "/admin/import-text", url.Values{"text": {"新建停车场5个。"}, "year": {""}})
	if res.status != http.StatusOK || !strings.Contains(res.body, "原文未写明，按当前年度") {
		t.Errorf("no year anywhere: %d, want the review saying this year is used", res.status)
	}
	res = c.post("/admin/import-text", "/admin/import-text", url.Values{"text": {"新建停车场5个。"}, "year": {"2200"}})
	if res.status != http.StatusBadRequest || !strings.Contains(res.body, "1949") {
		t.Errorf("year 2200: %d, want 400", res.status)
	}
}
