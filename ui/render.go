package ui

import (
	"bytes"
	"embed"
	"encoding/json"
	"fmt"
	"html/template"
	"io/fs"
	"math"
	"net/http"
	"path"
	"strings"

	"github.com/duban-dev/duban"
	"github.com/duban-dev/duban/status"
	"github.com/duban-dev/duban/web"
)

//go:embed templates
var templateFS embed.FS

// page is what the layout needs; every view struct embeds it.
type page struct {
	Title  string
	Lang   string
	User   *duban.User
	CSRF   string
	Path   string // request path, for the language links
	Query  string // request query without lang
	Screen bool   // 大屏 mode
	Notice string // a one-line message after an action
	Error  string
	Fields []duban.FieldError
	// ProjectsOn says the project pages are served (the nav links them).
	ProjectsOn bool

	people func(string) string         // username → display name, see Person
	inds   map[string]*duban.Indicator // by code, for Why and RateText (knowIndicators)
}

// T translates a message id.
func (p *page) T(id string) string { return tr(p.Lang, id) }

// Term is one of the product's fixed Chinese words (a stage, a 前期手续,
// a problem's category or state, a decision's state) in the page's
// language.
func (p *page) Term(zh string) string {
	if p.Lang == langEN {
		return duban.TermEN(zh)
	}
	return zh
}

// Word is the word of a status light.
func (p *page) Word(s status.Status) string { return statusWord(p.Lang, s) }

// Cmp is the word for a comparator: 不少于, 不超过, 左右 …
func (p *page) Cmp(c duban.Comparator) string { return p.T("cmp." + string(c)) }

// Cadence is the word for a reporting cadence.
func (p *page) Cadence(c duban.Cadence) string { return p.T("cadence." + string(c)) }

// L pairs a status with its word for the "light" partial.
func (p *page) L(s status.Status) lightArgs {
	return lightArgs{S: s, W: p.Word(s), C: p.T("light." + s.Colour())}
}

// lightArgs is a status, its word and, for the three lights, the light's
// name (绿灯, 黄灯, 红灯) for screen readers and as a tooltip.
type lightArgs struct {
	S    status.Status
	W, C string
}

type barArgs struct{ P, E float64 }

// Can reports whether the viewer may do something named by the layout.
func (p *page) Can(what string) bool {
	switch what {
	case "review":
		return duban.CanReview(p.User)
	case "notice":
		return duban.CanIssueNotice(p.User)
	case "admin":
		return duban.CanAdminister(p.User)
	case "audit":
		return duban.CanReadAudit(p.User)
	case "report":
		return p.User != nil && (p.User.Role == duban.RoleReporter || duban.CanReview(p.User))
	case "projects":
		return p.User != nil && p.ProjectsOn
	}
	return false
}

// FieldError returns the message of the named field's error, if any.
func (p *page) FieldError(field string) string {
	for _, f := range p.Fields {
		if f.Field == field {
			return f.Message
		}
	}
	return ""
}

func (h *Handler) newPage(r *http.Request, titleID string) page {
	q := r.URL.Query()
	q.Del("lang")
	p := page{Lang: langFrom(r), User: userFrom(r), CSRF: csrfFrom(r), Path: r.URL.Path, Query: q.Encode(),
		ProjectsOn: h.cfg.Projects != nil, people: h.peopleNamer(r.Context())}
	p.Title = p.T(titleID)
	return p
}

var funcs = template.FuncMap{
	"pct":  func(v float64) string { return fmt.Sprintf("%.0f%%", math.Round(v*100)) },
	"pct1": func(v float64) string { return fmt.Sprintf("%.1f%%", v*100) },
	"width": func(v float64) template.CSS {
		return template.CSS(fmt.Sprintf("width:%.1f%%", math.Max(0, math.Min(1, v))*100))
	},
	"num": formatNum,
	"json": func(v any) (template.JS, error) {
		b, err := json.Marshal(v)
		return template.JS(b), err
	},
	"colour": func(s status.Status) template.CSS { return template.CSS("--light:" + s.Hex()) },
	"date": func(d duban.Date) string {
		if d.IsZero() {
			return "—"
		}
		return d.String()
	},
	"add":    func(a, b int) int { return a + b },
	"mul100": func(v float64) float64 { return v * 100 },
	"left": func(v float64) template.CSS {
		return template.CSS(fmt.Sprintf("left:%.1f%%", math.Max(0, math.Min(1, v))*100))
	},
	"bar":      func(p, e float64) barArgs { return barArgs{p, e} },
	"chartbox": newChartBox,
}

func formatNum(v *float64) string {
	if v == nil {
		return "—"
	}
	s := fmt.Sprintf("%.2f", *v)
	s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	return s
}

// parsePages parses the layout and partials once, then one clone per view.
func parsePages(a *assets) (map[string]*template.Template, error) {
	fm := template.FuncMap{"asset": a.path}
	for k, v := range funcs {
		fm[k] = v
	}
	base, err := template.New("layout").Funcs(fm).ParseFS(templateFS, "templates/layout.html", "templates/partials/*.html")
	if err != nil {
		return nil, err
	}
	views, err := fs.Glob(templateFS, "templates/views/*.html")
	if err != nil {
		return nil, err
	}
	pages := map[string]*template.Template{}
	for _, v := range views {
		t, err := template.Must(base.Clone()).ParseFS(templateFS, v)
		if err != nil {
			return nil, err
		}
		pages[strings.TrimSuffix(path.Base(v), ".html")] = t
	}
	return pages, nil
}

// render executes a view into a buffer, so an error never leaves half a
// page: it becomes the error page instead.
func (h *Handler) render(w http.ResponseWriter, r *http.Request, code int, name string, view any) {
	t, ok := h.pages[name]
	var buf bytes.Buffer
	err := fmt.Errorf("ui: no view %q", name)
	if l, isPage := view.(localizer); isPage {
		l.localize()
	}
	if ok {
		err = t.ExecuteTemplate(&buf, "layout", view)
	}
	if err != nil {
		h.cfg.Logger.Error("render failed", "view", name, "path", r.URL.Path, "err", err)
		if name != "error" {
			h.fail(w, r, err)
			return
		}
		http.Error(w, "内部错误 (internal error)", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(code)
	_, _ = buf.WriteTo(w)
}

type errorView struct {
	page
	Code    int
	Message string
}

// fail shows the error page with the error's status; internal errors are
// logged and shown with a generic message.
func (h *Handler) fail(w http.ResponseWriter, r *http.Request, err error) {
	code := duban.ErrorCode(err)
	if code == duban.EINTERNAL {
		h.cfg.Logger.Error("page failed", "method", r.Method, "path", r.URL.Path, "err", err)
	}
	v := errorView{page: h.newPage(r, "error.title"), Code: web.HTTPStatus(code), Message: localMessage(langFrom(r), duban.ErrorMessage(err))}
	v.Fields = duban.ErrorFields(err)
	h.render(w, r, v.Code, "error", &v)
}

// Expl is an explanation in the page's language.
func (p *page) Expl(e status.Explanation) string {
	if p.Lang == langEN {
		return e.EN
	}
	return e.ZH
}
