package web

import (
	"github.com/duban-dev/duban"
	"github.com/duban-dev/duban/tracker"
)

// Tracker is the status service the server reads and feeds, so the
// program can refresh stored statuses of plans whose reports changed.
func (s *Server) Tracker() *tracker.Service { return s.cfg.Tracker }

// Today is the server clock's day.
func (s *Server) Today() duban.Date { return s.today() }
