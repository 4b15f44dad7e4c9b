package duban

import (
	"encoding/json"
	"net/url"
	"regexp"
	"strings"
)

// secretParams are query parameters that carry a credential: WeCom's
// robot key, DingTalk's access_token and signature, and the usual names.
var secretParams = map[string]bool{
	"key": true, "access_token": true, "token": true, "secret": true, "sign": true, "signature": true,
	"sig": true, "apikey": true, "api_key": true, "auth": true, "password": true, "code": true, "ticket": true,
}

// secretSegment is a path segment that looks like a generated credential
// (Feishu's /hook/<uuid>, Slack-style /services/T…/B…/X…): 16 or more
// characters of letters, digits, - and _, holding at least one digit.
var secretSegment = regexp.MustCompile(`^[A-Za-z0-9_-]{16,}$`)

const redacted = "***"

// RedactURL hides the credentials a webhook URL carries (a password,
// secret query values, token-like path segments), keeping enough to tell
// receivers apart: the scheme, host, the plain path and the first four
// characters of each hidden path segment. It is what every page, API
// answer and audit entry shows of a webhook URL.
func RedactURL(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return redacted
	}
	if u.User != nil {
		u.User = url.User(u.User.Username())
	}
	q := u.Query()
	for k := range q {
		if secretParams[strings.ToLower(k)] {
			q[k] = []string{redacted}
		}
	}
	u.RawQuery = strings.ReplaceAll(q.Encode(), url.QueryEscape(redacted), redacted)
	segs := strings.Split(u.Path, "/")
	for i, s := range segs {
		if secretSegment.MatchString(s) && strings.ContainsAny(s, "0123456789") {
			segs[i] = s[:4] + redacted
		}
	}
	u.Path, u.RawPath = strings.Join(segs, "/"), ""
	return strings.ReplaceAll(u.String(), "%2A%2A%2A", redacted)
}

// MarshalJSON writes the webhook with its URL redacted: API answers and
// the audit log never carry a robot key. The secret is never written.
func (w Webhook) MarshalJSON() ([]byte, error) {
	type plain Webhook
	p := plain(w)
	p.URL = RedactURL(w.URL)
	return json.Marshal(p)
}

// RedactJSON redacts every string in a JSON document that is an http(s)
// URL, e.g. an audit entry written before webhook URLs were redacted.
// Anything that is not JSON comes back as it is.
func RedactJSON(raw json.RawMessage) json.RawMessage {
	var v any
	if len(raw) == 0 || json.Unmarshal(raw, &v) != nil {
		return raw
	}
	out, err := json.Marshal(redactValue(v))
	if err != nil {
		return raw
	}
	return out
}

func redactValue(v any) any {
	switch x := v.(type) {
	case string:
		if strings.HasPrefix(x, "http://") || strings.HasPrefix(x, "https://") {
			return RedactURL(x)
		}
	case map[string]any:
		for k, e := range x {
			x[k] = redactValue(e)
		}
	case []any:
		for i, e := range x {
			x[i] = redactValue(e)
		}
	}
	return v
}
