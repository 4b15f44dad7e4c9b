package store

import (
	"context"
	"database/sql"
	"strconv"
	"strings"
	"time"

	"github.com/duban-dev/duban"
)

var _ duban.OnceSubmitter = (*DB)(nil)

// SubmitReportsOnce submits as SubmitReports does, at most once per user
// and upload key within duban.ReplayWindow: the receipt is written in the
// reports' own transaction, so a repeat (a retry after a timeout, a double
// click, a second identical upload racing the first) writes nothing and
// answers with the reports the first one wrote. A failed upload leaves no
// receipt and may be sent again.
func (db *DB) SubmitReportsOnce(ctx context.Context, actor *duban.User, key duban.UploadKey, ins []duban.ReportInput, today duban.Date) (*duban.UploadResult, error) {
	if actor == nil {
		return nil, duban.Errorf(duban.EUNAUTHORIZED, "请先登录 (sign in first)")
	}
	if key.Kind == "" || key.Key == "" {
		return nil, duban.Invalid("缺少上传标识 (no upload key)", duban.FieldError{Field: "Idempotency-Key", Message: "必填 (required)"})
	}
	if len(ins) == 0 {
		return &duban.UploadResult{Reports: []duban.Report{}}, nil
	}
	res, err := db.submitOnce(ctx, actor, key, ins, today)
	if classify(err) == uniqueViolation {
		// The same upload (or another report of a period) committed
		// meanwhile: look again, now seeing its receipt.
		res, err = db.submitOnce(ctx, actor, key, ins, today)
	}
	if err != nil {
		return nil, submitErr(err)
	}
	return res, nil
}

func (db *DB) submitOnce(ctx context.Context, actor *duban.User, key duban.UploadKey, ins []duban.ReportInput, today duban.Date) (*duban.UploadResult, error) {
	var res duban.UploadResult
	err := db.write(ctx, func(t *tx) error {
		found, err := t.replayUpload(ctx, actor.Username, key, &res)
		if err != nil || found {
			return err
		}
		if res.Reports, err = t.submit(ctx, actor, ins, today, false); err != nil {
			return err
		}
		res.ReceivedAt = t.now
		return t.saveReceipt(ctx, actor.Username, key, res.Reports)
	})
	return &res, err
}

// replayUpload fills res from the receipt of key when there is one within
// the replay window; an older receipt is removed.
func (t *tx) replayUpload(ctx context.Context, username string, key duban.UploadKey, res *duban.UploadResult) (bool, error) {
	var id int64
	var ids, digest string
	var at time.Time
	err := t.queryRow(ctx, `SELECT id, report_ids, received_at, body_digest FROM upload_receipts
		WHERE username = ? AND kind = ? AND upload_key = ?`, username, string(key.Kind), key.Key).Scan(&id, &ids, timeCol{&at}, &digest)
	if isNoRows(err) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	if t.now.Sub(at) > duban.ReplayWindow {
		_, err := t.exec(ctx, "DELETE FROM upload_receipts WHERE id = ?", id)
		return false, err
	}
	if digest != "" && key.Digest != "" && digest != key.Digest {
		return false, duban.KeyReused(at)
	}
	reps, err := t.reportsByID(ctx, parseIDs(ids))
	res.Reports, res.Replayed, res.ReceivedAt = reps, true, at
	return true, err
}

func (t *tx) saveReceipt(ctx context.Context, username string, key duban.UploadKey, reps []duban.Report) error {
	ids := make([]string, len(reps))
	for i, r := range reps {
		ids[i] = strconv.FormatInt(r.ID, 10)
	}
	_, err := t.exec(ctx, `INSERT INTO upload_receipts (username, kind, upload_key, report_ids, received_at, body_digest)
		VALUES (?, ?, ?, ?, ?, ?)`, username, string(key.Kind), key.Key, strings.Join(ids, ","), t.timeValue(t.now), key.Digest)
	return err
}

// reportsByID reads reports with their attachments, in the order of ids.
func (t *tx) reportsByID(ctx context.Context, ids []int64) ([]duban.Report, error) {
	byID := make(map[int64]duban.Report, len(ids))
	err := t.queryIn(ctx, reportSelect+"WHERE r.id IN", int64Keys(ids), "", func(rows *sql.Rows) error {
		r, err := scanReport(rows)
		byID[r.ID] = r
		return err
	})
	if err != nil {
		return nil, err
	}
	out := make([]duban.Report, 0, len(ids))
	for _, id := range ids {
		if r, ok := byID[id]; ok {
			out = append(out, r)
		}
	}
	return out, t.withAttachments(ctx, out)
}

func parseIDs(s string) []int64 {
	var ids []int64
	for f := range strings.SplitSeq(s, ",") {
		if id, err := strconv.ParseInt(f, 10, 64); err == nil {
			ids = append(ids, id)
		}
	}
	return ids
}
