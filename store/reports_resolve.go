package store

import (
	"context"
	"fmt"
	"sort"

	"github.com/duban-dev/duban"
)

// lookupChunk bounds the ids in one IN (…) list.
const lookupChunk = 500

// resolveReports maps indicator ids to plans and unit codes to ids in one
// read transaction. A reference deleted between this read and the write is
// still caught by the foreign keys.
func (db *DB) resolveReports(ctx context.Context, rs []duban.Report) ([]resolvedReport, error) {
	var planOf, unitOf map[string]int64
	err := db.read(ctx, func(t *tx) error {
		var err error
		if planOf, err = t.lookup(ctx, "SELECT CAST(id AS TEXT), plan_id FROM indicators WHERE id IN", indicatorKeys(rs)); err != nil {
			return err
		}
		unitOf, err = t.lookup(ctx, "SELECT code, id FROM units WHERE code IN", unitKeys(rs))
		return err
	})
	if err != nil {
		return nil, wrap(err, "resolve reports")
	}
	out := make([]resolvedReport, len(rs))
	var errs []duban.FieldError
	for i := range rs {
		r := &rs[i]
		key := fmt.Sprintf("#%d", i+1)
		plan, ok := planOf[fmt.Sprint(r.IndicatorID)]
		switch {
		case !ok:
			errs = append(errs, duban.FieldError{Entity: "report", Key: key, Field: "indicator_id", Message: fmt.Sprintf("指标 %d 不存在 (unknown indicator)", r.IndicatorID)})
		case r.PlanID != 0 && r.PlanID != plan:
			errs = append(errs, duban.FieldError{Entity: "report", Key: key, Field: "plan_id", Message: "与指标所属计划不符 (not the indicator's plan)"})
		}
		if _, ok := unitOf[r.UnitCode]; !ok {
			errs = append(errs, duban.FieldError{Entity: "report", Key: key, Field: "unit_code", Message: fmt.Sprintf("单位 %q 不存在 (unknown unit)", r.UnitCode)})
		}
		r.PlanID = plan
		out[i] = resolvedReport{Report: r, unitID: unitOf[r.UnitCode]}
	}
	if len(errs) > 0 {
		return nil, duban.Invalid("填报数据有误 (invalid reports)", errs...)
	}
	return out, nil
}

// lookup runs query (ending in "IN") over keys in chunks and maps the first
// column to the second.
func (t *tx) lookup(ctx context.Context, query string, keys []any) (map[string]int64, error) {
	out := make(map[string]int64, len(keys))
	for start := 0; start < len(keys); start += lookupChunk {
		chunk := keys[start:min(start+lookupChunk, len(keys))]
		rows, err := t.query(ctx, query+" ("+placeholders(len(chunk))+")", chunk...)
		if err != nil {
			return nil, err
		}
		for rows.Next() {
			var k string
			var v int64
			if err := rows.Scan(&k, &v); err != nil {
				rows.Close()
				return nil, err
			}
			out[k] = v
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
	}
	return out, nil
}

func indicatorKeys(rs []duban.Report) []any {
	seen := map[int64]bool{}
	for _, r := range rs {
		seen[r.IndicatorID] = true
	}
	keys := make([]int64, 0, len(seen))
	for id := range seen {
		keys = append(keys, id)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i] < keys[j] })
	out := make([]any, len(keys))
	for i, k := range keys {
		out[i] = k
	}
	return out
}

func unitKeys(rs []duban.Report) []any {
	seen := map[string]bool{}
	var out []any
	for _, r := range rs {
		if !seen[r.UnitCode] {
			seen[r.UnitCode] = true
			out = append(out, r.UnitCode)
		}
	}
	return out
}
