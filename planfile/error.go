package planfile

import (
	"errors"
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/duban-dev/duban"
)

// Error is what Decode returns for a bad file. It wraps an EINVALID
// *duban.Error (reachable with errors.As, so duban.ErrorCode and
// duban.ErrorFields work) whose Fields carry file lines, and prints one
// problem per line as "name:line: record field: message".
type Error struct {
	Name string
	Err  *duban.Error
}

func (e *Error) Unwrap() error { return e.Err }

func (e *Error) Error() string {
	lines := make([]string, len(e.Err.Fields))
	for i, f := range e.Err.Fields {
		lines[i] = e.problem(f)
	}
	return strings.Join(lines, "\n")
}

func (e *Error) problem(f duban.FieldError) string {
	var b strings.Builder
	b.WriteString(e.Name)
	if f.Line > 0 {
		fmt.Fprintf(&b, ":%d", f.Line)
	}
	b.WriteString(": ")
	if f.Entity != "" {
		fmt.Fprintf(&b, "%s %q ", f.Entity, f.Key)
	}
	fmt.Fprintf(&b, "%s: %s", f.Field, f.Message)
	return b.String()
}

func (d *decoder) add(fe duban.FieldError) { d.errs = append(d.errs, fe) }

func (d *decoder) fail(r *record, key string, line int, msg string) {
	d.add(r.fieldError(r.prefix+key, line, msg))
}

// validationFields renames the fields whose name in the file differs from
// the one the domain reports.
var validationFields = map[[2]string]string{
	{"plan", "code"}:         "id",
	{"plan", "period_start"}: "start",
	{"plan", "period_end"}:   "end",
}

// addValidation locates the bundle's validation errors in the file. A field
// the decoder already reported (say a bad date, now zero) is not reported
// again.
func (d *decoder) addValidation(err error) {
	var de *duban.Error
	if !errors.As(err, &de) {
		d.add(duban.FieldError{Field: "plan", Message: err.Error()})
		return
	}
	reported := map[[3]string]bool{}
	for _, fe := range d.errs {
		reported[[3]string{fe.Entity, fe.Key, fe.Field}] = true
	}
	dups := map[[2]string]int{}
	for _, fe := range de.Fields {
		if f, ok := validationFields[[2]string{fe.Entity, fe.Field}]; ok {
			fe.Field = f
		}
		if reported[[3]string{fe.Entity, fe.Key, fe.Field}] {
			continue
		}
		nth := 0
		if fe.Field == "id" && strings.Contains(fe.Message, "duplicate id") {
			k := [2]string{fe.Entity, fe.Key}
			dups[k]++
			nth = dups[k]
		}
		fe.Line = d.index.line(fe.Entity, fe.Key, fe.Field, nth)
		d.add(fe)
	}
}

func (d *decoder) result() error {
	if len(d.errs) == 0 {
		return nil
	}
	sort.SliceStable(d.errs, func(i, j int) bool { return d.errs[i].Line < d.errs[j].Line })
	msg := fmt.Sprintf("计划文件 %s 有误 (invalid plan file)", d.name)
	return &Error{Name: d.name, Err: duban.Invalid(msg, d.errs...)}
}

var yamlLine = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// syntaxError turns a YAML parser error into a field error with its line.
func syntaxError(err error) duban.FieldError {
	fe := duban.FieldError{Field: "yaml", Message: "YAML 语法错误 (syntax error): " + err.Error()}
	if m := yamlLine.FindStringSubmatch(err.Error()); m != nil {
		fe.Line, _ = strconv.Atoi(m[1])
		fe.Message = "YAML 语法错误 (syntax error): " + m[2]
	}
	return fe
}
