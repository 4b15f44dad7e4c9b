package store

import (
	"cmp"
	"context"
	"database/sql"
	"fmt"
	"slices"
	"time"

	"github.com/duban-dev/duban"
)

// submission is one checked input with what writing it needs.
type submission struct {
	in          *duban.ReportInput
	target      *duban.ReportTarget
	unitID      int64
	periodStart duban.Date
}

type periodKey struct {
	indicatorID int64
	period      string
}

// SubmitReports checks every input with duban.CheckReport and writes them
// as new versions in one transaction. If any row fails, nothing is written
// and the one error lists every bad row (FieldError.Row, 1-based); a row the
// actor may not report on makes the whole batch EFORBIDDEN. A version is one
// more than the highest stored for the indicator and period; the unit is the
// node's lead unit.
func (db *DB) SubmitReports(ctx context.Context, actor *duban.User, ins []duban.ReportInput, today duban.Date) ([]duban.Report, error) {
	return db.submit(ctx, actor, ins, today, false)
}

// SubmitReport submits one report as SubmitReports does, except that an
// unknown indicator is ENOTFOUND rather than a field error.
func (db *DB) SubmitReport(ctx context.Context, actor *duban.User, in duban.ReportInput, today duban.Date) (*duban.Report, error) {
	reps, err := db.submit(ctx, actor, []duban.ReportInput{in}, today, true)
	if err != nil {
		return nil, err
	}
	return &reps[0], nil
}

func (db *DB) submit(ctx context.Context, actor *duban.User, ins []duban.ReportInput, today duban.Date, single bool) ([]duban.Report, error) {
	if actor == nil {
		return nil, duban.Errorf(duban.EUNAUTHORIZED, "请先登录 (sign in first)")
	}
	if len(ins) == 0 {
		return []duban.Report{}, nil
	}
	var out []duban.Report
	err := db.write(ctx, func(t *tx) error {
		var err error
		out, err = t.submit(ctx, actor, ins, today, single)
		return err
	})
	return out, submitErr(err)
}

// submitErr names a concurrent submission of the same period a conflict.
func submitErr(err error) error {
	if classify(err) == uniqueViolation {
		return fmt.Errorf("%w: %w", duban.Errorf(duban.ECONFLICT,
			"另一份同期填报正在提交，请重试 (another report for the period was submitted at the same time; retry)"), err)
	}
	if err != nil {
		return wrap(err, "submit reports")
	}
	return nil
}

// submit writes the inputs as new versions inside t.
func (t *tx) submit(ctx context.Context, actor *duban.User, ins []duban.ReportInput, today duban.Date, single bool) ([]duban.Report, error) {
	ids := make([]int64, len(ins))
	for i := range ins {
		ids[i] = ins[i].IndicatorID
	}
	targets, err := t.batchTargets(ctx, ids)
	if err != nil {
		return nil, err
	}
	if targets.files, err = t.loadFiles(ctx, attachmentIDs(ins)); err != nil {
		return nil, err
	}
	if _, ok := targets.target(ins[0].IndicatorID); single && !ok {
		return nil, notFound("指标", ins[0].IndicatorID)
	}
	versions, err := t.latestVersions(ctx, ins)
	if err != nil {
		return nil, err
	}
	var out []duban.Report
	if t.db.overlaps(len(ins)) {
		if out, err = t.submitOverlapped(ctx, batch{actor, today, targets, versions}, ins); err != nil {
			return nil, err
		}
		return out, t.refreshIndicators(ctx, countedIndicators(out), statusActor)
	}
	subs, err := checkSubmissions(ins, targets, actor, today)
	if err != nil {
		return nil, err
	}
	out = newReports(subs, versions, targets.files, actor.Username, t.now)
	if err := t.writeSubmissions(ctx, subs, out, actor.Username); err != nil {
		return nil, err
	}
	return out, t.refreshIndicators(ctx, countedIndicators(out), statusActor)
}

// batchTargets reads the targets of a batch: through the cache on SQLite,
// locking the indicators on PostgreSQL.
func (t *tx) batchTargets(ctx context.Context, ids []int64) (*targetSet, error) {
	if t.db.targets != nil {
		return t.loadTargetsCached(ctx, ids)
	}
	return t.loadTargets(ctx, ids, true)
}

// checkSubmissions checks every row and gathers the errors of all of them.
func checkSubmissions(ins []duban.ReportInput, targets *targetSet, actor *duban.User, today duban.Date) ([]submission, error) {
	subs := make([]submission, len(ins))
	var errs rowErrors
	for i := range ins {
		sub, err := checkSubmission(&ins[i], targets, actor, today)
		if err != nil {
			errs.add(i+1, err)
			continue
		}
		subs[i] = sub
	}
	return subs, errs.err()
}

// rowErrors gathers the errors of a batch's rows (1-based row numbers).
type rowErrors struct{ invalid, forbidden []duban.FieldError }

func (e *rowErrors) add(row int, err error) {
	if duban.ErrorCode(err) == duban.EFORBIDDEN {
		e.forbidden = append(e.forbidden, duban.FieldError{Row: row, Field: "indicator_id", Message: duban.ErrorMessage(err)})
		return
	}
	for _, f := range duban.ErrorFields(err) {
		f.Row = row
		e.invalid = append(e.invalid, f)
	}
}

func (e *rowErrors) empty() bool { return len(e.invalid) == 0 && len(e.forbidden) == 0 }

// err is nil without errors; EFORBIDDEN if any row may not be written by
// the actor, else EINVALID listing every bad row, in row order.
func (e *rowErrors) err() error {
	byRow := func(a, b duban.FieldError) int { return cmp.Compare(a.Row, b.Row) }
	slices.SortStableFunc(e.forbidden, byRow)
	slices.SortStableFunc(e.invalid, byRow)
	if len(e.forbidden) > 0 {
		return &duban.Error{Code: duban.EFORBIDDEN, Fields: e.forbidden,
			Message: fmt.Sprintf("第 %d 行：%s", e.forbidden[0].Row, e.forbidden[0].Message)}
	}
	if len(e.invalid) > 0 {
		return duban.Invalid(fmt.Sprintf("填报内容有误，首个错误在第 %d 行 (invalid reports; first at row %d)",
			e.invalid[0].Row, e.invalid[0].Row), e.invalid...)
	}
	return nil
}

// maxAttachments bounds the files of one report.
const maxAttachments = 20

func checkSubmission(in *duban.ReportInput, targets *targetSet, actor *duban.User, today duban.Date) (submission, error) {
	target, ok := targets.target(in.IndicatorID)
	if !ok {
		return submission{}, duban.Invalid("指标不存在 (unknown indicator)", duban.FieldError{Field: "indicator_id",
			Message: fmt.Sprintf("指标 %d 不存在 (unknown indicator)", in.IndicatorID)})
	}
	if err := duban.CheckReport(in, target, actor, today); err != nil {
		return submission{}, err
	}
	var errs []duban.FieldError
	unitID, ok := targets.unitIDs[target.Node.LeadUnit]
	if !ok {
		errs = append(errs, duban.FieldError{Field: "indicator_id",
			Message: "该事项未指定牵头单位，无法填报 (the item has no lead unit)"})
	}
	for i, id := range in.Attachments {
		if _, ok := targets.files[id]; !ok {
			errs = append(errs, duban.FieldError{Field: fmt.Sprintf("attachments[%d]", i),
				Message: "附件不存在，请先上传 (unknown file; upload it first)"})
		}
	}
	if len(in.Attachments) > maxAttachments {
		errs = append(errs, duban.FieldError{Field: "attachments", Message: "附件不能超过 20 个 (at most 20 files)"})
	}
	if len(errs) > 0 {
		return submission{}, duban.Invalid("填报内容有误 (invalid report)", errs...)
	}
	p, err := duban.ParsePeriod(target.Indicator.Cadence, in.Period)
	if err != nil {
		return submission{}, duban.Invalid("填报内容有误 (invalid report)", duban.FieldError{Field: "period", Message: err.Error()})
	}
	return submission{in: in, target: target, unitID: unitID, periodStart: p.Start}, nil
}

// latestVersions returns the highest stored version per indicator and
// period of the inputs, reading only their periods when there are few.
func (t *tx) latestVersions(ctx context.Context, ins []duban.ReportInput) (map[periodKey]int, error) {
	ids := make([]int64, len(ins))
	seen := map[string]bool{}
	var periods []any
	for i := range ins {
		ids[i] = ins[i].IndicatorID
		if p := ins[i].Period; !seen[p] {
			seen[p] = true
			periods = append(periods, p)
		}
	}
	prefix := "SELECT indicator_id, period, MAX(version) FROM reports WHERE"
	if len(periods) > maxPeriodFilter {
		periods = nil
	} else {
		prefix += " period IN (" + placeholders(len(periods)) + ") AND"
	}
	versions := map[periodKey]int{}
	err := t.queryInAfter(ctx, prefix+" indicator_id IN", periods, int64Keys(ids), "GROUP BY indicator_id, period",
		func(rows *sql.Rows) error {
			var k periodKey
			var v int
			err := rows.Scan(&k.indicatorID, &k.period, &v)
			versions[k] = v
			return err
		})
	return versions, err
}

// maxPeriodFilter is the most distinct periods latestVersions names in its
// query; a batch over more reads every period of its indicators.
const maxPeriodFilter = 24

// newReports builds the reports to write, numbering versions on from the
// stored ones, also within the batch.
func newReports(subs []submission, versions map[periodKey]int, files map[string]duban.File, username string, now time.Time) []duban.Report {
	out := make([]duban.Report, len(subs))
	for i, s := range subs {
		k := periodKey{s.in.IndicatorID, s.in.Period}
		versions[k]++
		r := duban.Report{PlanID: s.target.Plan.ID, IndicatorID: k.indicatorID, UnitCode: s.target.Node.LeadUnit,
			Period: k.period, Version: versions[k], Value: s.in.Value, Note: s.in.Note, State: duban.Submitted,
			Investment: s.in.Investment, Stage: s.in.Stage, SubmittedBy: username, SubmittedAt: now}
		if s.in.Draft {
			r.State = duban.Draft
		}
		if s.in.MilestonesDone != nil {
			r.MilestonesDone = *s.in.MilestonesDone
		}
		r.Attachments = attachmentsOf(s.in.Attachments, files)
		out[i] = r
	}
	return out
}

func attachmentsOf(ids []string, files map[string]duban.File) []duban.Attachment {
	if len(ids) == 0 {
		return nil
	}
	out := make([]duban.Attachment, len(ids))
	for i, id := range ids {
		f := files[id]
		out[i] = duban.Attachment{ID: f.ID, Name: f.Name, ContentType: f.ContentType, Size: f.Size}
	}
	return out
}

// countedIndicators lists the indicators of the reports that count for
// status (submitted, not drafts): their stored status may change.
func countedIndicators(reps []duban.Report) []int64 {
	var ids []int64
	for _, r := range reps {
		if r.State != duban.Draft {
			ids = append(ids, r.IndicatorID)
		}
	}
	return ids
}
