package ui

import (
	"net/url"
	"strings"
)

// safeNext keeps redirects on this site: it accepts only a path on this
// origin and answers "/" for anything else. Browsers drop tabs and newlines
// from URLs and read "\" as "/", so "/\t/evil.example" and "/\evil.example"
// are other hosts to them: any control character or backslash is refused,
// also once percent-decoded (a proxy or browser may decode it), and what
// is left must parse with neither scheme nor host.
func safeNext(next string) string {
	decoded, err := url.PathUnescape(next)
	if err != nil || !plainPath(next) || !plainPath(decoded) {
		return "/"
	}
	u, err := url.Parse(next)
	if err != nil || u.Scheme != "" || u.Host != "" || u.User != nil || !strings.HasPrefix(u.Path, "/") || strings.HasPrefix(u.Path, "//") {
		return "/"
	}
	return next
}

// plainPath reports whether p starts with a single "/" and holds no
// control character or backslash.
func plainPath(p string) bool {
	if !strings.HasPrefix(p, "/") || strings.HasPrefix(p, "//") {
		return false
	}
	for _, r := range p {
		if r < 0x20 || r == 0x7f || r == '\\' || (r >= 0x80 && r < 0xa0) {
			return false
		}
	}
	return true
}
