package ui

import "net/http"








func (h *Handler) notices(w http.ResponseWriter, r *http.Request)      {}
func (h *Handler) noticeAction(w http.ResponseWriter, r *http.Request) {}
func (h *Handler) issueNotice(w http.ResponseWriter, r *http.Request)  {}

func (h *Handler) routesAdmin()                                        {}
