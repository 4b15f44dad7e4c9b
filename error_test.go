package duban

import (
	"strings"
	"testing"
)

func TestErrorTextNamesTheFirstFieldsAndCountsTheRest(t *testing.T) {
	cases := []struct {
		fields    int
		wantParts int
		wantMore  string
	}{
		{0, 0, ""},
		{3, 3, ""},
		{maxFieldsInText, maxFieldsInText, ""},
		{10000, maxFieldsInText + 1, "另有 9980 处 (and 9980 more)"},
	}
	for _, c := range cases {
		e := &Error{Code: EINVALID, Message: "填报内容有误"}
		for i := range c.fields {
			e.Fields = append(e.Fields, FieldError{Row: i + 1, Field: "value", Message: "不能为负数"})
		}
		text := e.Error()
		parts := 0
		if c.fields > 0 {
			parts = len(strings.Split(strings.TrimPrefix(text, e.Message+": "), "; "))
		}
		if parts != c.wantParts || c.wantMore != "" && !strings.HasSuffix(text, c.wantMore) {
			t.Errorf("%d fields: %d parts in %q", c.fields, parts, text[:min(len(text), 120)])
		}
		if c.fields > 0 && !strings.Contains(text, "row 1: value: 不能为负数") {
			t.Errorf("%d fields: the first row is not named: %q", c.fields, text[:min(len(text), 120)])
		}
	}
}
