package notify

import (
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/duban-dev/duban"
)

// receiver is a local HTTP endpoint that records what arrives and answers
// with the scripted replies in order (the last one repeats).
type receiver struct {
	mu      sync.Mutex
	bodies  []map[string]any
	queries []string
	replies []reply
	srv     *httptest.Server
}

type reply struct {
	status int
	body   string
}

func newReceiver(t *testing.T, replies ...reply) *receiver {
	r := &receiver{replies: replies}
	r.srv = httptest.NewServer(http.HandlerFunc(r.handle))
	t.Cleanup(r.srv.Close)
	return r
}

func (r *receiver) handle(w http.ResponseWriter, req *http.Request) {
	b, _ := io.ReadAll(req.Body)
	var v map[string]any
	_ = json.Unmarshal(b, &v)
	r.mu.Lock()
	r.bodies = append(r.bodies, v)
	r.queries = append(r.queries, req.URL.RawQuery)
	rep := r.replies[min(len(r.bodies), len(r.replies))-1]
	r.mu.Unlock()
	w.WriteHeader(rep.status)
	io.WriteString(w, rep.body)
}

var notice = duban.Message{
	Event: "notice.issued", Title: "督办〔2021〕12号：老旧小区改造进度滞后",
	Text: "序时进度 54%，实际完成 31%，落后 23 个百分点。请于 2021-07-25 前反馈。",
	URL:  "http://127.0.0.1/notices/12", Data: map[string]any{"number": "督办〔2021〕12号"},
}

func TestWeComMarkdownFormat(t *testing.T) {
	rcv := newReceiver(t, reply{200, `{"errcode":0,"errmsg":"ok"}`})
	status, err := loopbackSender().Send(context.Background(), duban.Webhook{Kind: duban.WebhookWeCom, URL: rcv.srv.URL}, notice)
	if err != nil || status != 200 {
		t.Fatalf("send: %d %v", status, err)
	}
	got := rcv.bodies[0]
	md, _ := got["markdown"].(map[string]any)
	if got["msgtype"] != "markdown" || !strings.Contains(md["content"].(string), "落后 23 个百分点") ||
		!strings.HasPrefix(md["content"].(string), "### 督办〔2021〕12号") {
		t.Fatalf("wecom body = %v", got)
	}
}

func TestDingTalkSignedMarkdown(t *testing.T) {
	rcv := newReceiver(t, reply{200, `{"errcode":0,"errmsg":"ok"}`})
	s := loopbackSender()
	s.Now = func() time.Time { return time.UnixMilli(1626300000000) }
	hook := duban.Webhook{Kind: duban.WebhookDingTalk, URL: rcv.srv.URL + "/robot/send?access_token=abc", Secret: "SECtest"}
	if _, err := s.Send(context.Background(), hook, notice); err != nil {
		t.Fatal(err)
	}
	md, _ := rcv.bodies[0]["markdown"].(map[string]any)
	if rcv.bodies[0]["msgtype"] != "markdown" || md["title"] != notice.Title {
		t.Fatalf("dingtalk body = %v", rcv.bodies[0])
	}
	q := rcv.queries[0]
	wantSign := DingTalkSign("SECtest", "1626300000000")
	if !strings.Contains(q, "access_token=abc") || !strings.Contains(q, "timestamp=1626300000000") ||
		!strings.Contains(q, "sign="+urlQueryEscape(wantSign)) {
		t.Fatalf("query %q lacks token, timestamp or sign %q", q, wantSign)
	}
}

func TestDingTalkSignKnownValue(t *testing.T) {
	// HMAC-SHA256("SECtest", "1626300000000\nSECtest"), computed independently
	// with: printf '1626300000000\nSECtest' | openssl dgst -sha256 -hmac SECtest -binary | base64
	if got := DingTalkSign("SECtest", "1626300000000"); got != dingTalkKnownSign {
		t.Fatalf("sign = %s, want %s", got, dingTalkKnownSign)
	}
}

func TestRobotErrcodeIsFailure(t *testing.T) {
	rcv := newReceiver(t, reply{200, `{"errcode":310000,"errmsg":"sign not match"}`})
	_, err := loopbackSender().Send(context.Background(), duban.Webhook{Kind: duban.WebhookDingTalk, URL: rcv.srv.URL}, notice)
	if err == nil || !strings.Contains(err.Error(), "310000") {
		t.Fatalf("err = %v, want errcode 310000", err)
	}
}

func TestGenericJSONCarriesEventAndData(t *testing.T) {
	rcv := newReceiver(t, reply{204, ""})
	if _, err := loopbackSender().Send(context.Background(), duban.Webhook{Kind: duban.WebhookJSON, URL: rcv.srv.URL}, notice); err != nil {
		t.Fatal(err)
	}
	got := rcv.bodies[0]
	data, _ := got["data"].(map[string]any)
	if got["event"] != "notice.issued" || data["number"] != "督办〔2021〕12号" || got["url"] != notice.URL {
		t.Fatalf("json body = %v", got)
	}
}

// memOutbox is an in-memory OutboxService for the dispatcher's tests.
type memOutbox struct {
	mu    sync.Mutex // the dispatcher records hooks' deliveries concurrently
	items []duban.OutboxItem
	log   []duban.Delivery
}

func (m *memOutbox) DueDeliveries(ctx context.Context, now time.Time, limit int) ([]duban.OutboxItem, error) {
	var due []duban.OutboxItem
	for _, it := range m.items {
		if it.DeliveredAt.IsZero() && !it.NextAttempt.IsZero() && !it.NextAttempt.After(now) {
			due = append(due, it)
		}
	}
	return due, nil
}

func (m *memOutbox) RecordDelivery(ctx context.Context, d duban.Delivery, delivered bool, next time.Time) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.log = append(m.log, d)
	for i := range m.items {
		if m.items[i].ID == d.OutboxID {
			m.items[i].Attempts = d.Attempt
			m.items[i].NextAttempt = next
			if delivered {
				m.items[i].DeliveredAt = d.At
			}
		}
	}
	return nil
}

func TestDispatcherRetriesWithBackoff(t *testing.T) {
	rcv := newReceiver(t, reply{500, "busy"}, reply{200, `{"errcode":-1,"errmsg":"system busy"}`}, reply{200, `{"errcode":0}`})
	now := time.Date(2021, 7, 15, 9, 0, 0, 0, time.UTC)
	ob := &memOutbox{items: []duban.OutboxItem{{ID: 1, NextAttempt: now,
		Webhook: duban.Webhook{ID: 7, Kind: duban.WebhookWeCom, URL: rcv.srv.URL}, Message: notice}}}
	d := NewDispatcher(ob, slog.New(slog.NewTextHandler(io.Discard, nil)))
	d.Sender = loopbackSender()
	d.Now = func() time.Time { return now }

	for round, wantDelivered := range []int{0, 0, 1} {
		n, err := d.RunOnce(context.Background())
		if err != nil || n != wantDelivered {
			t.Fatalf("round %d: delivered %d, err %v", round, n, err)
		}
		if n, _ := d.RunOnce(context.Background()); n != 0 || len(ob.log) != round+1 {
			t.Fatalf("round %d: an item was retried before its backoff", round)
		}
		now = ob.items[0].NextAttempt // jump to the scheduled retry
		if round < 2 && ob.items[0].NextAttempt.Sub(ob.log[round].At) != d.Backoff(round+1) {
			t.Fatalf("round %d: retry after %v, want %v", round, ob.items[0].NextAttempt.Sub(ob.log[round].At), d.Backoff(round+1))
		}
	}
	if ob.items[0].DeliveredAt.IsZero() || len(rcv.bodies) != 3 || ob.log[0].Status != 500 || ob.log[2].Error != "" {
		t.Fatalf("delivery log = %+v", ob.log)
	}
}

func TestBackoffDoublesUpToMax(t *testing.T) {
	d := &Dispatcher{BaseBackoff: 30 * time.Second, MaxBackoff: 5 * time.Minute}
	want := []time.Duration{30 * time.Second, time.Minute, 2 * time.Minute, 4 * time.Minute, 5 * time.Minute, 5 * time.Minute}
	for i, w := range want {
		if got := d.Backoff(i + 1); got != w {
			t.Errorf("attempt %d: %v, want %v", i+1, got, w)
		}
	}
}

func TestGivesUpAfterMaxAttempts(t *testing.T) {
	rcv := newReceiver(t, reply{500, "down"})
	now := time.Date(2021, 7, 15, 9, 0, 0, 0, time.UTC)
	ob := &memOutbox{items: []duban.OutboxItem{{ID: 1, Attempts: 2, NextAttempt: now,
		Webhook: duban.Webhook{Kind: duban.WebhookJSON, URL: rcv.srv.URL}, Message: notice}}}
	d := NewDispatcher(ob, slog.New(slog.NewTextHandler(io.Discard, nil)))
	d.Sender = loopbackSender()
	d.Now, d.MaxAttempts = func() time.Time { return now }, 3
	d.RunOnce(context.Background())
	if !ob.items[0].NextAttempt.IsZero() {
		t.Fatalf("item rescheduled at %v after its last attempt", ob.items[0].NextAttempt)
	}
}

// loopbackSender reaches the tests' local receivers: only an allow-list
// lets a sender reach loopback.
func loopbackSender() *Sender { return NewSenderWith(Policy{Allow: []string{"127.0.0.1"}}) }
