package duban

import "time"

// NoticeEvent is one step in a notice's history: its issue and every
// lifecycle action after, with the state, level and reply deadline it left.
type NoticeEvent struct {
	ID        int64       `json:"id"`
	NoticeID  int64       `json:"notice_id"`
	At        time.Time   `json:"at"`
	Actor     string      `json:"actor"`
	Action    string      `json:"action"` // issue, sign, reply, close, escalate
	FromState NoticeState `json:"from_state,omitempty"`
	ToState   NoticeState `json:"to_state"`
	Level     NoticeLevel `json:"level"`
	ReplyDue  Date        `json:"reply_due,omitzero"`
	Text      string      `json:"text,omitempty"`
}

// AsOf returns the notice as it stood at the instant end: its state, level
// and reply deadline after the last of events (oldest first) at or before
// end. ok is false when it had not been issued by then. A notice without
// events (written by a bulk load) is taken as it stands now.
func (n Notice) AsOf(events []NoticeEvent, end time.Time) (past Notice, ok bool) {
	if n.CreatedAt.After(end) {
		return n, false
	}
	past = n
	for i, e := range events {
		if e.At.After(end) {
			if i == 0 {
				return n, false
			}
			break
		}
		past.State, past.Level = e.ToState, e.Level
		if !e.ReplyDue.IsZero() {
			past.ReplyDue = e.ReplyDue
		}
		past.UpdatedAt = e.At
	}
	if past.State == NoticeIssued || past.State == NoticeSigned {
		past.Reply = ""
	}
	return past, true
}

// RepliedWithin reports whether any of the events is a reply made on a day
// from first to last (dates in loc).
func RepliedWithin(events []NoticeEvent, first, last Date, loc *time.Location) bool {
	for _, e := range events {
		if e.Action != string(ActReply) {
			continue
		}
		if d := DateOf(e.At.In(loc)); !d.Before(first) && !d.After(last) {
			return true
		}
	}
	return false
}
