package duban

import (
	"context"
	"encoding/json"
	"fmt"
	"time"
)

// BulletinSchedule says when a plan's bulletins (通报) fall due: for each
// period of Cadence (monthly or quarterly), on day Day of the following
// period, a bulletin on the period just ended. Prefix and Issuer head the
// document: 发文字号 "二七督〔2021〕7号" and the issuing office.
type BulletinSchedule struct {
	Cadence Cadence `json:"cadence"`
	Day     int     `json:"day"`
	Prefix  string  `json:"prefix,omitempty"`
	Issuer  string  `json:"issuer,omitempty"`
}

// DefaultBulletinPrefix heads the 发文字号 of plans that set no prefix.
const DefaultBulletinPrefix = "督查通报"

// Validate checks the schedule's fields; field names are under "bulletin.".
func (s *BulletinSchedule) Validate() []FieldError {
	var errs []FieldError
	if s.Cadence != Monthly && s.Cadence != Quarterly {
		errs = append(errs, FieldError{Field: "bulletin.cadence", Message: "须为 monthly 或 quarterly (want monthly or quarterly)"})
	}
	if s.Day < 1 || s.Day > 28 {
		errs = append(errs, FieldError{Field: "bulletin.day", Message: "须为 1 到 28 (want 1 to 28)"})
	}
	return errs
}

// Due returns the period a bulletin should now cover and whether it is due:
// the period before the one holding now, once now has reached the
// schedule's day (the day of the month, or of the quarter for quarterly
// schedules), unless last (the latest bulletin's period, "" for none)
// already covers it or a later period.
func Due(s BulletinSchedule, last string, now time.Time) (Period, bool) {
	today := DateOf(now)
	current := PeriodOf(s.Cadence, today)
	p := current.Prev()
	if s.Cadence != Monthly && s.Cadence != Quarterly || s.Day < 1 {
		return p, false
	}
	if current.Start.DaysUntil(today)+1 < s.Day {
		return p, false
	}
	return p, last == "" || last < p.String()
}

// BulletinDue is Due limited to the plan's span: no bulletin is due on a
// period outside the plan's dates, nor for a plan without a schedule.
func (p *Plan) BulletinDue(last string, now time.Time) (Period, bool) {
	if p.Bulletin == nil {
		return Period{}, false
	}
	per, due := Due(*p.Bulletin, last, now)
	if per.End.Before(p.PeriodStart) || per.Start.After(p.PeriodEnd) {
		return per, false
	}
	return per, due
}

// Bulletin is a stored bulletin: its number within the plan and year, its
// period and as-of date, and the data it was built from (JSON), which the
// next bulletin compares with and from which every format is rendered.
type Bulletin struct {
	ID        int64           `json:"id"`
	PlanID    int64           `json:"plan_id"`
	Year      int             `json:"year"`
	Seq       int             `json:"seq"`
	Number    string          `json:"number"` // 二七督〔2021〕7号
	Period    string          `json:"period"` // 2021-06 or 2021-Q2
	AsOf      Date            `json:"as_of"`
	Title     string          `json:"title"`
	Data      json.RawMessage `json:"-"`
	CreatedBy string          `json:"created_by"`
	CreatedAt time.Time       `json:"created_at"`
}

// BulletinNumber formats a 发文字号.
func BulletinNumber(prefix string, year, seq int) string {
	if prefix == "" {
		prefix = DefaultBulletinPrefix
	}
	return fmt.Sprintf("%s〔%d〕%d号", prefix, year, seq)
}

// BulletinInput is a bulletin to store. Year is the year it is numbered
// in (the as-of date's year).
type BulletinInput struct {
	PlanID int64
	Period string
	AsOf   Date
	Title  string
	Data   json.RawMessage
}

// BulletinService stores bulletins; creating one is audited and announced
// through the outbox in the same transaction.
type BulletinService interface {
	CreateBulletin(ctx context.Context, actor *User, in BulletinInput) (*Bulletin, error)
	FindBulletin(ctx context.Context, id int64) (*Bulletin, error)
	// ListBulletins lists a plan's bulletins, newest period first, without
	// their data.
	ListBulletins(ctx context.Context, planID int64) ([]Bulletin, error)
	// PreviousBulletin returns the plan's latest bulletin on a period before
	// the given one, ENOTFOUND if there is none.
	PreviousBulletin(ctx context.Context, planID int64, period string) (*Bulletin, error)
}
