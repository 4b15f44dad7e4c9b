package extract

import (
	"fmt"
	"io"
	"os"
	"strings"

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
// path is "-": UTF-8, UTF-16, GBK/GB18030 or .docx (see Decode).
func ReadText(path string, stdin io.Reader) (string, error) {
	var b []byte
	var err error
	name := path
	if path == "-" {
		name = "标准输入 (stdin)"
		b, err = io.ReadAll(stdin)
	} else {
		b, err = os.ReadFile(path)
	}
	if err != nil {
		return "", inputError(name, err.Error())
	}
	return Decode(name, b)
}

// Draft extracts text as a plan and returns the draft bundle that `duban
// plan import --from-text` stores for review, with the extraction result it
// came from. Year 0 means the year the text states; an empty code becomes
// "draft-YEAR".
func Draft(text string, year int, code string) (*duban.Bundle, *Result, error) {
	if year != 0 {
		if err := CheckYear("year", year); err != nil {
			return nil, nil, err
		}
	}
	r := Extract(text, Options{Year: year})
	if r.Plan.Year == 0 {
		return nil, r, duban.Invalid("参数有误 (invalid arguments)", duban.FieldError{
			Field: "year", Message: "原文未写明计划年度，请指定，如 --year 2021 (the text states no plan year: give it, e.g. --year 2021)",
		})
	}
	if err := CheckYear("year", r.Plan.Year); err != nil {
		return nil, r, err
	}
	if code == "" {
		code = fmt.Sprintf("draft-%d", r.Plan.Year)
	}
	b := r.Bundle(code)
	if err := b.Validate(); err != nil {
		return nil, r, err
	}
	return b, r, nil
}
