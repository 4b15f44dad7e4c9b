// Package rank scores responsible units for a period (争先排名): how far
// their items are against 序时进度, how punctually they report, how many of
// their items are red or overdue and how many supervision notices they left
// unanswered past the deadline. It is pure: every function takes its facts
// and returns a scoreboard; nothing reads a clock or a database.
package rank

import (
	"github.com/duban-dev/duban"
	"github.com/duban-dev/duban/status"
)

// Item is one indicator's judgement, attributed to its lead unit.
type Item struct {
	Unit     string        `json:"unit"`
	Status   status.Status `json:"status"`
	Actual   float64       `json:"actual"`   // 0..1
	Expected float64       `json:"expected"` // 序时进度, 0..1
}

// ReportFact is one report that fell due in the period: the lead unit, the
// day it was due and the day it arrived (zero when it has not).
type ReportFact struct {
	Unit      string     `json:"unit"`
	Due       duban.Date `json:"due"`
	Submitted duban.Date `json:"submitted"`
}

// OnTime reports whether the report arrived by its due day.
func (f ReportFact) OnTime() bool { return !f.Submitted.IsZero() && !f.Submitted.After(f.Due) }

// NoticeFact is one supervision notice addressed to a unit.
type NoticeFact struct {
	Unit         string `json:"unit"`
	ReplyOverdue bool   `json:"reply_overdue"`
}

// Input is everything a scoreboard is made of. Names maps unit codes to
// the names shown; a unit with no name shows its code.
type Input struct {
	Items   []Item
	Reports []ReportFact
	Notices []NoticeFact
	Names   map[string]string
}
