// Package ui serves duban's HTML pages: sign-in, the dashboard (驾驶舱), the
// plan tree, item pages, the unit workspace (填报), review and notices for
// the supervision office, the public page of a public plan and the admin
// pages. It calls the same domain services, role checks and tracker as the
// JSON API in package web; it holds no SQL.
package ui

import (
	"context"
	"fmt"
	"html/template"
	"log/slog"
	"net/http"
	"time"

	"github.com/duban-dev/duban"
	"github.com/duban-dev/duban/bulletin"
	"github.com/duban-dev/duban/projects"
	"github.com/duban-dev/duban/signin"
	"github.com/duban-dev/duban/tracker"
)

// Directory lists units and people.
type Directory interface {
	ListUnits(ctx context.Context) ([]duban.Unit, error)
	ListPeople(ctx context.Context) ([]duban.Person, error)
}

// AuditLog reads the audit log.
type AuditLog interface {
	ListAuditEntries(ctx context.Context, f duban.AuditFilter) ([]duban.AuditEntry, int, error)
}

// Config wires the pages to the services the API uses.
type Config struct {
	Plans     duban.PlanService
	Users     duban.UserService
	Reports   duban.TrackingReportService
	Notices   duban.NoticeService
	Tracker   *tracker.Service
	Directory Directory
	Audit     AuditLog
	UserList  UserList          // the admin page lists accounts when set
	Files     duban.FileService // report photos; the form has no photo field when nil
	SignIn    *signin.Service
	Bulletins bulletin.Store           // the bulletin and ranking pages when set
	Displays  duban.DisplayLinkService // wall-screen display links when set
	Logger    *slog.Logger
	Now       func() time.Time // the clock; time.Now when nil

	// Projects and ProjectLedger serve the project pages (ledger, project,
	// problems, dispatch list, map); without Projects they are absent.
	Projects      duban.ProjectService
	ProjectLedger *projects.Service
}

// Handler serves the pages.
type Handler struct {
	cfg    Config
	mux    *routeMux
	pages  map[string]*template.Template
	assets *assets
	ranks  rankCache
}

// New parses the templates and hashes the static assets once.
func New(cfg Config) (*Handler, error) {
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	a, err := loadAssets()
	if err != nil {
		return nil, err
	}
	h := &Handler{cfg: cfg, mux: &routeMux{ServeMux: http.NewServeMux()}, assets: a}
	if h.pages, err = parsePages(a); err != nil {
		return nil, err
	}
	h.routes()
	return h, nil
}

func (h *Handler) routes() {
	h.mux.Handle("GET /static/", h.assets)
	h.mux.HandleFunc("GET /login", h.loginForm)
	h.mux.HandleFunc("POST /login", h.login)
	h.mux.HandleFunc("POST /logout", h.member(h.logout))
	h.mux.HandleFunc("GET /{$}", h.member(h.home))
	h.mux.HandleFunc("GET /plans/{id}", h.member(h.dashboard))
	h.mux.HandleFunc("GET /plans/{id}/tree", h.member(h.tree))
	h.mux.HandleFunc("GET /indicators/{id}", h.member(h.indicator))
	h.mux.HandleFunc("GET /workspace", h.member(h.workspace))
	h.mux.HandleFunc("GET /indicators/{id}/report", h.member(h.reportForm))
	h.mux.HandleFunc("POST /indicators/{id}/report", h.member(h.submitReport))
	h.mux.HandleFunc("GET /review", h.member(h.review))
	h.mux.HandleFunc("POST /reports/{id}/{verdict}", h.member(h.reviewReport))
	h.mux.HandleFunc("GET /notices", h.member(h.notices))
	h.mux.HandleFunc("POST /notices/{id}/{action}", h.member(h.noticeAction))
	h.mux.HandleFunc("POST /plans/{id}/notices", h.member(h.issueNotice))
	h.mux.HandleFunc("GET /public/plans/{id}", h.publicPlan)
	h.mux.HandleFunc("GET /files/{id}", h.member(h.file))
	h.routesAdmin()
	h.routesAdminUsers()
	h.routesAccount()
	h.routesBulletins()
	h.routesExcel()
	h.routesAudit()
	h.routesNoticePrint()
	h.routesScreen()
	h.routesProjects()
	h.mux.HandleFunc("/", h.notFound)
}

// ServeHTTP resolves the session and the language, then routes.
func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.Header().Set("X-Frame-Options", "DENY")
	w.Header().Set("Referrer-Policy", "same-origin")
	w.Header().Set("Content-Security-Policy", contentSecurityPolicy)
	if r.Method == http.MethodPost {
		r.Body = http.MaxBytesReader(w, r.Body, maxFormBytes)
	}
	r = h.withLang(w, r)
	r = h.withSession(r)
	defer func() {
		if v := recover(); v != nil {
			if v == http.ErrAbortHandler {
				panic(v)
			}
			h.fail(w, r, fmt.Errorf("panic: %v", v)) // logged; the user sees the error page
		}
	}()
	h.mux.ServeHTTP(w, r)
}

func (h *Handler) today() duban.Date { return duban.DateOf(h.cfg.Now()) }

func (h *Handler) notFound(w http.ResponseWriter, r *http.Request) {
	if userFrom(r) == nil && !isPublicPath(r.URL.Path) {
		h.redirectToLogin(w, r)
		return
	}
	h.fail(w, r, duban.Errorf(duban.ENOTFOUND, "页面不存在 (page not found)"))
}
