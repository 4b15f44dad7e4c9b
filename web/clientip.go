package web

import (
	"errors"
	"net"
	"net/http"
)

func clientIP(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}

func errorsAs(err error, target any) bool { return errors.As(err, target) }
