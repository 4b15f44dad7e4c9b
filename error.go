// Package duban holds the domain of a plan-supervision system: plans, their
// node trees, indicators, responsible units, people, mechanisms, reports and
// the one error type every layer returns. It imports no storage or HTTP code.
package duban

import (
	"errors"
	"fmt"
	"strings"
)

// Error codes. One place (the web package) maps them to HTTP statuses.
const (
	EINVALID      = "invalid"
	ENOTFOUND     = "not_found"
	ECONFLICT     = "conflict"
	EUNAUTHORIZED = "unauthorized"
	EFORBIDDEN    = "forbidden"
	EINTERNAL     = "internal"
	ETOOLARGE     = "too_large"
	ETOOMANY      = "too_many_requests"
)

// Error is the application error. Message is safe to show to a user.
type Error struct {
	Code    string       `json:"code"`
	Message string       `json:"message"`
	Fields  []FieldError `json:"fields,omitempty"`
}

// FieldError names one bad field and why. Entity and Key locate the record in
// a document ("node", "A1-2"); Line and Row are set by file importers.
type FieldError struct {
	Field   string `json:"field"`
	Message string `json:"message"`
	Entity  string `json:"entity,omitempty"`
	Key     string `json:"key,omitempty"`
	Line    int    `json:"line,omitempty"`
	Row     int    `json:"row,omitempty"`
}

func (f FieldError) String() string {
	var b strings.Builder
	if f.Line > 0 {
		fmt.Fprintf(&b, "line %d: ", f.Line)
	}
	if f.Row > 0 {
		fmt.Fprintf(&b, "row %d: ", f.Row)
	}
	if f.Entity != "" {
		fmt.Fprintf(&b, "%s %q: ", f.Entity, f.Key)
	}
	fmt.Fprintf(&b, "%s: %s", f.Field, f.Message)
	return b.String()
}

func (e *Error) Error() string {
	if len(e.Fields) == 0 {
		return e.Message
	}
	shown := e.Fields[:min(len(e.Fields), maxFieldsInText)]
	parts := make([]string, len(shown), len(shown)+1)
	for i, f := range shown {
		parts[i] = f.String()
	}
	if more := len(e.Fields) - len(shown); more > 0 {
		parts = append(parts, fmt.Sprintf("另有 %d 处 (and %d more)", more, more))
	}
	return e.Message + ": " + strings.Join(parts, "; ")
}

// maxFieldsInText is how many field errors Error spells out: a batch of
// ten thousand bad rows keeps them all in Fields, but a log line or a
// command's message names the first few and counts the rest.
const maxFieldsInText = 20

// Errorf returns an *Error with the given code and formatted message.
func Errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// Invalid returns an EINVALID error carrying field errors.
func Invalid(message string, fields ...FieldError) *Error {
	return &Error{Code: EINVALID, Message: message, Fields: fields}
}

// ErrorCode returns the code of an application error, EINTERNAL otherwise.
func ErrorCode(err error) string {
	var e *Error
	if err == nil {
		return ""
	}
	if errors.As(err, &e) {
		return e.Code
	}
	return EINTERNAL
}

// ErrorMessage returns the user-facing message of an application error and a
// generic one for anything else, so internals never leak to users.
func ErrorMessage(err error) string {
	var e *Error
	if errors.As(err, &e) {
		return e.Message
	}
	return "内部错误 (internal error)"
}

// ErrorFields returns the field errors of an application error.
func ErrorFields(err error) []FieldError {
	var e *Error
	if errors.As(err, &e) {
		return e.Fields
	}
	return nil
}
