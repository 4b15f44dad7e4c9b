package web

import (
	"net/http"
	"strconv"

	"github.com/duban-dev/duban"
)

// pageParams reads page and per_page, rejecting what is not a positive
// number or exceeds the maximum.
func pageParams(r *http.Request) (duban.Page, error) {
	var p duban.Page
	var errs []duban.FieldError
	for _, f := range []struct {
		name string
		dst  *int
		max  int
	}{{"page", &p.Page, 0}, {"per_page", &p.PerPage, duban.MaxPerPage}} {
		v := r.URL.Query().Get(f.name)
		if v == "" {
			continue
		}
		n, err := strconv.Atoi(v)
		switch {
		case err != nil || n < 1:
			errs = append(errs, duban.FieldError{Field: f.name, Message: "须为正整数 (must be a positive integer)"})
		case f.max > 0 && n > f.max:
			errs = append(errs, duban.FieldError{Field: f.name, Message: "不能超过 " + strconv.Itoa(f.max) + " (must not exceed " + strconv.Itoa(f.max) + ")"})
		default:
			*f.dst = n
		}
	}
	if errs != nil {
		return p, duban.Invalid("分页参数有误 (bad pagination)", errs...)
	}
	return p.Normalize(), nil
}

// idParam reads a positive integer path value.
func idParam(r *http.Request, name string) (int64, error) {
	id, err := strconv.ParseInt(r.PathValue(name), 10, 64)
	if err != nil || id < 1 {
		return 0, duban.Invalid("路径参数有误 (bad path parameter)",
			duban.FieldError{Field: name, Message: "须为正整数编号 (must be a positive integer id)"})
	}
	return id, nil
}

// idAndJSON reads the path's {id} and decodes the JSON body into v. On a
// bad id or body it writes the error and reports false.
func (s *Server) idAndJSON(w http.ResponseWriter, r *http.Request, v any) (int64, bool) {
	id, err := idParam(r, "id")
	if err == nil {
		err = decodeJSON(w, r, v)
	}
	if err != nil {
		s.writeError(w, r, err)
		return 0, false
	}
	return id, true
}
