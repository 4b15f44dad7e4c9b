package main

import (
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/pprof"
	"time"

	"github.com/duban-dev/duban"
)

// startPprof serves net/http/pprof under /debug/pprof/ on its own
// listener, which must be a loopback address: profiles reveal internals
// and cost CPU, so they are never on the public port. It stops with ctx.
func startPprof(ctx context.Context, addr string, stdout io.Writer) error {
	if err := checkLoopback(addr); err != nil {
		return err
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return fmt.Errorf("listen %s: %w", addr, err)
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/debug/pprof/", pprof.Index)
	mux.HandleFunc("/debug/pprof/cmdline", pprof.Cmdline)
	mux.HandleFunc("/debug/pprof/profile", pprof.Profile)
	mux.HandleFunc("/debug/pprof/symbol", pprof.Symbol)
	mux.HandleFunc("/debug/pprof/trace", pprof.Trace)
	srv := &http.Server{Handler: mux, ReadHeaderTimeout: 10 * time.Second}
	go srv.Serve(ln)
	go func() {
		<-ctx.Done()
		srv.Close()
	}()
	fmt.Fprintf(stdout, "pprof: http://%s/debug/pprof/\n", ln.Addr())
	return nil
}

func checkLoopback(addr string) error {
	host, _, err := net.SplitHostPort(addr)
	ip := net.ParseIP(host)
	if err != nil || (host != "localhost" && (ip == nil || !ip.IsLoopback())) {
		return duban.Invalid("参数有误 (bad flag)", duban.FieldError{Field: "pprof",
			Message: "只能监听本机地址，如 127.0.0.1:6060 (loopback only, e.g. 127.0.0.1:6060)"})
	}
	return nil
}
