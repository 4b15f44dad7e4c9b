package duban

import "strings"

// markdownLookalikes turns the characters WeCom and DingTalk markdown act
// on into their full-width forms, which read the same in Chinese text but
// do nothing: a reply cannot add a link, a heading, emphasis, a <font> tag
// or a clickable URL to a robot message.
var markdownLookalikes = strings.NewReplacer(
	"[", "［", "]", "］", "(", "（", ")", "）", "*", "＊", "_", "＿", "`", "｀", "#", "＃",
	"<", "＜", ">", "＞", "|", "｜", "~", "～", "!", "！", "\\", "＼", "://", "：//",
	"\r\n", " ", "\n", " ", "\r", " ",
)

// EscapeMarkdown makes user-written text (a unit's reply, a reason) safe
// to place inside a robot's markdown message: one line, no markup.
func EscapeMarkdown(s string) string { return markdownLookalikes.Replace(s) }
