// Package web serves duban over HTTP: the JSON API under /api/v1 and, later,
// the HTML pages. Handlers call the domain services; they hold no SQL.
package web

import (
	"context"
	"errors"
	"log/slog"
	"net"
	"net/http"
	"time"

	"github.com/duban-dev/duban"
	"github.com/duban-dev/duban/notify"
	"github.com/duban-dev/duban/projects"
	"github.com/duban-dev/duban/signin"
	"github.com/duban-dev/duban/tracker"
)

// Config wires the server to its services.
type Config struct {
	Plans     duban.PlanService
	Users     duban.UserService
	Sessions  duban.SessionService
	Reports   duban.TrackingReportService
	Notices   duban.NoticeService
	Tracker   *tracker.Service
	Directory Directory
	Audit     AuditLog
	Files     duban.FileService
	MaxUpload int64               // largest upload in bytes; 10 MiB when zero
	Bulletins BulletinStore       // nil: bulletin routes answer 404
	Rollup    duban.RollupService // national rollup; nil answers 404
	Webhooks  duban.WebhookService
	// WebhookPolicy is checked when a webhook URL is saved; the zero
	// policy refuses loopback, private and metadata targets.
	WebhookPolicy notify.Policy
	Logger        *slog.Logger
	Now           func() time.Time // the clock; time.Now when nil
	SignIn        *signin.Service  // shared with the pages; made from Users and Sessions when nil
	Pages         http.Handler     // the HTML pages: every path the API does not own

	// Projects stores project steps, problems and dispatch decisions;
	// ProjectLedger builds the ledger, map, forecast and dispatch list (made
	// from Projects and Tracker when nil). Without Projects the project
	// routes answer 404.
	Projects      duban.ProjectService
	ProjectLedger *projects.Service
}

// Server owns the HTTP handler and listener.
type Server struct {
	cfg      Config
	mux      *http.ServeMux
	handler  http.Handler
	server   *http.Server
	ln       net.Listener
	signin   *signin.Service
	patterns []string
}

// NewServer builds the handler with every route registered.
func NewServer(cfg Config) *Server {
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.MaxUpload <= 0 {
		cfg.MaxUpload = 10 << 20
	}
	if cfg.SignIn == nil {
		cfg.SignIn = signin.New(cfg.Users, cfg.Sessions, cfg.Now)
	}
	s := &Server{cfg: cfg, mux: http.NewServeMux(), signin: cfg.SignIn}
	s.routes()
	s.handler = s.authenticate(s.mux)
	s.server = &http.Server{
		Handler:           s,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       60 * time.Second,
		WriteTimeout:      60 * time.Second,
		IdleTimeout:       120 * time.Second,
	}
	return s
}

func (s *Server) routes() {
	s.handle("GET /healthz", s.handleHealth)
	s.handle("POST /api/v1/login", s.handleLogin)
	s.handle("POST /api/v1/logout", s.handleLogout)
	s.handle("GET /api/v1/me", s.handleMe)
	s.routesPlans()
	s.routesReports()
	s.routesNotices()
	s.routesStatus()
	s.routesDirectory()
	s.routesFiles()
	s.routesXLSX()
	s.routesBulletins()
	s.routesRollup()
	s.routesWebhooks()
	s.routesUsers()
	s.routesProjects()
	s.routesOpenAPI()
	if s.cfg.Pages != nil {
		s.mux.Handle("/", s.cfg.Pages)
		s.mux.HandleFunc("/api/", func(w http.ResponseWriter, r *http.Request) {
			s.writeError(w, r, duban.Errorf(duban.ENOTFOUND, "接口不存在 (no such endpoint)"))
		})
	}
}

// ServeHTTP lets the server be used with httptest.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.handler.ServeHTTP(w, r)
}

func (s *Server) now() time.Time { return s.cfg.Now() }

// Listen binds addr (use "127.0.0.1:0" for a free port).
func (s *Server) Listen(addr string) error {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	s.ln = ln
	return nil
}

// Addr is the bound address, valid after Listen.
func (s *Server) Addr() string { return s.ln.Addr().String() }

// Serve serves until Shutdown; it returns nil after a clean shutdown.
func (s *Server) Serve() error {
	err := s.server.Serve(s.ln)
	if errors.Is(err, http.ErrServerClosed) {
		return nil
	}
	return err
}

// Shutdown stops accepting requests and waits for running ones.
func (s *Server) Shutdown(ctx context.Context) error { return s.server.Shutdown(ctx) }

// WriteChecker proves the database takes writes (store.DB does).
type WriteChecker interface {
	CheckWritable(ctx context.Context) error
}

// handleHealth answers 200 only when the database takes writes: a
// read-only database signs nobody in, so it must not look healthy.
func (s *Server) handleHealth(w http.ResponseWriter, r *http.Request) {
	if c, ok := s.cfg.Users.(WriteChecker); ok {
		if err := c.CheckWritable(r.Context()); err != nil {
			s.cfg.Logger.Error("health: database not writable", "err", err)
			writeJSON(w, http.StatusServiceUnavailable, map[string]string{"status": "unavailable",
				"message": "数据库不可写 (the database does not take writes)"})
			return
		}
	}
	writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
}
