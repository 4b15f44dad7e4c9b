package bulletin

import (
	"context"

	"github.com/duban-dev/duban"
)

// IssueAsOf is the day a bulletin on the period is made as of: asOf when
// given, else the period's end, or today while the period runs. A period
// not yet begun is refused; one not yet ended (or a day before its end) is
// refused unless forced, because its figures are not final.
func IssueAsOf(period string, asOf, today duban.Date, force bool) (duban.Date, error) {
	p, err := ParsePeriod(period)
	if err != nil {
		return duban.Date{}, err
	}
	if p.Start.After(today) {
		return duban.Date{}, duban.Invalid("通报期尚未开始 (the period has not begun)",
			duban.FieldError{Field: "period", Message: "通报期 " + p.String() + " 自 " + p.Start.String() + " 开始，晚于今天 " + today.String()})
	}
	if asOf.IsZero() {
		asOf = p.End
		if p.End.After(today) {
			asOf = today
		}
	}
	if asOf.Before(p.End) && !force {
		return duban.Date{}, duban.Invalid("通报期尚未结束，数据不完整 (the period has not ended; set force to issue anyway)",
			duban.FieldError{Field: "period", Message: "通报期 " + p.String() + " 至 " + p.End.String() +
				" 结束，数据截至 " + asOf.String() + "，尚不完整；确需发布请选择「强制发布」"})
	}
	return asOf, nil
}

// Draft builds the bulletin that Create would issue, without storing it or
// giving it a number: the preview before the confirmation.
func (s *Service) Draft(ctx context.Context, planID int64, period string, asOf, today duban.Date) (*Data, error) {
	d, err := s.Prepare(ctx, planID, period, asOf)
	if err != nil {
		return nil, err
	}
	d.Preview(today)
	return d, nil
}
