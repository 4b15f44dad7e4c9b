package web

import "github.com/duban-dev/duban/notify"

// SetWebhookPolicy replaces the policy webhook URLs are checked against;
// call it before serving.
func (s *Server) SetWebhookPolicy(p notify.Policy) { s.cfg.WebhookPolicy = p }

// WebhookPolicy is the policy in force, for the dispatcher to dial by.
func (s *Server) WebhookPolicy() notify.Policy { return s.cfg.WebhookPolicy }
