package web

import (
	"encoding/json"
	"net/http"

	"github.com/duban-dev/duban"
)

// HTTPStatus is the one mapping of error codes to HTTP statuses, for the
// API and the pages alike.
func HTTPStatus(code string) int { return statusByCode[code] }

var statusByCode = map[string]int{
	duban.EINVALID:      http.StatusBadRequest,
	duban.ENOTFOUND:     http.StatusNotFound,
	duban.ECONFLICT:     http.StatusConflict,
	duban.EUNAUTHORIZED: http.StatusUnauthorized,
	duban.EFORBIDDEN:    http.StatusForbidden,
	duban.EINTERNAL:     http.StatusInternalServerError,
	duban.ETOOLARGE:     http.StatusRequestEntityTooLarge,
	duban.ETOOMANY:      http.StatusTooManyRequests,
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(v)
}

type errorBody struct {
	Code    string             `json:"code"`
	Message string             `json:"message"`
	Fields  []duban.FieldError `json:"fields"`
}

// writeError answers with the error's code and message; errors that are not
// application errors are logged and become a generic 500.
func (s *Server) writeError(w http.ResponseWriter, r *http.Request, err error) {
	code := duban.ErrorCode(err)
	if code == duban.EINTERNAL {
		s.cfg.Logger.Error("request failed", "method", r.Method, "path", r.URL.Path, "err", err)
	}
	fields := duban.ErrorFields(err)
	if fields == nil {
		fields = []duban.FieldError{}
	}
	writeJSON(w, statusByCode[code], errorBody{Code: code, Message: duban.ErrorMessage(err), Fields: fields})
}

// listBody is the shape of every paginated list.
type listBody[T any] struct {
	Items   []T `json:"items"`
	Total   int `json:"total"`
	Page    int `json:"page"`
	PerPage int `json:"per_page"`
}

func newList[T any](items []T, total int, p duban.Page) listBody[T] {
	if items == nil {
		items = []T{}
	}
	return listBody[T]{Items: items, Total: total, Page: p.Page, PerPage: p.PerPage}
}
