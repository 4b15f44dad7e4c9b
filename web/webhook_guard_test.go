package web_test

import (
	"context"
	"strings"
	"testing"
)

const robotKey = "ROBOT-SECRET-KEY-0042"

// TestWebhookSecretsNeverShown: the robot key in a webhook URL appears in
// no API answer and no audit entry, for any role that reads them; sending
// the redacted URL back keeps the stored key.
func TestWebhookSecretsNeverShown(t *testing.T) {
	e := newEnv(t)
	url := "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=" + robotKey
	res := e.do("POST", "/api/v1/webhooks", "admin", map[string]any{"name": "督查群", "kind": "wecom", "url": url})
	if res.status != 201 || strings.Contains(res.raw, robotKey) || !strings.Contains(res.raw, "key=***") {
		t.Fatalf("create: %d %s", res.status, res.raw)
	}
	id := itoa(int64(res.body["id"].(float64)))
	shown := res.body["url"].(string)
	if r := e.do("PATCH", "/api/v1/webhooks/"+id, "admin", map[string]any{"url": shown, "name": "督查一群"}); r.status != 200 {
		t.Fatalf("patch: %d %s", r.status, r.raw)
	}
	stored, err := e.db.FindWebhook(context.Background(), int64(res.body["id"].(float64)))
	if err != nil || stored.URL != url {
		t.Fatalf("the stored URL became %q (%v)", stored.URL, err)
	}
	for _, role := range []string{"admin", "duchashi", "lingdao"} {
		for _, path := range []string{"/api/v1/webhooks", "/api/v1/audit?per_page=100", "/api/v1/audit?entity=webhook"} {
			r := e.do("GET", path, role, nil)
			if strings.Contains(r.raw, robotKey) {
				t.Errorf("GET %s as %s shows the robot key", path, role)
			}
		}
	}
	if r := e.do("GET", "/api/v1/audit?entity=webhook", "admin", nil); !strings.Contains(r.raw, "key=***") {
		t.Errorf("the audit log lost the webhook entries: %.300s", r.raw)
	}
}

// TestWebhookInternalTargetsRefused: without an allow-list entry an
// administrator cannot point a webhook at loopback, private or metadata
// addresses, on creation or by a later change.
func TestWebhookInternalTargetsRefused(t *testing.T) {
	e := newEnv(t)
	for _, u := range []string{"http://169.254.169.254/latest/meta-data/", "http://10.0.0.8:2375/containers", "http://[::1]:5432/", "http://localhost:6379/"} {
		res := e.do("POST", "/api/v1/webhooks", "admin", map[string]any{"name": "x", "kind": "json", "url": u})
		if res.status != 400 || !strings.Contains(res.raw, `"field":"url"`) {
			t.Errorf("create %s: %d %s", u, res.status, res.raw)
		}
	}
	res := e.do("POST", "/api/v1/webhooks", "admin", map[string]any{"name": "ok", "kind": "json", "url": "http://127.0.0.1:9/allowed"})
	if res.status != 201 {
		t.Fatalf("allow-listed 127.0.0.1: %d %s", res.status, res.raw)
	}
	id := itoa(int64(res.body["id"].(float64)))
	if r := e.do("PATCH", "/api/v1/webhooks/"+id, "admin", map[string]any{"url": "http://192.168.0.1/"}); r.status != 400 {
		t.Errorf("patch to a private address: %d %s", r.status, r.raw)
	}
}
