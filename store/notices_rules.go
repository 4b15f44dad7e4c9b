package store

import (
	"cmp"
	"context"
	"database/sql"
	"slices"
	"strings"

	"github.com/duban-dev/duban"
)

// The notice rules judged set-based: one query over the stored statuses
// finds every item that needs a notice (red, overdue or unreported, with
// no open notice listing it, in a plan whose year is open unless closed
// years are asked for), and the notices are written in batches of plans,
// each batch one transaction: notices, their items, one event, one audit
// row and the webhook messages of each notice, all in multi-row inserts.

// ruleBatchPlans is how many plans' notices one transaction writes: on
// the national dataset (2,800 plans, 224 k items) four transactions of
// about 56 k items each, so the fixed cost of a batch (ids, plan locks,
// commit) is paid a few times, not fourteen.
const ruleBatchPlans = 700

// IssueRuleNotices runs one round of the notice rules as of the round's
// day and issues the notices the policy groups the items into. An item
// that another server listed meanwhile (the unique open listing) is taken
// as already issued, not as an error.
func (db *DB) IssueRuleNotices(ctx context.Context, actor *duban.User, r duban.RuleRound) (duban.RoundResult, error) {
	var res duban.RoundResult
	if !supervises(actor) {
		return res, duban.Errorf(duban.EFORBIDDEN, "只有管理员和督查人员可以下发督办单 (only administrators and supervisors issue notices)")
	}
	if r.Policy == "" {
		r.Policy = duban.PolicyPerUnit
	}
	if !r.Policy.Valid() {
		return res, duban.Invalid("督办方式有误 (invalid notice policy)", duban.FieldError{Field: "policy", Message: "须为 unit 或 item (want unit or item)"})
	}
	items, err := db.ruleItems(ctx, r)
	if err != nil {
		return res, wrap(err, "find items needing a notice")
	}
	for _, batch := range byPlanBatches(items, ruleBatchPlans) {
		notices := duban.GroupRuleItems(r.Policy, r.AsOf, batch)
		var got duban.RoundResult
		err := db.write(ctx, func(t *tx) error {
			got, err = t.issueRuleNotices(ctx, actor.Username, r.AsOf, notices)
			return err
		})
		if err != nil {
			return res, wrap(err, "issue rule notices")
		}
		res.Notices += got.Notices
		res.Items += got.Items
	}
	return res, nil
}

// ruleItems is the one query of a round; it returns the items ordered by
// plan, unit, node and indicator.
func (db *DB) ruleItems(ctx context.Context, r duban.RuleRound) ([]duban.RuleItem, error) {
	statuses := duban.RuleStatuses()
	args := make([]any, 0, len(statuses)+3)
	for _, s := range statuses {
		args = append(args, s)
	}
	// The anti-joins run first, over the statuses alone: on a day with
	// nothing new they leave nothing to join to indicators and nodes. The
	// join to indicators is on the id alone (adding plan_id made
	// PostgreSQL expect a few rows and loop over index lookups), and the
	// items are put in order here, not in a sort that spills to disk.
	query := `WITH c AS MATERIALIZED (SELECT s.plan_id, s.indicator_id, s.status, s.progress FROM indicator_status s
		WHERE s.status IN (` + placeholders(len(statuses)) + `)
		AND NOT EXISTS (SELECT 1 FROM notice_items x
			WHERE x.plan_id = s.plan_id AND x.indicator_id = s.indicator_id AND x.is_open)
		AND NOT EXISTS (SELECT 1 FROM notices n WHERE n.indicator_id = s.indicator_id AND n.state <> ?))
		SELECT c.plan_id, c.indicator_id, i.node_id, u.id, u.code, u.name, nd.title, i.name, c.status, c.progress
		FROM c
		JOIN plans p ON p.id = c.plan_id
		JOIN indicators i ON i.id = c.indicator_id
		JOIN nodes nd ON nd.id = i.node_id
		JOIN units u ON u.id = nd.lead_unit_id`
	args = append(args, string(duban.NoticeClosed))
	if !r.ClosedYears {
		query += " WHERE p.period_end >= ?"
		args = append(args, dateArg(r.AsOf))
	}
	var items []duban.RuleItem
	err := db.read(ctx, func(t *tx) error {
		return t.eachRow(ctx, query, args, func(rows *sql.Rows) error {
			var it duban.RuleItem
			err := rows.Scan(&it.PlanID, &it.IndicatorID, &it.NodeID, &it.UnitID, &it.UnitCode, &it.UnitName,
				&it.NodeTitle, &it.Indicator, &it.Status, &it.Progress)
			items = append(items, it)
			return err
		})
	})
	slices.SortFunc(items, func(a, b duban.RuleItem) int {
		return cmp.Or(cmp.Compare(a.PlanID, b.PlanID), cmp.Compare(a.UnitID, b.UnitID), cmp.Compare(a.NodeID, b.NodeID),
			cmp.Compare(a.IndicatorID, b.IndicatorID))
	})
	return items, err
}

// byPlanBatches splits items ordered by plan into runs of at most n plans.
func byPlanBatches(items []duban.RuleItem, n int) [][]duban.RuleItem {
	var out [][]duban.RuleItem
	start, plans := 0, 0
	for i := range items {
		if i > 0 && items[i].PlanID != items[i-1].PlanID {
			plans++
			if plans == n {
				out = append(out, items[start:i])
				start, plans = i, 0
			}
		}
	}
	if start < len(items) {
		out = append(out, items[start:])
	}
	return out
}

// issueRuleNotices writes one batch. It claims the items first, under ids
// taken for the notices (the foreign key to notices is checked at commit),
// so a notice is written only with the items it won and numbered only if
// it won any.
func (t *tx) issueRuleNotices(ctx context.Context, actor string, asOf duban.Date, notices []duban.RuleNotice) (duban.RoundResult, error) {
	var res duban.RoundResult
	ids, err := t.newIDs(ctx, "notices", len(notices))
	if err != nil {
		return res, err
	}
	won, err := t.claimItems(ctx, ids, notices)
	if err != nil {
		return res, err
	}
	var issued []duban.RuleNotice
	for i, rn := range notices {
		kept := slices.DeleteFunc(rn.Items, func(it duban.RuleItem) bool { return !won[[2]int64{ids[i], it.IndicatorID}] })
		if len(kept) == 0 {
			continue
		}
		policy := duban.PolicyPerUnit
		if rn.IndicatorID != 0 {
			policy = duban.PolicyPerItem
		}
		n := duban.GroupRuleItems(policy, asOf, kept)[0]
		n.ID = ids[i]
		issued = append(issued, n)
		res.Items += len(kept)
	}
	if err := t.numberNotices(ctx, asOf.Year(), issued); err != nil {
		return res, err
	}
	res.Notices = len(issued)
	return res, t.writeRuleNotices(ctx, actor, issued)
}

// claimItems lists each notice's items under its id, skipping any item
// already open under the same rule, and returns the (notice, indicator)
// pairs written. On PostgreSQL the items are copied into a temporary table
// and claimed by one INSERT … SELECT: no statement text or parameters per
// item.
func (t *tx) claimItems(ctx context.Context, ids []int64, notices []duban.RuleNotice) (map[[2]int64]bool, error) {
	var rows [][]any
	for i, rn := range notices {
		for _, it := range rn.Items {
			trigger, _, _, _ := duban.RuleTrigger(it.Status)
			rows = append(rows, []any{it.PlanID, ids[i], it.IndicatorID, string(trigger), it.Status, true})
		}
	}
	won := make(map[[2]int64]bool, len(rows))
	scan := func(r *sql.Rows) error {
		var k [2]int64
		err := r.Scan(&k[0], &k[1])
		won[k] = true
		return err
	}
	if t.conn == nil {
		err := t.insertRows(ctx, "notice_items", noticeItemColumns, rows, "ON CONFLICT DO NOTHING RETURNING notice_id, indicator_id", scan)
		return won, err
	}
	if _, err := t.exec(ctx, `CREATE TEMPORARY TABLE rule_claims (plan_id BIGINT, notice_id BIGINT, indicator_id BIGINT,
		rule TEXT, status TEXT, is_open BOOLEAN) ON COMMIT DROP`); err != nil {
		return nil, err
	}
	if err := t.copyFrom(ctx, "rule_claims", noticeItemColumns, rows); err != nil {
		return nil, err
	}
	cols := strings.Join(noticeItemColumns, ", ")
	err := t.eachRow(ctx, "INSERT INTO notice_items ("+cols+") SELECT "+cols+
		" FROM rule_claims ON CONFLICT DO NOTHING RETURNING notice_id, indicator_id", nil, scan)
	return won, mapErr(err)
}

var noticeItemColumns = []string{"plan_id", "notice_id", "indicator_id", "rule", "status", "is_open"}

// numberNotices gives each notice the next numbers of its plan in the
// year; on PostgreSQL the plans are locked first, in id order, as a single
// issue locks its plan.
func (t *tx) numberNotices(ctx context.Context, year int, notices []duban.RuleNotice) error {
	var planIDs []int64
	for _, n := range notices {
		planIDs = append(planIDs, n.PlanID)
	}
	keys := int64Keys(planIDs)
	if len(keys) == 0 {
		return nil
	}
	if t.db.dialect == DialectPostgres {
		if _, err := t.exec(ctx, "SELECT p.id FROM plans p WHERE p.id IN ("+placeholders(len(keys))+") ORDER BY p.id"+
			t.lockRows("p"), keys...); err != nil {
			return err
		}
	}
	last := map[int64]int{}
	err := t.eachRow(ctx, "SELECT plan_id, MAX(seq) FROM notices WHERE year = ? AND plan_id IN ("+
		placeholders(len(keys))+") GROUP BY plan_id", append([]any{year}, keys...), func(r *sql.Rows) error {
		var plan int64
		var seq int
		err := r.Scan(&plan, &seq)
		last[plan] = seq
		return err
	})
	for i := range notices {
		n := &notices[i]
		last[n.PlanID]++
		n.Year, n.Seq = year, last[n.PlanID]
	}
	return err
}
