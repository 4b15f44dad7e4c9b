package duban

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestRedactURL(t *testing.T) {
	for in, want := range map[string]string{
		"https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a91f6-7a3c-4fd5-9e2b-1c2d3e4f5a6b": "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=***",
		"https://oapi.dingtalk.com/robot/send?access_token=abcdef0123456789":                        "https://oapi.dingtalk.com/robot/send?access_token=***",
		"https://open.feishu.cn/open-apis/bot/v2/hook/0f3e8a4b-1c2d-4e5f-8a9b-0c1d2e3f4a5b":         "https://open.feishu.cn/open-apis/bot/v2/hook/0f3e***",
		"https://user:hunter22@example.com/hook":                                                    "https://user@example.com/hook",
		"http://127.0.0.1:8080/on":                                                                  "http://127.0.0.1:8080/on",
		"https://example.com/hook?page=2&Token=s3cr3t":                                              "https://example.com/hook?Token=***&page=2",
	} {
		if got := RedactURL(in); got != want {
			t.Errorf("RedactURL(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestWebhookJSONHidesTheKey(t *testing.T) {
	w := Webhook{ID: 1, Name: "群", Kind: WebhookWeCom, URL: "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=SECRETKEY-123", Secret: "SECabc"}
	b, err := json.Marshal(w)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(b), "SECRETKEY") || strings.Contains(string(b), "SECabc") || !strings.Contains(string(b), "key=***") {
		t.Fatalf("json = %s", b)
	}
	old := `{"name":"x","url":"https://oapi.dingtalk.com/robot/send?a=1\u0026access_token=tok123"}`
	if got := string(RedactJSON([]byte(old))); strings.Contains(got, "tok123") || !strings.Contains(got, `"name":"x"`) {
		t.Fatalf("RedactJSON = %s", got)
	}
}

func TestEscapeMarkdown(t *testing.T) {
	in := "已整改\n\n### 假标题 [点此领奖](http://evil.example) <font color=\"warning\">**紧急**</font> `x` _y_"
	got := EscapeMarkdown(in)
	for _, bad := range []string{"\n", "[", "](", "http://", "<font", "**", "`", "_y_", "###"} {
		if strings.Contains(got, bad) {
			t.Errorf("escaped text still holds %q: %s", bad, got)
		}
	}
	if !strings.Contains(got, "已整改") || !strings.Contains(got, "点此领奖") {
		t.Errorf("the words were lost: %s", got)
	}
}
