package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/duban-dev/duban"
	"github.com/duban-dev/duban/extract"
)

func runExtract(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs, _ := newFlags("extract", stderr)
	year := fs.Int("year", time.Now().Year(), "计划年度，用于推算“年底前”等时限 (plan year)")
	format := fs.String("format", "json", "输出格式 (output format): json, yaml 或 text")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return fmt.Errorf("用法 (usage): duban extract [--year YYYY] [--format json|yaml|text] FILE|-")
	}
	text, err := readTextArg(fs.Arg(0))
	if err != nil {
		return err
	}
	r := extract.Extract(text, extract.Options{Year: *year})
	switch *format {
	case "json":
		return extract.WriteJSON(stdout, r)
	case "yaml":
		return extract.WriteYAML(stdout, r)
	case "text":
		return extract.WriteText(stdout, r)
	}
	return duban.Invalid("输出格式不支持 (unsupported format)", duban.FieldError{Field: "format", Message: "须为 json、yaml 或 text"})
}

// readTextArg reads a file, or standard input for "-".
func readTextArg(name string) (string, error) {
	var data []byte
	var err error
	if name == "-" {
		data, err = io.ReadAll(os.Stdin)
	} else {
		data, err = os.ReadFile(name)
	}
	return string(data), err
}

// importFromText extracts a draft plan from Chinese text for review.
func importFromText(path string, year int, code string) (*duban.Bundle, error) {
	text, err := readTextArg(path)
	if err != nil {
		return nil, err
	}
	if code == "" {
		code = fmt.Sprintf("draft-%d", year)
	}
	b := extract.Extract(text, extract.Options{Year: year}).Bundle(code)
	if err := b.Validate(); err != nil {
		return nil, err
	}
	return b, nil
}
