package ui

import (
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"io/fs"
	"net/http"
	"path"
	"strings"
)

// static holds the hand-written assets and, after `make assets`, the
// vendored ECharts build. The pattern always matches (README.md is in the
// vendor folder), so the binary builds without ECharts; the pages then show
// their tables only.
//
//go:embed static
var static embed.FS

// assets serves embedded files under content-hashed names
// (/static/app.3f2a9c1e.css) with long cache lifetimes.
type assets struct {
	hashed map[string]string // app.css → app.3f2a9c1e.css
	files  map[string]string // app.3f2a9c1e.css → static/app.css
}

func loadAssets() (*assets, error) {
	a := &assets{hashed: map[string]string{}, files: map[string]string{}}
	err := fs.WalkDir(static, "static", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || strings.HasSuffix(p, ".md") {
			return err
		}
		b, err := static.ReadFile(p)
		if err != nil {
			return err
		}
		sum := sha256.Sum256(b)
		name := strings.TrimPrefix(p, "static/")
		ext := path.Ext(name)
		h := strings.TrimSuffix(name, ext) + "." + hex.EncodeToString(sum[:4]) + ext
		a.hashed[name], a.files[h] = h, p
		return nil
	})
	return a, err
}

// path is the template function asset: the hashed URL of a file, or "" when
// the file is absent (ECharts before `make assets`).
func (a *assets) path(name string) string {
	if h, ok := a.hashed[name]; ok {
		return "/static/" + h
	}
	return ""
}

func (a *assets) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	p, ok := a.files[strings.TrimPrefix(r.URL.Path, "/static/")]
	if !ok {
		http.NotFound(w, r)
		return
	}
	w.Header().Set("Cache-Control", "public, max-age=31536000, immutable")
	http.ServeFileFS(w, r, static, p)
}
