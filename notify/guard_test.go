package notify

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/duban-dev/duban"
)

func TestPolicyRefusesInternalTargets(t *testing.T) {
	ctx := context.Background()
	for _, u := range []string{
		"http://127.0.0.1:8080/hook", "http://[::1]/hook", "http://localhost:9/hook", "http://10.1.2.3/hook",
		"http://192.168.1.1/hook", "http://172.16.0.9/hook", "http://169.254.169.254/latest/meta-data/",
		"http://100.100.100.200/latest/meta-data", "http://0.0.0.0:80/", "http://[::ffff:127.0.0.1]/", "http://[fd00:ec2::254]/",
	} {
		err := Policy{}.CheckURL(ctx, u)
		if duban.ErrorCode(err) != duban.EINVALID || !strings.Contains(err.Error(), "webhook-allow") {
			t.Errorf("%s: %v, want refused", u, err)
		}
	}
	for _, u := range []string{"http://203.0.113.10/hook", "https://8.8.8.8/x"} {
		if err := (Policy{}).CheckURL(ctx, u); err != nil {
			t.Errorf("%s: %v", u, err)
		}
	}
	if err := ParseAllow(" 127.0.0.1 , intranet.example ").CheckURL(ctx, "http://127.0.0.1:8080/hook"); err != nil {
		t.Errorf("an allow-listed host was refused: %v", err)
	}
}

// TestSenderChecksTheDialledAddress: the check runs on the resolved
// address at dial time, so a name that resolves to loopback is refused
// even when its URL passed (DNS rebinding), and nothing arrives.
func TestSenderChecksTheDialledAddress(t *testing.T) {
	rcv := newReceiver(t, reply{200, `{"errcode":0}`})
	port := rcv.srv.URL[strings.LastIndex(rcv.srv.URL, ":")+1:]
	for _, s := range []*Sender{NewSender(), NewSenderWith(Policy{Allow: []string{"127.0.0.2"}})} {
		for _, u := range []string{rcv.srv.URL, "http://localhost:" + port + "/x"} {
			_, err := s.Send(context.Background(), duban.Webhook{Kind: duban.WebhookJSON, URL: u}, notice)
			if err == nil || !strings.Contains(err.Error(), "refused to connect") {
				t.Errorf("%s: %v, want refused at dial", u, err)
			}
		}
	}
	if len(rcv.bodies) != 0 {
		t.Fatalf("a refused target received %d messages", len(rcv.bodies))
	}
}

// TestSenderFollowsNoRedirect: a 3xx is a failed delivery and its target
// gets nothing.
func TestSenderFollowsNoRedirect(t *testing.T) {
	inner := newReceiver(t, reply{200, `{"errcode":0}`})
	outer := httptest.NewServer(http.RedirectHandler(inner.srv.URL+"/metadata", http.StatusTemporaryRedirect))
	defer outer.Close()
	status, err := loopbackSender().Send(context.Background(), duban.Webhook{Kind: duban.WebhookJSON, URL: outer.URL}, notice)
	if err == nil || status != http.StatusTemporaryRedirect || len(inner.bodies) != 0 {
		t.Fatalf("status %d, err %v, redirect target got %d", status, err, len(inner.bodies))
	}
}

// TestDeliveryKeepsAShortRedactedStatus: a 64 KB answer and a URL's key
// never reach the delivery log.
func TestDeliveryKeepsAShortRedactedStatus(t *testing.T) {
	big := strings.Repeat("错", 30000)
	rcv := newReceiver(t, reply{200, big})
	now := time.Date(2021, 7, 15, 9, 0, 0, 0, time.UTC)
	ob := &memOutbox{items: []duban.OutboxItem{
		{ID: 1, NextAttempt: now, Webhook: duban.Webhook{ID: 1, Kind: duban.WebhookWeCom, URL: rcv.srv.URL + "/send?key=ROBOT-KEY-1"}, Message: notice},
		{ID: 2, NextAttempt: now, Webhook: duban.Webhook{ID: 2, Kind: duban.WebhookWeCom, URL: "http://127.0.0.1:1/send?key=ROBOT-KEY-2"}, Message: notice},
	}}
	d := NewDispatcher(ob, slog.New(slog.NewTextHandler(io.Discard, nil)))
	d.Sender, d.Now = loopbackSender(), func() time.Time { return now }
	if _, err := d.RunOnce(context.Background()); err != nil {
		t.Fatal(err)
	}
	if len(ob.log) != 2 {
		t.Fatalf("log = %+v", ob.log)
	}
	for _, rec := range ob.log {
		if rec.Error == "" || len(rec.Error) > MaxStatusBytes+len("…") || strings.Contains(rec.Error, "ROBOT-KEY") {
			t.Errorf("kept %d bytes: %.300q", len(rec.Error), rec.Error)
		}
	}
}

// TestOneStuckReceiverDelaysNoOther: a receiver that never answers holds
// up only its own messages; the others arrive meanwhile, and the stuck
// delivery fails at the hook timeout.
func TestOneStuckReceiverDelaysNoOther(t *testing.T) {
	release := make(chan struct{})
	stuck := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-release:
		case <-r.Context().Done():
		}
	}))
	defer stuck.Close()
	defer close(release) // after the round: Close waits for the handlers
	arrived := make(chan struct{}, 4)
	fast := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, `{"errcode":0}`)
		arrived <- struct{}{}
	}))
	defer fast.Close()
	now := time.Date(2021, 7, 15, 9, 0, 0, 0, time.UTC)
	ob := &memOutbox{}
	for i, u := range []string{stuck.URL, stuck.URL, fast.URL, fast.URL} {
		ob.items = append(ob.items, duban.OutboxItem{ID: int64(i + 1), NextAttempt: now, Message: notice,
			Webhook: duban.Webhook{ID: int64(i/2 + 1), Kind: duban.WebhookWeCom, URL: u}})
	}
	d := NewDispatcher(ob, slog.New(slog.NewTextHandler(io.Discard, nil)))
	d.Sender, d.Now = loopbackSender(), func() time.Time { return now }
	d.HookTimeout = 3 * time.Second
	done := make(chan struct{})
	go func() { d.RunOnce(context.Background()); close(done) }()
	for range 2 { // well before the stuck hook's first timeout, were it served first
		select {
		case <-arrived:
		case <-time.After(2500 * time.Millisecond):
			t.Fatal("the other receiver waited behind the stuck one")
		}
	}
	<-done
	failed := 0
	for _, rec := range ob.log {
		if rec.WebhookID == 1 && strings.Contains(rec.Error, "deadline exceeded") {
			failed++
		}
	}
	if len(ob.log) != 4 || failed != 2 {
		t.Fatalf("log = %+v", ob.log)
	}
}
