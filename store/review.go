package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"github.com/duban-dev/duban"
)

const (
	reportFields = `SELECT r.id, r.plan_id, r.indicator_id, u.code, r.period, r.version, r.value,
	r.note, r.state, r.investment, r.stage, r.return_reason, r.submitted_by, r.submitted_at,
	r.reviewed_by, r.reviewed_at, r.milestones_done`
	reportFrom   = " FROM reports r JOIN units u ON u.id = r.unit_id "
	reportSelect = reportFields + reportFrom
)

func scanReport(s scanner, extra ...any) (duban.Report, error) {
	var r duban.Report
	var reviewedAt time.Time
	dest := []any{&r.ID, &r.PlanID, &r.IndicatorID, &r.UnitCode, &r.Period, &r.Version, &r.Value,
		&r.Note, &r.State, &r.Investment, &r.Stage, &r.ReturnReason, &r.SubmittedBy, timeCol{&r.SubmittedAt},
		&r.ReviewedBy, timeCol{&reviewedAt}, &r.MilestonesDone}
	if err := s.Scan(append(dest, extra...)...); err != nil {
		return r, err
	}
	if !reviewedAt.IsZero() {
		r.ReviewedAt = &reviewedAt
	}
	return r, nil
}

var reportStateLabels = map[duban.ReportState]string{
	duban.Draft: "草稿", duban.Submitted: "待审核", duban.Approved: "已通过", duban.Returned: "已退回",
}

// FindReport returns one report version, ENOTFOUND if there is none.
func (db *DB) FindReport(ctx context.Context, id int64) (*duban.Report, error) {
	var r duban.Report
	err := db.read(ctx, func(t *tx) error {
		var err error
		if r, err = t.findReport(ctx, id, ""); err != nil {
			return err
		}
		r.Attachments, err = t.reportAttachments(ctx, r.ID)
		return err
	})
	if err != nil {
		return nil, wrap(err, "find report %d", id)
	}
	return &r, nil
}

func (t *tx) findReport(ctx context.Context, id int64, lock string) (duban.Report, error) {
	r, err := scanReport(t.queryRow(ctx, reportSelect+"WHERE r.id = ?"+lock, id))
	if isNoRows(err) {
		return r, duban.Errorf(duban.ENOTFOUND, "填报不存在 (report not found): %d", id)
	}
	return r, err
}

// ListReportsFiltered lists report versions, newest first, with the total
// that match the filter.
func (db *DB) ListReportsFiltered(ctx context.Context, f duban.ReportFilter) ([]duban.Report, int, error) {
	page := f.Page.Normalize()
	count, query, args := db.reportListQueries(f)
	list := []duban.Report{}
	var total int
	err := db.read(ctx, func(t *tx) error {
		if err := t.queryRow(ctx, count, args...).Scan(&total); err != nil {
			return err
		}
		err := t.eachRow(ctx, query, append(args, page.PerPage, page.Offset()), func(rows *sql.Rows) error {
			r, err := scanReport(rows)
			list = append(list, r)
			return err
		})
		if err != nil {
			return err
		}
		return t.withAttachments(ctx, list)
	})
	if err != nil {
		return nil, 0, wrap(err, "list reports")
	}
	return list, total, nil
}

// ReportAttachments returns the file ids attached to a report, in order.
func (db *DB) ReportAttachments(ctx context.Context, reportID int64) ([]string, error) {
	ids := []string{}
	err := db.read(ctx, func(t *tx) error {
		return t.eachRow(ctx, "SELECT file_id FROM report_attachments WHERE report_id = ? ORDER BY position",
			[]any{reportID}, func(rows *sql.Rows) error {
				var id string
				err := rows.Scan(&id)
				ids = append(ids, id)
				return err
			})
	})
	if err != nil {
		return nil, wrap(err, "list attachments of report %d", reportID)
	}
	return ids, nil
}

// ReviewReport approves or returns a submitted report. Only administrators
// and supervisors review; returning needs a reason. A returned report
// notifies the webhooks.
func (db *DB) ReviewReport(ctx context.Context, actor *duban.User, id int64, approve bool, reason string) (*duban.Report, error) {
	if actor == nil || (actor.Role != duban.RoleAdmin && actor.Role != duban.RoleSupervisor) {
		return nil, duban.Errorf(duban.EFORBIDDEN, "只有管理员和督查人员可以审核填报 (only administrators and supervisors review reports)")
	}
	reason = strings.TrimSpace(reason)
	if !approve && reason == "" {
		return nil, duban.Invalid("退回须说明理由 (a return needs a reason)", duban.FieldError{Field: "reason", Message: "必填 (required)"})
	}
	var after duban.Report
	err := db.write(ctx, func(t *tx) error {
		before, err := t.findReport(ctx, id, t.lockRows("r"))
		if err != nil {
			return err
		}
		if before.Attachments, err = t.reportAttachments(ctx, before.ID); err != nil {
			return err
		}
		if before.State != duban.Submitted {
			return duban.Errorf(duban.ECONFLICT, "该填报当前为「%s」，只能审核待审核的填报 (only a submitted report can be reviewed)",
				reportStateLabels[before.State])
		}
		if approve {
			if err := t.refuseStaleApproval(ctx, before); err != nil {
				return err
			}
		}
		after = reviewed(before, actor.Username, approve, reason, t.now)
		if err := t.saveReview(ctx, before, after); err != nil {
			return err
		}
		return t.refreshIndicators(ctx, []int64{after.IndicatorID}, statusActor)
	})
	if err != nil {
		return nil, wrap(err, "review report %d", id)
	}
	return &after, nil
}

func reviewed(r duban.Report, reviewer string, approve bool, reason string, now time.Time) duban.Report {
	at := now
	r.ReviewedBy, r.ReviewedAt = reviewer, &at
	if approve {
		r.State = duban.Approved
	} else {
		r.State, r.ReturnReason = duban.Returned, reason
	}
	return r
}

func (t *tx) saveReview(ctx context.Context, before, after duban.Report) error {
	_, err := t.exec(ctx, "UPDATE reports SET state = ?, return_reason = ?, reviewed_by = ?, reviewed_at = ? WHERE id = ?",
		string(after.State), after.ReturnReason, after.ReviewedBy, nullTimeArg(after.ReviewedAt), after.ID)
	if err != nil {
		return err
	}
	action := "report.approve"
	if after.State == duban.Returned {
		action = "report.return"
	}
	if err := t.audit(ctx, after.ReviewedBy, action, "report", after.ID, before, after); err != nil {
		return err
	}
	if after.State != duban.Returned {
		return nil
	}
	msg, err := t.returnedMessage(ctx, after)
	if err != nil {
		return err
	}
	return t.enqueue(ctx, msg)
}

// returnedMessage tells the unit its report was returned and why.
func (t *tx) returnedMessage(ctx context.Context, r duban.Report) (duban.Message, error) {
	var indicator, unit string
	err := t.queryRow(ctx, `SELECT i.name, u.name FROM indicators i, units u WHERE i.id = ? AND u.code = ?`,
		r.IndicatorID, r.UnitCode).Scan(&indicator, &unit)
	if err != nil {
		return duban.Message{}, err
	}
	text := fmt.Sprintf("**责任单位**：%s\n\n**指标**：%s\n\n**报送期**：%s（第 %d 版）\n\n**退回理由**：%s\n\n**审核人**：%s",
		unit, indicator, r.Period, r.Version, r.ReturnReason, r.ReviewedBy)
	return duban.Message{
		Event: "report.returned",
		Title: fmt.Sprintf("填报被退回：%s %s", indicator, r.Period),
		Text:  text,
		Data: map[string]any{"report_id": r.ID, "plan_id": r.PlanID, "indicator_id": r.IndicatorID,
			"unit_code": r.UnitCode, "period": r.Period, "version": r.Version, "reason": r.ReturnReason},
	}, nil
}
