package notify

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"time"
	"unicode/utf8"

	"github.com/duban-dev/duban"
)

// Sender posts one message to one webhook.
type Sender struct {
	Client *http.Client
	Now    func() time.Time
}

// SendTimeout bounds one delivery, connection to last byte.
const SendTimeout = 10 * time.Second

// maxReply is how much of a receiver's answer is read: enough for a
// robot's {"errcode":…,"errmsg":…}.
const maxReply = 4 << 10

// NewSender returns a sender that refuses loopback, private and metadata
// targets (see Policy).
func NewSender() *Sender { return NewSenderWith(Policy{}) }

// NewSenderWith returns a sender reaching what p allows. It follows no
// redirect (a 3xx is a failed delivery: a redirect could lead anywhere)
// and ignores proxy settings, so the dial-time check sees the real target.
func NewSenderWith(p Policy) *Sender {
	transport := &http.Transport{
		Proxy: nil, DialContext: p.dialContext(5 * time.Second), ForceAttemptHTTP2: true,
		TLSHandshakeTimeout: 5 * time.Second, ResponseHeaderTimeout: SendTimeout, MaxIdleConnsPerHost: 2,
	}
	client := &http.Client{Transport: transport, Timeout: SendTimeout,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	return &Sender{Client: client, Now: time.Now}
}

// Send delivers m and returns the HTTP status (0 when no answer came) and
// an error when the receiver did not accept it. WeCom and DingTalk answer
// 200 with {"errcode":N}: a non-zero errcode is a failure.
func (s *Sender) Send(ctx context.Context, hook duban.Webhook, m duban.Message) (int, error) {
	body, err := payload(hook.Kind, m)
	if err != nil {
		return 0, err
	}
	target, err := s.target(hook)
	if err != nil {
		return 0, err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, target, bytes.NewReader(body))
	if err != nil {
		return 0, err
	}
	req.Header.Set("Content-Type", "application/json; charset=utf-8")
	resp, err := s.Client.Do(req)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	reply, _ := io.ReadAll(io.LimitReader(resp.Body, maxReply))
	if resp.StatusCode/100 != 2 {
		return resp.StatusCode, fmt.Errorf("webhook answered %s", resp.Status)
	}
	if hook.Kind == duban.WebhookWeCom || hook.Kind == duban.WebhookDingTalk {
		return resp.StatusCode, robotError(reply)
	}
	return resp.StatusCode, nil
}

func robotError(reply []byte) error {
	var r struct {
		ErrCode int    `json:"errcode"`
		ErrMsg  string `json:"errmsg"`
	}
	if err := json.Unmarshal(reply, &r); err != nil {
		return fmt.Errorf("robot reply is not JSON: %q", Short(string(reply)))
	}
	if r.ErrCode != 0 {
		return fmt.Errorf("robot errcode %d: %s", r.ErrCode, Short(r.ErrMsg))
	}
	return nil
}

// target adds DingTalk's signature (timestamp and sign) when a secret is set.
func (s *Sender) target(hook duban.Webhook) (string, error) {
	if hook.Kind != duban.WebhookDingTalk || hook.Secret == "" {
		return hook.URL, nil
	}
	u, err := url.Parse(hook.URL)
	if err != nil {
		return "", err
	}
	ts := strconv.FormatInt(s.Now().UnixMilli(), 10)
	q := u.Query()
	q.Set("timestamp", ts)
	q.Set("sign", DingTalkSign(hook.Secret, ts))
	u.RawQuery = q.Encode()
	return u.String(), nil
}

// DingTalkSign is base64(HMAC-SHA256(secret, timestamp+"\n"+secret)).
func DingTalkSign(secret, timestamp string) string {
	mac := hmac.New(sha256.New, []byte(secret))
	mac.Write([]byte(timestamp + "\n" + secret))
	return base64.StdEncoding.EncodeToString(mac.Sum(nil))
}

// MaxStatusBytes is the most of a delivery's outcome that is kept.
const MaxStatusBytes = 200

// Short cuts s to MaxStatusBytes at a character boundary.
func Short(s string) string {
	if len(s) <= MaxStatusBytes {
		return s
	}
	cut := MaxStatusBytes
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "…"
}
