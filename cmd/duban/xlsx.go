package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/duban-dev/duban"
	"github.com/duban-dev/duban/store"
	"github.com/duban-dev/duban/tracker"
	"github.com/duban-dev/duban/xlsx"
)

// isXLSXExport reports whether plan export args ask for --format xlsx.
func isXLSXExport(args []string) bool {
	for i, a := range args {
		a = strings.TrimLeft(a, "-")
		if a == "format=xlsx" || (a == "format" && i+1 < len(args) && args[i+1] == "xlsx") {
			return true
		}
	}
	return false
}

// isXLSXImport reports whether plan import args name a workbook.
func isXLSXImport(args []string) bool {
	for _, a := range args {
		if !strings.HasPrefix(a, "-") && strings.EqualFold(filepath.Ext(a), ".xlsx") {
			return true
		}
	}
	return false
}

func openXLSX(ctx context.Context, dsn string, open func(context.Context, string) (*store.DB, error)) (*store.DB, xlsx.Services, error) {
	db, err := open(ctx, dsn)
	if err != nil {
		return nil, xlsx.Services{}, err
	}
	return db, xlsx.Services{Plans: db, Reports: db, Tracker: tracker.NewService(db)}, nil
}

func runPlanExportXLSX(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs, dsn := newFlags("plan export", stderr)
	ref := fs.String("plan", "", "计划编号或代码，只有一个计划时可省略 (plan id or code)")
	fs.String("format", "xlsx", "导出格式 (format): xlsx")
	out := fs.String("out", "", "输出文件 (output .xlsx file)")
	asOfFlag := fs.String("as-of", "", "状态截至日期 YYYY-MM-DD，缺省为今天，计划年度已结束则为其最后一天 (status as of; default today, or the plan's end once it is over)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *out == "" {
		return duban.Invalid("缺少参数 (missing flag)", duban.FieldError{Field: "out", Message: "请用 --out 指定 .xlsx 文件 (name the .xlsx file)"})
	}
	asOf, err := dateFlag("as-of", *asOfFlag)
	if err != nil {
		return err
	}
	db, svc, err := openXLSX(ctx, *dsn, openExisting)
	if err != nil {
		return err
	}
	defer db.Close()
	id, err := resolvePlan(ctx, db, *ref)
	if err != nil {
		return err
	}
	if *asOfFlag == "" {
		p, err := db.FindPlan(ctx, id)
		if err != nil {
			return err
		}
		asOf = planAsOf(p, asOf)
	}
	var buf bytes.Buffer
	if err := svc.ExportPlan(ctx, &buf, id, asOf); err != nil {
		return err
	}
	if err := os.WriteFile(*out, buf.Bytes(), 0o644); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "已导出 (exported) %s，状态截至 %s\n", *out, asOf)
	return nil
}

// dateFlag parses a YYYY-MM-DD flag; empty means today.
func dateFlag(name, s string) (duban.Date, error) {
	if s == "" {
		return duban.DateOf(time.Now()), nil
	}
	d, err := duban.ParseDate(s)
	if err != nil {
		return d, duban.Invalid("参数有误 (bad flag)", duban.FieldError{Field: name, Message: "不是有效日期，应为 YYYY-MM-DD (not a valid date)"})
	}
	return d, nil
}

func runPlanImportXLSX(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs, dsn := newFlags("plan import", stderr)
	dry := fs.Bool("dry-run", false, "只列出将要做的修改，不写入 (print what would change; write nothing)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	data, err := readOneFile(fs, "用法 (usage): duban plan import [--dry-run] FILE.xlsx")
	if err != nil {
		return err
	}
	db, svc, err := openXLSX(ctx, *dsn, store.Open)
	if err != nil {
		return err
	}
	defer db.Close()
	res, err := svc.ImportPlan(ctx, bytes.NewReader(data), *dry, "cli")
	if err != nil {
		return printSheetErrors(stderr, err)
	}
	printChanges(stdout, res)
	return nil
}

func printChanges(w io.Writer, res *xlsx.ImportResult) {
	verb := "已导入 (imported)"
	if res.DryRun {
		verb = "试导入，未写入 (dry run, nothing written)"
	}
	fmt.Fprintf(w, "%s 计划 %s: 新增 %d 项 (added), 修改 %d 项 (changed), 未变 %d 项 (unchanged)\n",
		verb, res.PlanCode, len(res.Added), len(res.Changed), res.Unchanged)
	for _, code := range res.Added {
		fmt.Fprintf(w, "  + %s\n", code)
	}
	for _, c := range res.Changed {
		fmt.Fprintf(w, "  ~ %s %s: %s\n", c.Code, c.Title, strings.Join(c.Fields, "、"))
	}
}

// printSheetErrors lists every row error of err, one a line, and returns
// err for the exit code.
func printSheetErrors(w io.Writer, err error) error {
	for _, line := range xlsx.Lines(err) {
		fmt.Fprintln(w, line)
	}
	if len(duban.ErrorFields(err)) == 0 {
		return err
	}
	return &duban.Error{Code: duban.ErrorCode(err), Message: duban.ErrorMessage(err)}
}

func runReport(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) > 0 {
		switch args[0] {
		case "template":
			return runReportTemplate(ctx, args[1:], stdout, stderr)
		case "upload":
			return runReportUpload(ctx, args[1:], stdout, stderr)
		}
	}
	return fmt.Errorf("用法 (usage): duban report template|upload ...")
}

func runReportTemplate(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs, dsn := newFlags("report template", stderr)
	unit := fs.String("unit", "", "单位编号 (unit code)")
	period := fs.String("period", "", "报送月份 YYYY-MM (month)")
	out := fs.String("out", "", "输出文件 (output .xlsx file)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *unit == "" || *period == "" || *out == "" {
		return fmt.Errorf("用法 (usage): duban report template --unit UNIT --period YYYY-MM --out F.xlsx")
	}
	db, svc, err := openXLSX(ctx, *dsn, openExisting)
	if err != nil {
		return err
	}
	defer db.Close()
	var buf bytes.Buffer
	if err := svc.ReportTemplate(ctx, &buf, *unit, *period); err != nil {
		return err
	}
	if err := os.WriteFile(*out, buf.Bytes(), 0o644); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "已生成填报表 (template written) %s\n", *out)
	return nil
}

func runReportUpload(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs, dsn := newFlags("report upload", stderr)
	username := fs.String("user", "admin", "以该用户身份报送 (submit as this user)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	data, err := readOneFile(fs, "用法 (usage): duban report upload [--user U] FILE.xlsx")
	if err != nil {
		return err
	}
	db, svc, err := openXLSX(ctx, *dsn, openExisting)
	if err != nil {
		return err
	}
	defer db.Close()
	user, err := db.FindUserByUsername(ctx, *username)
	if err != nil {
		return err
	}
	res, err := svc.UploadReportsOnce(ctx, data, "", user, duban.DateOf(time.Now()))
	if err != nil {
		return printSheetErrors(stderr, err)
	}
	if res.Replayed {
		fmt.Fprintln(stdout, res.ReplayNotice())
		return nil
	}
	fmt.Fprintf(stdout, "已报送 (submitted) %d 条，待督查室审核 (awaiting review)\n", len(res.Reports))
	return nil
}

// readOneFile reads the command's one file argument, or says the usage.
func readOneFile(fs *flag.FlagSet, usage string) ([]byte, error) {
	if fs.NArg() != 1 {
		return nil, errors.New(usage)
	}
	return os.ReadFile(fs.Arg(0))
}
