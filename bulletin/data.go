// Package bulletin builds the periodic bulletin (通报) on a plan: an
// overview, progress by area against 序时进度, the red, overdue and
// unreported items, the supervision notices, the unit ranking (争先) and
// what changed since the previous bulletin. Build is pure; the data it
// returns is stored as JSON, compared with by the next bulletin, and
// rendered as printable HTML, PDF (headless Chromium), DOCX and XLSX.
package bulletin

import (
	"github.com/duban-dev/duban"
	"github.com/duban-dev/duban/rank"
	"github.com/duban-dev/duban/status"
)

// Data is everything a bulletin shows. It is stored as JSON; Number and
// Issued are filled from the stored bulletin when it is rendered.
type Data struct {
	PlanID      int64      `json:"plan_id"`
	PlanTitle   string     `json:"plan_title"`
	Issuer      string     `json:"issuer"`
	Period      string     `json:"period"`
	PeriodLabel string     `json:"period_label"` // 2021年6月
	AsOf        duban.Date `json:"as_of"`
	Profile     string     `json:"profile"` // the status profile's description
	Totals      Summary    `json:"totals"`
	// Headline is the plan's top line with the parts it is made of; nil
	// in bulletins stored before it existed.
	Headline   *status.Headline `json:"headline,omitempty"`
	Areas      []Area           `json:"areas"`
	Red        []Item           `json:"red"`
	Overdue    []Item           `json:"overdue"`
	Unreported []Item           `json:"unreported"`
	Notices    Notices          `json:"notices"`
	Ranking    rank.Board       `json:"ranking"`
	// Lights is every item's status, by indicator code, for the next
	// bulletin to compare with.
	Lights  map[string]status.Status `json:"lights"`
	Changes *Changes                 `json:"changes,omitempty"`
	// Outlook is the open problems and the items likely to miss.
	Outlook *Outlook `json:"outlook,omitempty"`

	Number string     `json:"-"` // 二七督〔2021〕7号
	Issued duban.Date `json:"-"` // 成文日期
}

// Summary is an aggregate: items, weighted progress and 序时进度 (0..1),
// the gap in points and the count per status.
type Summary struct {
	Items    int            `json:"items"`
	Progress float64        `json:"progress"`
	Expected float64        `json:"expected"`
	Gap      float64        `json:"gap"`
	Counts   map[string]int `json:"counts"`
}

// Count is the number of items in status s.
func (s Summary) Count(st status.Status) int { return s.Counts[string(st)] }

// Area is one area (领域) of the plan.
type Area struct {
	Code  string `json:"code"`
	Title string `json:"title"`
	Summary
}

// Item is one indicator on a list: red, overdue or unreported.
type Item struct {
	Indicator string        `json:"indicator"`
	Node      string        `json:"node"`
	Title     string        `json:"title"` // the node's title
	Name      string        `json:"name"`  // the indicator's name
	Unit      string        `json:"unit"`
	UnitName  string        `json:"unit_name"`
	Status    status.Status `json:"status"`
	Actual    float64       `json:"actual"`
	Expected  float64       `json:"expected"`
	Deadline  duban.Date    `json:"deadline"`
	Note      string        `json:"note"` // the status explanation
}

// Notices counts the supervision notices: issued and replied in the
// period, and awaiting a reply past their deadline at the as-of date.
type Notices struct {
	Issued  int         `json:"issued"`
	Replied int         `json:"replied"`
	Overdue int         `json:"overdue"`
	Late    []NoticeRow `json:"late"` // the overdue ones
}

// NoticeRow is a notice awaiting a reply past its deadline.
type NoticeRow struct {
	Number   string     `json:"number"`
	UnitName string     `json:"unit_name"`
	Level    string     `json:"level"`
	Issue    string     `json:"issue"`
	ReplyDue duban.Date `json:"reply_due"`
}

// Changes compares with the previous bulletin.
type Changes struct {
	Previous       string   `json:"previous"` // its period label
	PreviousPeriod string   `json:"previous_period"`
	Moves          []Move   `json:"moves"`
	Lights         []Change `json:"lights"`
}

// Move is a unit's change of rank; From or To is 0 for a unit new to or
// gone from the board.
type Move struct {
	Unit string `json:"unit"`
	Name string `json:"name"`
	From int    `json:"from"`
	To   int    `json:"to"`
}

// Up is how many places the unit rose (negative when it fell).
func (m Move) Up() int { return m.From - m.To }

// Change is an item whose light changed.
type Change struct {
	Indicator string        `json:"indicator"`
	Title     string        `json:"title"`
	UnitName  string        `json:"unit_name"`
	From      status.Status `json:"from"`
	To        status.Status `json:"to"`
}

// Better reports whether the item's light improved.
func (c Change) Better() bool { return c.To.Severity() > c.From.Severity() }
