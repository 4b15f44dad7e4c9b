package main

import (
	"bytes"
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/duban-dev/duban/xlsx"
)

// TestXLSXCommands runs export → dry-run import → template → upload the
// way a user types them.
func TestXLSXCommands(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	dbPath := filepath.Join(dir, "demo.db")
	db, _, err := seedDemo(ctx, demoOptions{db: dbPath, password: "x", asOf: mustDate("2021-07-15"), seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	db.Close()
	book, tmpl := filepath.Join(dir, "plan.xlsx"), filepath.Join(dir, "zjj.xlsx")
	steps := []struct {
		args []string
		want string
	}{
		{[]string{"plan", "export", "--db", dbPath, "--format", "xlsx", "--out", book, "--as-of", "2021-07-15"}, "已导出"},
		{[]string{"plan", "import", "--db", dbPath, "--dry-run", book}, "新增 0 项 (added), 修改 0 项 (changed), 未变 334 项"}, // 89 nodes of the plan + 245 generated projects,
		{[]string{"report", "template", "--db", dbPath, "--unit", "zjj", "--period", "2021-07", "--out", tmpl}, "已生成填报表"},
	}
	for _, s := range steps {
		var out, errOut bytes.Buffer
		if err := run(ctx, s.args, &out, &errOut); err != nil || !strings.Contains(out.String(), s.want) {
			t.Fatalf("%v: %v\n%s%s", s.args, err, out.String(), errOut.String())
		}
	}
	f, err := excelize.OpenFile(tmpl)
	if err != nil {
		t.Fatal(err)
	}
	rows, _ := f.GetRows(xlsx.SheetTemplate)
	if len(rows) < 2 {
		t.Fatalf("the zjj template for 2021-07 is empty")
	}
	if err := f.SetCellValue(xlsx.SheetTemplate, "I2", -1); err != nil {
		t.Fatal(err)
	}
	if err := f.SaveAs(tmpl); err != nil {
		t.Fatal(err)
	}
	f.Close()
	var out, errOut bytes.Buffer
	err = run(ctx, []string{"report", "upload", "--db", dbPath, "--user", "zjj", tmpl}, &out, &errOut)
	if exitCode(err) != 2 || !strings.HasPrefix(errOut.String(), "第2行 本期值: ") {
		t.Fatalf("upload of a negative count: %v, exit %d\n%s", err, exitCode(err), errOut.String())
	}
	f, _ = excelize.OpenFile(tmpl)
	_ = f.SetCellValue(xlsx.SheetTemplate, "I2", 0) // valid for a count and for milestones
	_ = f.SaveAs(tmpl)
	f.Close()
	out.Reset()
	if err := run(ctx, []string{"report", "upload", "--db", dbPath, "--user", "zjj", tmpl}, &out, &errOut); err != nil {
		t.Fatalf("upload: %v\n%s", err, errOut.String())
	}
	if want := fmt.Sprintf("已报送 (submitted) %d 条", 1); !strings.Contains(out.String(), want) {
		t.Errorf("upload said %q, want %q", out.String(), want)
	}
}
