package extract

import (
	"fmt"
	"io"
	"os"
	"strings"
	"unicode/utf8"

	"github.com/duban-dev/duban"
)

// Formats lists the output formats Write accepts; the first is the default.
var Formats = []string{"json", "yaml", "text"}

// Write renders r in the named format ("" means json).
func Write(w io.Writer, r *Result, format string) error {
	switch format {
	case "", "json":
		return WriteJSON(w, r)
	case "yaml":
		return WriteYAML(w, r)
	case "text":
		return WriteText(w, r)
	}
	return duban.Invalid("参数有误 (invalid arguments)", duban.FieldError{
		Field:   "format",
		Message: fmt.Sprintf("未知格式 %q，可选 %s (unknown format)", format, strings.Join(Formats, "、")),
	})
}

// ReadText reads a plan's text from the file at path, or from stdin when
// path is "-". The text must be UTF-8.
func ReadText(path string, stdin io.Reader) (string, error) {
	var b []byte
	var err error
	if path == "-" {
		b, err = io.ReadAll(stdin)
	} else {
		b, err = os.ReadFile(path)
	}
	if err != nil {
		return "", duban.Invalid("无法读取文件 (cannot read the file)", duban.FieldError{Field: "file", Message: err.Error()})
	}
	if !utf8.Valid(b) {
		return "", duban.Invalid("文件不是 UTF-8 文本 (the file is not UTF-8 text)", duban.FieldError{
			Field: "file", Message: "请先转换为 UTF-8 (convert it to UTF-8 first, e.g. iconv -f GBK -t UTF-8)",
		})
	}
	return string(b), nil
}

// Draft extracts text as a plan of the given year and returns the draft
// bundle that `duban plan import --from-text` stores for review, with the
// extraction result it came from. An empty code becomes "draft-YEAR".
func Draft(text string, year int, code string) (*duban.Bundle, *Result, error) {
	if year < 1949 || year > 2200 {
		return nil, nil, duban.Invalid("参数有误 (invalid arguments)", duban.FieldError{
			Field: "year", Message: "须给出计划年度，如 --year 2021 (the plan year is required, e.g. --year 2021)",
		})
	}
	if code == "" {
		code = fmt.Sprintf("draft-%d", year)
	}
	r := Extract(text, Options{Year: year})
	b := r.Bundle(code)
	if err := b.Validate(); err != nil {
		return nil, r, err
	}
	return b, r, nil
}
