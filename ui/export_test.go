package ui

// Routes are the patterns the pages are served on, in registration order.
func (h *Handler) Routes() []string { return append([]string(nil), h.mux.patterns...) }
