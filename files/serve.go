package files

import (
	"io"
	"mime"
	"net/http"
	"time"

	"github.com/duban-dev/duban"
)

// Serve writes a stored file with its stored type, never a sniffed one.
// The id is the content hash, so the ETag never changes. The JSON API and
// the pages both serve files through it.
func Serve(w http.ResponseWriter, r *http.Request, f *duban.File, rc io.Reader) {
	h := w.Header()
	h.Set("Content-Type", f.ContentType)
	h.Set("Content-Disposition", mime.FormatMediaType(disposition(f.ContentType), map[string]string{"filename": f.Name}))
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("ETag", `"`+f.ID+`"`)
	h.Set("Cache-Control", "private, max-age=31536000, immutable")
	if rs, ok := rc.(io.ReadSeeker); ok {
		http.ServeContent(w, r, "", time.Time{}, rs)
		return
	}
	if r.Header.Get("If-None-Match") == `"`+f.ID+`"` {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	_, _ = io.Copy(w, rc)
}

// IsImage reports whether a content type is shown as a picture.
func IsImage(contentType string) bool {
	switch contentType {
	case "image/jpeg", "image/png", "image/webp", "image/gif":
		return true
	}
	return false
}

// disposition shows images and PDFs in the browser and downloads documents.
func disposition(contentType string) string {
	if IsImage(contentType) || contentType == "application/pdf" {
		return "inline"
	}
	return "attachment"
}
