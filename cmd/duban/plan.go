package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"

	"github.com/duban-dev/duban"
	"github.com/duban-dev/duban/planfile"
	"github.com/duban-dev/duban/store"
)

func runPlan(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		return fmt.Errorf("用法 (usage): duban plan import|export ...")
	}
	switch args[0] {
	case "import":
		if isXLSXImport(args[1:]) {
			return runPlanImportXLSX(ctx, args[1:], stdout, stderr)
		}
		return runPlanImport(ctx, args[1:], stdout, stderr)
	case "export":
		if isXLSXExport(args[1:]) {
			return runPlanExportXLSX(ctx, args[1:], stdout, stderr)
		}
		return runPlanExport(ctx, args[1:], stdout, stderr)
	}
	return fmt.Errorf("未知子命令 plan %s (unknown subcommand)", args[0])
}

func runPlanImport(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs, dsn := newFlags("plan import", stderr)
	fromText := fs.String("from-text", "", "从计划原文提取草稿计划 (extract a draft plan from Chinese text)")
	year := fs.Int("year", 0, "与 --from-text 同用：计划年度，缺省时从原文读出 (plan year, with --from-text; read from the text when omitted)")
	code := fs.String("code", "", "与 --from-text 同用：草稿计划代码 (draft plan code)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	var b *duban.Bundle
	var err error
	switch {
	case *fromText != "" && fs.NArg() == 0:
		if err := checkYearFlag(fs, *year); err != nil {
			return err
		}
		b, err = importFromText(*fromText, *year, *code)
	case *fromText == "" && fs.NArg() == 1:
		b, err = readPlanFile(ctx, fs.Arg(0))
	default:
		return fmt.Errorf("用法 (usage): duban plan import [--db DSN] FILE | --from-text FILE [--year YYYY]")
	}
	if err != nil {
		return err
	}
	db, err := store.Open(ctx, *dsn)
	if err != nil {
		return err
	}
	defer db.Close()
	id, err := db.ImportBundle(ctx, b, "cli")
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "已导入计划 (imported) %s「%s」: id %d, %d 个事项, %d 项指标\n",
		b.Plan.Code, b.Plan.Title, id, len(b.Nodes), len(b.Indicators))
	return nil
}

func readPlanFile(ctx context.Context, path string) (*duban.Bundle, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return planfile.DecodeContext(ctx, filepath.Base(path), bytes.NewReader(data))
}

func runPlanExport(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs, dsn := newFlags("plan export", stderr)
	ref := fs.String("plan", "", "计划编号或代码，只有一个计划时可省略 (plan id or code)")
	format := fs.String("format", "yaml", "导出格式 (format): yaml")
	out := fs.String("out", "", "输出文件，缺省为标准输出 (output file; default stdout)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *format != "yaml" {
		return duban.Invalid("导出格式不支持 (unsupported format)", duban.FieldError{Field: "format", Message: "目前只支持 yaml (only yaml)"})
	}
	db, err := openExisting(ctx, *dsn)
	if err != nil {
		return err
	}
	defer db.Close()
	id, err := resolvePlan(ctx, db, *ref)
	if err != nil {
		return err
	}
	b, err := db.ExportBundle(ctx, id)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := planfile.Encode(&buf, b); err != nil {
		return err
	}
	if *out == "" {
		_, err = stdout.Write(buf.Bytes())
		return err
	}
	return os.WriteFile(*out, buf.Bytes(), 0o644)
}

// resolvePlan finds a plan by numeric id or code; an empty ref means the only
// plan in the database.
func resolvePlan(ctx context.Context, plans duban.PlanService, ref string) (int64, error) {
	if id, err := strconv.ParseInt(ref, 10, 64); err == nil {
		return id, nil
	}
	list, _, err := plans.ListPlans(ctx, duban.PlanFilter{Page: duban.Page{PerPage: duban.MaxPerPage}.Normalize()})
	if err != nil {
		return 0, err
	}
	if ref == "" {
		if len(list) == 1 {
			return list[0].ID, nil
		}
		return 0, duban.Invalid("请指定计划 (which plan?)", duban.FieldError{Field: "plan", Message: fmt.Sprintf("数据库中有 %d 个计划，请用 --plan 指定 (database holds %d plans)", len(list), len(list))})
	}
	for _, p := range list {
		if p.Code == ref {
			return p.ID, nil
		}
	}
	return 0, duban.Errorf(duban.ENOTFOUND, "计划 %q 不存在 (plan not found)", ref)
}
