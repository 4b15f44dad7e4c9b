package ui

import "net/http"


func (h *Handler) indicator(w http.ResponseWriter, r *http.Request)    {}
func (h *Handler) workspace(w http.ResponseWriter, r *http.Request)    {}
func (h *Handler) reportForm(w http.ResponseWriter, r *http.Request)   {}
func (h *Handler) submitReport(w http.ResponseWriter, r *http.Request) {}
func (h *Handler) review(w http.ResponseWriter, r *http.Request)       {}
func (h *Handler) reviewReport(w http.ResponseWriter, r *http.Request) {}
func (h *Handler) notices(w http.ResponseWriter, r *http.Request)      {}
func (h *Handler) noticeAction(w http.ResponseWriter, r *http.Request) {}
func (h *Handler) issueNotice(w http.ResponseWriter, r *http.Request)  {}
func (h *Handler) publicPlan(w http.ResponseWriter, r *http.Request)   {}
func (h *Handler) routesAdmin()                                        {}
