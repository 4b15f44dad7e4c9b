package duban

import (
	"fmt"
	"time"
)

// NoticeState is where a supervision notice (督办单) stands.
type NoticeState string

const (
	NoticeIssued  NoticeState = "issued"  // 已下发
	NoticeSigned  NoticeState = "signed"  // 已签收
	NoticeReplied NoticeState = "replied" // 已反馈
	NoticeClosed  NoticeState = "closed"  // 已办结
)

var noticeStateLabels = map[NoticeState]string{
	NoticeIssued: "已下发", NoticeSigned: "已签收", NoticeReplied: "已反馈", NoticeClosed: "已办结",
}

func (s NoticeState) Valid() bool   { _, ok := noticeStateLabels[s]; return ok }
func (s NoticeState) Label() string { return noticeStateLabels[s] }

// NoticeLevel is how hard a notice presses; it rises when replies are late.
type NoticeLevel int

const (
	LevelRemind    NoticeLevel = 1 // 提醒
	LevelSupervise NoticeLevel = 2 // 督办
	LevelCirculate NoticeLevel = 3 // 通报
	LevelInterview NoticeLevel = 4 // 约谈
)

var levelLabels = map[NoticeLevel]string{
	LevelRemind: "提醒", LevelSupervise: "督办", LevelCirculate: "通报", LevelInterview: "约谈",
}

func (l NoticeLevel) Valid() bool   { _, ok := levelLabels[l]; return ok }
func (l NoticeLevel) Label() string { return levelLabels[l] }

// NoticeTrigger says why a notice was issued.
type NoticeTrigger string

const (
	TriggerLagging NoticeTrigger = "lagging" // the item turned red
	TriggerOverdue NoticeTrigger = "overdue" // the deadline passed
	TriggerMissing NoticeTrigger = "missing" // a report is missing past grace days
	TriggerManual  NoticeTrigger = "manual"  // issued by hand
)

// Notice is a supervision notice addressed to a lead unit.
type Notice struct {
	ID          int64         `json:"id"`
	PlanID      int64         `json:"plan_id"`
	Year        int           `json:"year"`
	Seq         int           `json:"seq"`
	NodeID      int64         `json:"node_id"`
	IndicatorID int64         `json:"indicator_id,omitempty"`
	UnitCode    string        `json:"unit_code"`
	Trigger     NoticeTrigger `json:"trigger"`
	Level       NoticeLevel   `json:"level"`
	State       NoticeState   `json:"state"`
	Issue       string        `json:"issue"`  // 存在问题
	Action      string        `json:"action"` // 整改要求
	ReplyDue    Date          `json:"reply_due"`
	Reply       string        `json:"reply,omitempty"`
	CreatedBy   string        `json:"created_by"`
	CreatedAt   time.Time     `json:"created_at"`
	UpdatedAt   time.Time     `json:"updated_at"`
}

// Number is the notice's official number, e.g. 督办〔2021〕12号.
func (n *Notice) Number() string { return NoticeNumber(n.Year, n.Seq) }

// NoticeNumber formats an official notice number.
func NoticeNumber(year, seq int) string { return fmt.Sprintf("督办〔%d〕%d号", year, seq) }

// NoticeAction is a step in a notice's lifecycle.
type NoticeAction string

const (
	ActSign     NoticeAction = "sign"     // 签收
	ActReply    NoticeAction = "reply"    // 反馈
	ActClose    NoticeAction = "close"    // 办结
	ActEscalate NoticeAction = "escalate" // 升级
)

// Apply moves the notice through its lifecycle or explains why it cannot.
// Escalation raises the level, re-issues the notice and sets a new reply
// deadline; a notice at the top level (约谈) cannot rise further.
func (n *Notice) Apply(act NoticeAction, text string, newDue Date) error {
	bad := func(msg string) error {
		return Errorf(ECONFLICT, "督办单 %s 当前为「%s」，%s", n.Number(), n.State.Label(), msg)
	}
	switch act {
	case ActSign:
		if n.State != NoticeIssued {
			return bad("不能签收 (cannot be signed for)")
		}
		n.State = NoticeSigned
	case ActReply:
		if n.State != NoticeIssued && n.State != NoticeSigned {
			return bad("不能反馈 (cannot be replied to)")
		}
		if text == "" {
			return Invalid("反馈内容必填 (reply required)", FieldError{Field: "reply", Message: "必填 (required)"})
		}
		n.State, n.Reply = NoticeReplied, text
	case ActClose:
		if n.State != NoticeReplied {
			return bad("须先反馈才能办结 (only a replied notice can be closed)")
		}
		n.State = NoticeClosed
	case ActEscalate:
		return n.escalate(newDue)
	default:
		return Invalid("未知操作 (unknown action)", FieldError{Field: "action", Message: string(act)})
	}
	return nil
}

func (n *Notice) escalate(newDue Date) error {
	if n.State == NoticeClosed {
		return Errorf(ECONFLICT, "督办单 %s 已办结，不能升级 (closed)", n.Number())
	}
	if n.Level >= LevelInterview {
		return Errorf(ECONFLICT, "督办单 %s 已是最高等级「约谈」(already at the top level)", n.Number())
	}
	if newDue.IsZero() || !newDue.After(n.ReplyDue) {
		return Invalid("新的反馈期限须晚于原期限 (new reply deadline must be later)",
			FieldError{Field: "reply_due", Message: "须晚于 " + n.ReplyDue.String()})
	}
	n.Level++
	n.State = NoticeIssued
	n.ReplyDue = newDue
	return nil
}

// ReplyOverdue reports whether the notice awaits a reply past its deadline.
func (n *Notice) ReplyOverdue(today Date) bool {
	return (n.State == NoticeIssued || n.State == NoticeSigned) && today.After(n.ReplyDue)
}
