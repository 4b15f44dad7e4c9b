package web_test

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/duban-dev/duban/notify"
)

// receiver records the paths webhooks deliver to.
type receiver struct {
	mu    sync.Mutex
	paths []string
	srv   *httptest.Server
}

func newReceiver(t *testing.T) *receiver {
	rcv := &receiver{}
	rcv.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.Copy(io.Discard, r.Body)
		rcv.mu.Lock()
		rcv.paths = append(rcv.paths, r.URL.Path)
		rcv.mu.Unlock()
		w.Write([]byte(`{"errcode":0}`))
	}))
	t.Cleanup(rcv.srv.Close)
	return rcv
}

func (r *receiver) got() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]string(nil), r.paths...)
}

func TestInactiveWebhookReceivesNothing(t *testing.T) {
	e := newEnv(t)
	rcv := newReceiver(t)
	ids := map[string]string{}
	for _, name := range []string{"on", "off"} {
		res := e.do("POST", "/api/v1/webhooks", "admin", map[string]any{"name": name, "kind": "json", "url": rcv.srv.URL + "/" + name})
		if res.status != 201 || res.body["active"] != true {
			t.Fatalf("create %s: %d %s", name, res.status, res.raw)
		}
		ids[name] = itoa(int64(res.body["id"].(float64)))
	}
	res := e.do("PATCH", "/api/v1/webhooks/"+ids["off"], "admin", map[string]any{"active": false, "name": "停用"})
	if res.status != 200 || res.body["active"] != false || res.body["name"] != "停用" || !strings.HasSuffix(res.body["url"].(string), "/off") {
		t.Fatalf("deactivate: %d %s", res.status, res.raw)
	}
	e.notice(e.indicatorOf("zjj"), false)
	d := notify.NewDispatcher(e.db, slog.New(slog.NewTextHandler(io.Discard, nil)))
	d.Sender = notify.NewSenderWith(notify.Policy{Allow: []string{"127.0.0.1"}})
	if _, err := d.RunOnce(context.Background()); err != nil {
		t.Fatal(err)
	}
	if got := rcv.got(); len(got) != 1 || got[0] != "/on" {
		t.Fatalf("receiver got %v, want one delivery to /on", got)
	}
	on := e.do("GET", "/api/v1/webhooks/"+ids["on"]+"/deliveries", "admin", nil)
	off := e.do("GET", "/api/v1/webhooks/"+ids["off"]+"/deliveries", "admin", nil)
	if on.body["total"] != 1.0 || off.body["total"] != 0.0 || !strings.Contains(on.raw, `"status":200`) {
		t.Fatalf("deliveries: on %s, off %s", on.raw, off.raw)
	}
	list := e.do("GET", "/api/v1/webhooks", "admin", nil)
	if list.body["total"] != 2.0 || strings.Contains(list.raw, "secret") {
		t.Fatalf("list: %s", list.raw)
	}
}

func TestWebhookAdminOnly(t *testing.T) {
	e := newEnv(t)
	rcv := newReceiver(t)
	res := e.do("POST", "/api/v1/webhooks", "admin", map[string]any{"name": "a", "kind": "wecom", "url": rcv.srv.URL})
	id := itoa(int64(res.body["id"].(float64)))
	for _, tc := range []struct {
		method, path string
		body         any
		want         []int // per role, in the order of roles
	}{
		{"GET", "/api/v1/webhooks", nil, []int{401, 403, 403, 403, 403, 200}},
		{"POST", "/api/v1/webhooks", map[string]any{"name": "b", "kind": "json", "url": rcv.srv.URL}, []int{401, 403, 403, 403, 403, 201}},
		{"PATCH", "/api/v1/webhooks/" + id, map[string]any{"active": true}, []int{401, 403, 403, 403, 403, 200}},
		{"GET", "/api/v1/webhooks/" + id + "/deliveries", nil, []int{401, 403, 403, 403, 403, 200}},
	} {
		for i, role := range roles {
			if res := e.do(tc.method, tc.path, role, tc.body); res.status != tc.want[i] {
				t.Errorf("%s %s as %q: %d, want %d", tc.method, tc.path, role, res.status, tc.want[i])
			}
		}
	}
	for _, tc := range []struct {
		method, path string
		body         any
		status       int
		field        string
	}{
		{"POST", "/api/v1/webhooks", map[string]any{"name": "", "kind": "mail", "url": "ftp://x"}, 400, "kind"},
		{"PATCH", "/api/v1/webhooks/" + id, map[string]any{"url": "not a url"}, 400, "url"},
		{"PATCH", "/api/v1/webhooks/" + id, map[string]any{"kind": "json"}, 400, "body"},
		{"PATCH", "/api/v1/webhooks/999999", map[string]any{"active": false}, 404, ""},
		{"GET", "/api/v1/webhooks/999999/deliveries", nil, 404, ""},
	} {
		res := e.do(tc.method, tc.path, "admin", tc.body)
		if res.status != tc.status || (tc.field != "" && !strings.Contains(res.raw, `"field":"`+tc.field+`"`)) {
			t.Errorf("%s %s %v: %d %s", tc.method, tc.path, tc.body, res.status, res.raw)
		}
	}
}
