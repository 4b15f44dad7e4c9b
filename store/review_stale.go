package store

import (
	"context"

	"github.com/duban-dev/duban"
)

// refuseStaleApproval refuses to approve a version of a period when a
// newer version of it is submitted or approved (issue 17): the latest
// version of a period is the one that counts, and approving an older one
// afterwards must not look as if it did. A newer version that was returned
// does not block: the older one is then the latest standing.
func (t *tx) refuseStaleApproval(ctx context.Context, r duban.Report) error {
	var newer int
	err := t.queryRow(ctx, `SELECT COALESCE(MAX(version), 0) FROM reports
		WHERE indicator_id = ? AND period = ? AND version > ? AND state IN (?, ?)`,
		r.IndicatorID, r.Period, r.Version, string(duban.Submitted), string(duban.Approved)).Scan(&newer)
	if err != nil {
		return err
	}
	if newer > 0 {
		return duban.Errorf(duban.ECONFLICT,
			"%s 已有更新的第 %d 版填报，不能再审核通过较早的第 %d 版；请审核最新版本，或将本版退回 (a newer version %d of this period exists; approve the latest version or return this one)",
			r.Period, newer, r.Version, newer)
	}
	return nil
}
