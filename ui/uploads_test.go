package ui_test

import (
	"net/http"
	"strings"
	"testing"
)

// TestUploadTwiceWritesOnce: the same workbook uploaded again from the
// workspace writes nothing and the workspace says so.
func TestUploadTwiceWritesOnce(t *testing.T) {
	e := newEnv(t)
	rep := e.client()
	rep.login(reporterOf(e.monthlyUnit(t)))
	f := rep.book("/workspace/template.xlsx")
	fill(t, f, 1)
	book := save(t, f)
	first := rep.upload("/workspace", "/workspace/upload", book)
	written := e.reportCount(t)
	again := rep.upload("/workspace", "/workspace/upload", book)
	loc := again.header.Get("Location")
	if first.status != http.StatusSeeOther || again.status != http.StatusSeeOther || !strings.Contains(loc, "replayed=1") {
		t.Fatalf("uploads: %d, %d %q", first.status, again.status, loc)
	}
	if n := e.reportCount(t); n != written {
		t.Errorf("the repeat wrote %d reports", n-written)
	}
	if body := rep.get(loc).body; !strings.Contains(body, "本次未重复写入") {
		t.Errorf("the workspace does not say the repeat wrote nothing")
	}
}
