package xlsx

import (
	"fmt"
	"sort"

	"github.com/duban-dev/duban"
)

// cellError is a FieldError naming a sheet row and the column's header.
func cellError(row int, header, format string, args ...any) duban.FieldError {
	return duban.FieldError{Row: row, Field: header, Message: fmt.Sprintf(format, args...)}
}

// Line reads a row error the way a spreadsheet user looks for it:
// "第12行 完成时限: 不是有效日期 (not a valid date)".
func Line(fe duban.FieldError) string {
	if fe.Row > 0 {
		return fmt.Sprintf("第%d行 %s: %s", fe.Row, fe.Field, fe.Message)
	}
	return fmt.Sprintf("%s: %s", fe.Field, fe.Message)
}

// Lines reads every field error of err with Line, in sheet order.
func Lines(err error) []string {
	fields := duban.ErrorFields(err)
	sort.SliceStable(fields, func(i, j int) bool { return fields[i].Row < fields[j].Row })
	out := make([]string, len(fields))
	for i, f := range fields {
		out[i] = Line(f)
	}
	return out
}

// sheetInvalid is the one error of a sheet with bad rows.
func sheetInvalid(sheet string, errs []duban.FieldError) error {
	sort.SliceStable(errs, func(i, j int) bool { return errs[i].Row < errs[j].Row })
	msg := fmt.Sprintf("「%s」表有 %d 处错误，未作任何修改 (%d errors in sheet %s; nothing was changed)",
		sheet, len(errs), len(errs), sheet)
	if len(errs) > 0 {
		msg += "；" + Line(errs[0])
	}
	return duban.Invalid(msg, errs...)
}
