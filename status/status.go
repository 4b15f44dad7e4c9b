// Package status is the pure status engine: expected progress (序时进度),
// actual progress, red/yellow/green status with explanations, rollups over
// the plan tree and units, and consistency checks. Every function takes its
// inputs and an as-of date; nothing here reads a clock, a database or the
// network.
package status

// Status is the judgement on one indicator at a date.
type Status string

const (
	NotStarted  Status = "not_started"
	OnTrack     Status = "on_track"
	Warning     Status = "warning"
	Lagging     Status = "lagging"
	Overdue     Status = "overdue"
	Done        Status = "done"
	NotReported Status = "not_reported"
)

// Statuses lists every status from most to least severe. Rollups report the
// worst descendant by this order: a missed deadline outranks a red light, a
// red light outranks a missing report (the data is stale but the item may be
// fine), and a missing report outranks a yellow light. Done ranks last
// because it needs no attention.
var Statuses = []Status{Overdue, Lagging, NotReported, Warning, OnTrack, NotStarted, Done}

type statusInfo struct {
	zh, en, colour, hex string
}

var statusInfos = map[Status]statusInfo{
	NotStarted:  {"未开始", "not started", "grey", "#9e9e9e"},
	OnTrack:     {"正常", "on track", "green", "#2e7d32"},
	Warning:     {"预警", "warning", "yellow", "#f9a825"},
	Lagging:     {"滞后", "lagging", "red", "#c62828"},
	Overdue:     {"逾期", "overdue", "darkred", "#7f0000"},
	Done:        {"已完成", "done", "blue", "#1565c0"},
	NotReported: {"未报送", "not reported", "orange", "#ef6c00"},
}

// Valid reports whether s is one of the statuses above.
func (s Status) Valid() bool { _, ok := statusInfos[s]; return ok }

// Label is the Chinese name: 正常, 预警, 滞后 …
func (s Status) Label() string { return statusInfos[s].zh }

// LabelEN is the English name.
func (s Status) LabelEN() string { return statusInfos[s].en }

// Colour names the light: green, yellow, red, darkred, orange, blue, grey.
func (s Status) Colour() string { return statusInfos[s].colour }

// Hex is a CSS colour for the light.
func (s Status) Hex() string { return statusInfos[s].hex }

// Severity is 0 for the most severe status (overdue) and grows towards done;
// unknown statuses sort after every known one.
func (s Status) Severity() int {
	switch s { // a switch, not a search of Statuses: rollups call this per item
	case Overdue:
		return 0
	case Lagging:
		return 1
	case NotReported:
		return 2
	case Warning:
		return 3
	case OnTrack:
		return 4
	case NotStarted:
		return 5
	case Done:
		return 6
	}
	return len(Statuses)
}

// Worse reports whether s needs attention before o.
func (s Status) Worse(o Status) bool { return s.Severity() < o.Severity() }
