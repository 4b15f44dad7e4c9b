package main

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/duban-dev/duban"
	"golang.org/x/text/encoding/simplifiedchinese"
)

// seedPlan is the copy of the seed vendored for the extract package tests.
const seedPlan = "../../extract/testdata/seed-erqi-2021-plan.txt"

func TestExtractCommandFindsTheSeedTargets(t *testing.T) {
	out := mustRun(t, "extract", "--year", "2021", "--format", "json", seedPlan)
	var r struct {
		Plan struct {
			Year  int `json:"year"`
			Areas []struct {
				Title string `json:"title"`
			} `json:"areas"`
		} `json:"plan"`
		Targets []struct {
			Value    float64 `json:"value"`
			Unit     string  `json:"unit"`
			Deadline *string `json:"deadline"`
		} `json:"targets"`
	}
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatal(err)
	}
	if r.Plan.Year != 2021 || len(r.Plan.Areas) < 6 || len(r.Targets) != 17 {
		t.Fatalf("year %d, %d areas, %d targets", r.Plan.Year, len(r.Plan.Areas), len(r.Targets))
	}
	var roads bool
	for _, tg := range r.Targets {
		roads = roads || (tg.Value == 14 && tg.Unit == "条" && tg.Deadline != nil && *tg.Deadline == "2021-12-31")
	}
	if !roads {
		t.Error("the 14 dead-end roads are missing")
	}
}

func TestImportFromTextMakesADraftPlan(t *testing.T) {
	db := filepath.Join(t.TempDir(), "x.db")
	out := mustRun(t, "plan", "import", "--db", db, "--from-text", seedPlan, "--year", "2021", "--code", "erqi-draft")
	if !strings.Contains(out, "erqi-draft") || !strings.Contains(out, "17 项指标") {
		t.Fatalf("import said: %s", out)
	}
	yaml := mustRun(t, "plan", "export", "--db", db, "--plan", "erqi-draft")
	if !strings.Contains(yaml, "target: 248") || !strings.Contains(yaml, "2022-06-30") {
		t.Fatalf("the draft lacks the 248 estates or the 2022-06-30 avenues:\n%.500s", yaml)
	}
}

// Without --year the seed's year is read from its title, and the same 17
// targets come out; the text format says where the year came from.
func TestExtractCommandReadsTheYear(t *testing.T) {
	out := mustRun(t, "extract", seedPlan)
	var r struct {
		Plan struct {
			Year     int    `json:"year"`
			YearFrom string `json:"year_from"`
		} `json:"plan"`
		Targets []json.RawMessage `json:"targets"`
	}
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatal(err)
	}
	if r.Plan.Year != 2021 || r.Plan.YearFrom != "title" || len(r.Targets) != 17 {
		t.Fatalf("year %d from %q, %d targets", r.Plan.Year, r.Plan.YearFrom, len(r.Targets))
	}
	text := mustRun(t, "extract", "--format", "text", seedPlan)
	if !strings.Contains(text, "年度 (year)：2021，读自标题 (from the title)：「2021年,在6个方面努力突破争先出彩」") {
		t.Errorf("text output lacks the year line:\n%.300s", text)
	}
	text = mustRun(t, "extract", "--format", "text", "--year", "2022", seedPlan)
	if !strings.Contains(text, "年度 (year)：2022，由参数指定 (given)") {
		t.Errorf("--year 2022: text output lacks the year line:\n%.300s", text)
	}
}

func TestExtractCommandRefusesABadYear(t *testing.T) {
	for _, y := range []string{"0", "1800", "2101"} {
		var stdout, stderr bytes.Buffer
		err := run(context.Background(), []string{"extract", "--year", y, seedPlan}, &stdout, &stderr)
		if duban.ErrorCode(err) != duban.EINVALID || duban.ErrorFields(err)[0].Field != "year" || stdout.Len() > 0 {
			t.Errorf("--year %s: got %v", y, err)
		}
	}
}

// GBK text and a .docx are read directly; a PDF is refused with advice
// that fits it, naming the file.
func TestExtractCommandReadsWordAndGBK(t *testing.T) {
	dir := t.TempDir()
	gbk, err := simplifiedchinese.GBK.NewEncoder().Bytes([]byte("2021年工作要点\n\n年底前新建公办幼儿园12所。\n"))
	if err != nil {
		t.Fatal(err)
	}
	files := map[string][]byte{"plan-gbk.txt": gbk, "plan.docx": minimalDocx(t), "plan.pdf": []byte("%PDF-1.4")}
	for name, b := range files {
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, name := range []string{"plan-gbk.txt", "plan.docx"} {
		out := mustRun(t, "extract", "--format", "text", filepath.Join(dir, name))
		if !strings.Contains(out, "新建公办幼儿园 = 12所，期限 2021-") || name == "plan.docx" && !strings.Contains(out, "期限 2021-11-30") {
			t.Errorf("%s:\n%s", name, out)
		}
	}
	var stdout, stderr bytes.Buffer
	err = run(context.Background(), []string{"extract", filepath.Join(dir, "plan.pdf")}, &stdout, &stderr)
	if msg := fmt.Sprint(duban.ErrorFields(err)); !strings.Contains(msg, "plan.pdf") || !strings.Contains(msg, "pdftotext") {
		t.Errorf("pdf: got %v %s", err, msg)
	}
}

// minimalDocx is a Word document holding a task table: 工作任务 | 完成时限.
func minimalDocx(t *testing.T) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, err := zw.Create("word/document.xml")
	if err != nil {
		t.Fatal(err)
	}
	row := func(cells ...string) string {
		s := "<w:tr>"
		for _, c := range cells {
			s += "<w:tc><w:p><w:r><w:t>" + c + "</w:t></w:r></w:p></w:tc>"
		}
		return s + "</w:tr>"
	}
	w.Write([]byte(`<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>` +
		`<w:p><w:r><w:t>2021年重点工作任务分解表</w:t></w:r></w:p><w:tbl>` +
		row("序号", "工作任务", "完成时限", "牵头单位") + row("1", "新建公办幼儿园12所", "11月底前", "区教育局") +
		`</w:tbl></w:body></w:document>`))
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// plan import --from-text takes the year from the text when --year is not
// given.
func TestImportFromTextReadsTheYear(t *testing.T) {
	db := filepath.Join(t.TempDir(), "x.db")
	out := mustRun(t, "plan", "import", "--db", db, "--from-text", seedPlan)
	if !strings.Contains(out, "draft-2021") || !strings.Contains(out, "17 项指标") {
		t.Fatalf("import said: %s", out)
	}
}
