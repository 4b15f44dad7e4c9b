package duban

// EscalationReplyDays is the reply time a notice gets when it is escalated
// because its reply is overdue.
const EscalationReplyDays = 7

// EscalationNote is the text recorded with an automatic escalation.
const EscalationNote = "反馈逾期，自动升级 (reply overdue; escalated automatically)"

// EscalateOverdue raises a notice whose reply is overdue on today one level
// (提醒 → 督办 → 通报 → 约谈) with a reply deadline EscalationReplyDays
// from today. It reports false, changing nothing, when the reply is not
// overdue or the notice is already at the top level.
func (n *Notice) EscalateOverdue(today Date) bool {
	if !n.ReplyOverdue(today) || n.Level >= LevelInterview {
		return false
	}
	return n.escalate(today.AddDays(EscalationReplyDays)) == nil
}
