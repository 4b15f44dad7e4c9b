package ui

import (
	"net/http"
	"strings"

	"github.com/duban-dev/duban/status"
)

// Languages: Chinese is the default, English the alternative.
const (
	langZH = "zh"
	langEN = "en"
)

const langCookie = "duban_lang"

// withLang reads ?lang= (remembering it in a cookie) or the cookie.
func (h *Handler) withLang(w http.ResponseWriter, r *http.Request) *http.Request {
	lang := langZH
	if c, err := r.Cookie(langCookie); err == nil && c.Value == langEN {
		lang = langEN
	}
	if q := r.URL.Query().Get("lang"); q == langZH || q == langEN {
		lang = q
		http.SetCookie(w, &http.Cookie{Name: langCookie, Value: q, Path: "/", MaxAge: 365 * 24 * 3600,
			HttpOnly: true, SameSite: http.SameSiteLaxMode, Secure: r.TLS != nil})
	}
	return r.WithContext(withValue(r.Context(), langKey, lang))
}

func langFrom(r *http.Request) string {
	if l, _ := r.Context().Value(langKey).(string); l != "" {
		return l
	}
	return langZH
}

// tr looks a message up in the catalog; an unknown id shows itself so a
// missing entry is visible (a test checks every id used by a template).
func tr(lang, id string) string {
	m, ok := catalog[id]
	if !ok {
		if strings.HasPrefix(id, "light.") {
			return "" // only green, yellow and red are lights with a name
		}
		return id
	}
	if lang == langEN {
		return m[1]
	}
	return m[0]
}

// statusWord is the word that always goes with a light.
func statusWord(lang string, s status.Status) string {
	if s == "" {
		return tr(lang, "status.none")
	}
	if lang == langEN {
		return s.LabelEN()
	}
	return s.Label()
}
