package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/duban-dev/duban"
	"github.com/duban-dev/duban/extract"
)

func runExtract(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs, _ := newFlags("extract", stderr)
	year := fs.Int("year", 0, "计划年度，用于推算“年底前”等时限；缺省时从标题、导语或成文日期读出 (plan year; read from the text when omitted)")
	format := fs.String("format", "json", "输出格式 (output format): json, yaml 或 text")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return fmt.Errorf("用法 (usage): duban extract [--year YYYY] [--format json|yaml|text] FILE|-")
	}
	if err := checkYearFlag(fs, *year); err != nil {
		return err
	}
	text, err := extract.ReadText(fs.Arg(0), os.Stdin)
	if err != nil {
		return err
	}
	return extract.Write(stdout, extract.Extract(text, extract.Options{Year: *year}), *format)
}

// checkYearFlag refuses a --year given outside the years a plan may have.
func checkYearFlag(fs *flag.FlagSet, year int) error {
	set := false
	fs.Visit(func(f *flag.Flag) { set = set || f.Name == "year" })
	if !set {
		return nil
	}
	return extract.CheckYear("year", year)
}

// importFromText extracts a draft plan from Chinese text for review; year
// 0 means the year the text states.
func importFromText(path string, year int, code string) (*duban.Bundle, error) {
	text, err := extract.ReadText(path, os.Stdin)
	if err != nil {
		return nil, err
	}
	b, _, err := extract.Draft(text, year, code)
	if err != nil {
		return nil, err
	}
	return b, b.Validate()
}
