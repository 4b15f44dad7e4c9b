package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"

	"github.com/duban-dev/duban"
)

// bulletinScheduleArg writes a plan's schedule as JSON, nil as NULL.
func bulletinScheduleArg(s *duban.BulletinSchedule) (any, error) {
	if s == nil {
		return nil, nil
	}
	b, err := json.Marshal(s)
	if err != nil {
		return nil, fmt.Errorf("store: encode bulletin schedule: %w", err)
	}
	return string(b), nil
}

func bulletinSchedule(raw []byte) (*duban.BulletinSchedule, error) {
	if len(raw) == 0 {
		return nil, nil
	}
	var s duban.BulletinSchedule
	if err := json.Unmarshal(raw, &s); err != nil {
		return nil, fmt.Errorf("store: decode bulletin schedule: %w", err)
	}
	return &s, nil
}

const bulletinSelect = `SELECT b.id, b.plan_id, b.year, b.seq, b.period, b.as_of, b.title, b.created_by, b.created_at,
	COALESCE(p.bulletin_schedule, '')`

func scanBulletin(s scanner, data *[]byte) (duban.Bulletin, error) {
	var b duban.Bulletin
	var schedule []byte
	dest := []any{&b.ID, &b.PlanID, &b.Year, &b.Seq, &b.Period, dateCol{&b.AsOf}, &b.Title, &b.CreatedBy,
		timeCol{&b.CreatedAt}, &schedule}
	if data != nil {
		dest = append(dest, data)
	}
	if err := s.Scan(dest...); err != nil {
		return b, err
	}
	sched, err := bulletinSchedule(schedule)
	prefix := ""
	if sched != nil {
		prefix = sched.Prefix
	}
	b.Number = duban.BulletinNumber(prefix, b.Year, b.Seq)
	return b, err
}

// CreateBulletin stores a bulletin, numbered on from the plan's last one in
// the year of its as-of date, audits it and announces it to every active
// webhook, all in one transaction. Only administrators and supervisors
// issue bulletins; a second bulletin on the same period is a conflict.
func (db *DB) CreateBulletin(ctx context.Context, actor *duban.User, in duban.BulletinInput) (*duban.Bulletin, error) {
	if !supervises(actor) {
		return nil, duban.Errorf(duban.EFORBIDDEN, "只有管理员和督查人员可以发布通报 (only administrators and supervisors issue bulletins)")
	}
	if in.Period == "" || in.AsOf.IsZero() || !json.Valid(in.Data) {
		return nil, duban.Invalid("通报内容不完整 (incomplete bulletin)", duban.FieldError{Field: "period", Message: "必填 (required)"})
	}
	var b duban.Bulletin
	err := db.write(ctx, func(t *tx) error {
		if err := t.lockPlan(ctx, in.PlanID); err != nil {
			return err
		}
		if err := t.checkBulletinPeriod(ctx, in.PlanID, in.Period); err != nil {
			return err
		}
		b = duban.Bulletin{PlanID: in.PlanID, Year: in.AsOf.Year(), Period: in.Period, AsOf: in.AsOf, Title: in.Title,
			Data: in.Data, CreatedBy: actor.Username, CreatedAt: t.now}
		if err := t.insertBulletin(ctx, &b); err != nil {
			return err
		}
		if err := t.audit(ctx, actor.Username, "bulletin.create", "bulletin", b.ID, nil, b); err != nil {
			return err
		}
		return t.enqueue(ctx, bulletinMessage(&b))
	})
	if err != nil {
		return nil, wrap(err, "create bulletin")
	}
	return &b, nil
}

// lockPlan checks the plan exists and, on PostgreSQL, locks its row so
// concurrent writers take numbers one after another.
func (t *tx) lockPlan(ctx context.Context, planID int64) error {
	var id int64
	err := t.queryRow(ctx, "SELECT p.id FROM plans p WHERE p.id = ?"+t.lockRows("p"), planID).Scan(&id)
	if isNoRows(err) {
		return notFound("计划", planID)
	}
	return err
}

func (t *tx) checkBulletinPeriod(ctx context.Context, planID int64, period string) error {
	var n int
	if err := t.queryRow(ctx, "SELECT COUNT(*) FROM bulletins WHERE plan_id = ? AND period = ?", planID, period).Scan(&n); err != nil {
		return err
	}
	if n > 0 {
		return duban.Errorf(duban.ECONFLICT, "%s 的通报已发布 (a bulletin on this period already exists)", period)
	}
	return nil
}

func (t *tx) insertBulletin(ctx context.Context, b *duban.Bulletin) error {
	var prefix sql.NullString
	err := t.queryRow(ctx, "SELECT bulletin_schedule FROM plans WHERE id = ?", b.PlanID).Scan(&prefix)
	if err != nil {
		return err
	}
	sched, err := bulletinSchedule([]byte(prefix.String))
	if err != nil {
		return err
	}
	if err := t.queryRow(ctx, "SELECT COALESCE(MAX(seq), 0) + 1 FROM bulletins WHERE plan_id = ? AND year = ?",
		b.PlanID, b.Year).Scan(&b.Seq); err != nil {
		return err
	}
	b.Number = duban.BulletinNumber(schedulePrefix(sched), b.Year, b.Seq)
	b.ID, err = t.insertID(ctx, `INSERT INTO bulletins (plan_id, year, seq, period, as_of, title, data, created_by, created_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`, b.PlanID, b.Year, b.Seq, b.Period, dateArg(b.AsOf), b.Title,
		string(b.Data), b.CreatedBy, t.now)
	return err
}

func schedulePrefix(s *duban.BulletinSchedule) string {
	if s == nil {
		return ""
	}
	return s.Prefix
}

func bulletinMessage(b *duban.Bulletin) duban.Message {
	return duban.Message{
		Event: "bulletin.issued",
		Title: fmt.Sprintf("通报 %s：%s", b.Number, b.Title),
		Text: fmt.Sprintf("### 通报 %s\n%s（%s，数据截至 %s）已印发，请各责任单位查阅。\n\nBulletin %s on %s issued.",
			b.Number, b.Title, b.Period, b.AsOf, b.Number, b.Period),
		URL:  fmt.Sprintf("/api/v1/bulletins/%d.html", b.ID),
		Data: map[string]any{"bulletin_id": b.ID, "plan_id": b.PlanID, "period": b.Period, "number": b.Number},
	}
}

// FindBulletin returns a bulletin with its data, ENOTFOUND if there is none.
func (db *DB) FindBulletin(ctx context.Context, id int64) (*duban.Bulletin, error) {
	return db.oneBulletin(ctx, "WHERE b.id = ?", id)
}

// PreviousBulletin returns the plan's latest bulletin on a period before
// the given one, ENOTFOUND if there is none.
func (db *DB) PreviousBulletin(ctx context.Context, planID int64, period string) (*duban.Bulletin, error) {
	return db.oneBulletin(ctx, "WHERE b.plan_id = ? AND b.period < ? ORDER BY b.period DESC LIMIT 1", planID, period)
}

func (db *DB) oneBulletin(ctx context.Context, where string, args ...any) (*duban.Bulletin, error) {
	var b duban.Bulletin
	err := db.read(ctx, func(t *tx) error {
		var data []byte
		var err error
		b, err = scanBulletin(t.queryRow(ctx, bulletinSelect+", b.data"+bulletinFrom+where, args...), &data)
		if isNoRows(err) {
			return duban.Errorf(duban.ENOTFOUND, "通报不存在 (bulletin not found)")
		}
		b.Data = data
		return err
	})
	if err != nil {
		return nil, wrap(err, "find bulletin")
	}
	return &b, nil
}

const bulletinFrom = " FROM bulletins b JOIN plans p ON p.id = b.plan_id "

// ListBulletins lists a plan's bulletins, newest period first, without
// their data.
func (db *DB) ListBulletins(ctx context.Context, planID int64) ([]duban.Bulletin, error) {
	list := []duban.Bulletin{}
	err := db.read(ctx, func(t *tx) error {
		if _, err := t.findPlan(ctx, planID); err != nil {
			return err
		}
		return t.eachRow(ctx, bulletinSelect+bulletinFrom+"WHERE b.plan_id = ? ORDER BY b.period DESC",
			[]any{planID}, func(rows *sql.Rows) error {
				b, err := scanBulletin(rows, nil)
				list = append(list, b)
				return err
			})
	})
	if err != nil {
		return nil, wrap(err, "list bulletins of plan %d", planID)
	}
	return list, nil
}

var _ duban.BulletinService = (*DB)(nil)
