// Package notify delivers outbox messages to webhooks: the WeCom group
// robot, the DingTalk custom robot and a generic JSON receiver.
package notify

import (
	"encoding/json"

	"github.com/duban-dev/duban"
)

// payload renders a message in the receiver's own format.
func payload(kind duban.WebhookKind, m duban.Message) ([]byte, error) {
	switch kind {
	case duban.WebhookWeCom:
		// WeCom group robot: {"msgtype":"markdown","markdown":{"content":…}}
		return json.Marshal(map[string]any{
			"msgtype":  "markdown",
			"markdown": map[string]string{"content": markdown(m)},
		})
	case duban.WebhookDingTalk:
		// DingTalk custom robot: {"msgtype":"markdown","markdown":{"title","text"}}
		return json.Marshal(map[string]any{
			"msgtype":  "markdown",
			"markdown": map[string]string{"title": m.Title, "text": markdown(m)},
		})
	default:
		return json.Marshal(m)
	}
}

func markdown(m duban.Message) string {
	s := "### " + m.Title + "\n" + m.Text
	if m.URL != "" {
		s += "\n\n[查看详情](" + m.URL + ")"
	}
	return s
}
