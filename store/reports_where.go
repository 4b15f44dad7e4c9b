package store

import (
	"strings"

	"github.com/duban-dev/duban"
)

// On SQLite, reports has one secondary index besides its unique key
// (migration 0006): reports_list (state, unit_id, id). The conditions
// below are written so that each filter reaches one of the two.

// planReports is the condition "report r belongs to the plan", with one
// argument, the plan id. PostgreSQL reads reports_plan_period. SQLite
// goes through the plan's indicators into the unique key, and the unary
// plus keeps its planner off reports_list when a state is also named: a
// state spans every plan.
func (db *DB) planReports(alias string) string {
	if db.dialect == DialectPostgres {
		return alias + "plan_id = ?"
	}
	return alias + "indicator_id IN (SELECT id FROM indicators WHERE plan_id = ?)"
}

// stateIn is "state IN (states…)" for the reports of a plan or an
// indicator; see planReports.
func (db *DB) stateIn(alias string, n int) string {
	col := alias + "state"
	if db.dialect == DialectSQLite {
		col = "+" + col
	}
	return col + " IN (" + placeholders(n) + ")"
}

// snapshotReportsQuery and statusReportsQuery read the reports of a plan
// that count as of a day: submitted or approved, in a period begun by then.
// snapshotReportsQuery takes countedReportsArgs.
func (db *DB) snapshotReportsQuery() string {
	return reportFields + ", r.period_start" + reportFrom + db.countedReportsWhere("r.")
}

// statusReportsQuery reads, of each period, only the version that decides
// the status: the latest approved one, else the latest submitted one (which
// only says the period was reported). One grouping pass and one lookup per
// period: the cost follows the reports, however many versions a period
// has, and the engine gets one row per period. Its arguments are
// statusReportsArgs.
func (db *DB) statusReportsQuery() string {
	return `SELECT r.id, r.indicator_id, r.period, r.version, r.state, r.value, r.milestones_done, r.period_start
		FROM (SELECT indicator_id, period,
			COALESCE(MAX(CASE WHEN state = ? THEN version END), MAX(version)) AS version
			FROM reports ` + db.countedReportsWhere("") + ` GROUP BY indicator_id, period) g
		JOIN reports r ON r.indicator_id = g.indicator_id AND r.period = g.period AND r.version = g.version
		WHERE ` + db.stateIn("r.", 2)
}

func statusReportsArgs(planID int64, asOf duban.Date) []any {
	args := append([]any{string(duban.Approved)}, countedReportsArgs(planID, asOf)...)
	return append(args, string(duban.Submitted), string(duban.Approved))
}

func (db *DB) countedReportsWhere(alias string) string {
	return "WHERE " + db.planReports(alias) + " AND " + db.stateIn(alias, 2) +
		" AND (" + alias + "period_start IS NULL OR " + alias + "period_start <= ?)"
}

func countedReportsArgs(planID int64, asOf duban.Date) []any {
	return []any{planID, string(duban.Submitted), string(duban.Approved), dateArg(asOf)}
}

// reportListQueries returns the count and the page query of a listing,
// newest first, and their shared arguments; the page query takes LIMIT and
// OFFSET after them.
func (db *DB) reportListQueries(f duban.ReportFilter) (count, page string, args []any) {
	where, args := db.reportWhere(f)
	return "SELECT COUNT(*)" + reportFrom + where, reportSelect + where + " ORDER BY r.id DESC LIMIT ? OFFSET ?", args
}

var allReportStates = []any{string(duban.Draft), string(duban.Submitted), string(duban.Approved), string(duban.Returned)}

func (db *DB) reportWhere(f duban.ReportFilter) (string, []any) {
	var conds []string
	var args []any
	add := func(cond string, arg ...any) { conds, args = append(conds, cond), append(args, arg...) }
	if f.PlanID != 0 {
		add(db.planReports("r."), f.PlanID)
	}
	if f.IndicatorID != 0 {
		add("r.indicator_id = ?", f.IndicatorID)
	}
	if f.UnitCode != "" {
		add("r.unit_id = (SELECT id FROM units WHERE code = ?)", f.UnitCode)
	}
	switch {
	case f.State != "" && f.UnitCode == "" && (f.PlanID != 0 || f.IndicatorID != 0):
		add(db.stateIn("r.", 1), string(f.State))
	case f.State != "":
		add("r.state = ?", string(f.State))
	case f.UnitCode != "" && f.PlanID == 0 && f.IndicatorID == 0:
		// Naming every state lets reports_list (state, unit_id, id) find a
		// unit's reports with four short ranges.
		add("r.state IN ("+placeholders(len(allReportStates))+")", allReportStates...)
	}
	if len(conds) == 0 {
		return "", nil
	}
	return "WHERE " + strings.Join(conds, " AND "), args
}
