package store_test

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/duban-dev/duban"
	"github.com/duban-dev/duban/store"
)

func TestListPlansPaginatesAndFilters(t *testing.T) {
	forEachStore(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		// Years 2019…2023; odd years public.
		for i, year := range []int{2021, 2019, 2023, 2020, 2022} {
			b := richBundle()
			b.Plan.Code = fmt.Sprintf("plan-%d", i)
			b.Plan.Year = year
			b.Plan.Public = year%2 == 1
			mustImport(t, db, b)
		}
		cases := []struct {
			name      string
			filter    duban.PlanFilter
			wantYears []int
			wantTotal int
		}{
			{"first page", duban.PlanFilter{Page: duban.Page{Page: 1, PerPage: 2}}, []int{2023, 2022}, 5},
			{"last page", duban.PlanFilter{Page: duban.Page{Page: 3, PerPage: 2}}, []int{2019}, 5},
			{"past the end", duban.PlanFilter{Page: duban.Page{Page: 4, PerPage: 2}}, []int{}, 5},
			{"defaults", duban.PlanFilter{}, []int{2023, 2022, 2021, 2020, 2019}, 5},
			{"public only", duban.PlanFilter{PublicOnly: true}, []int{2023, 2021, 2019}, 3},
			{"public second page", duban.PlanFilter{PublicOnly: true, Page: duban.Page{Page: 2, PerPage: 2}}, []int{2019}, 3},
		}
		for _, c := range cases {
			list, total, err := db.ListPlans(ctx, c.filter)
			if err != nil {
				t.Fatalf("%s: %v", c.name, err)
			}
			years := []int{}
			for _, p := range list {
				years = append(years, p.Year)
				if p.Public != (p.Year%2 == 1) || p.Title == "" || p.ID == 0 {
					t.Errorf("%s: summary %+v", c.name, p)
				}
			}
			assertEqual(t, c.name+" years", years, c.wantYears)
			if total != c.wantTotal {
				t.Errorf("%s: total = %d, want %d", c.name, total, c.wantTotal)
			}
		}
	})
}

func TestListIndicatorsInTreeOrder(t *testing.T) {
	forEachStore(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		id := mustImport(t, db, richBundle())
		// Tree order: G1, A1, P1 (Order 1), T1 (Order 2), I1, P2 (Order 3).
		want := []struct {
			code       string
			deadline   string
			commitment duban.Commitment
		}{
			{"ind-2", "2021-12-31", duban.Firm},
			{"ind-3", "", ""},
			{"ind-4", "2021-11-30", duban.Aspirational},
			{"ind-1", "", ""},
		}
		all, total, err := db.ListIndicators(ctx, duban.IndicatorFilter{PlanID: id})
		if err != nil {
			t.Fatalf("ListIndicators: %v", err)
		}
		if total != 4 || len(all) != 4 {
			t.Fatalf("total %d, rows %d, want 4", total, len(all))
		}
		for i, w := range want {
			r := all[i]
			if r.Code != w.code || r.Deadline.String() != w.deadline || r.Commitment != w.commitment {
				t.Errorf("row %d = %s %s %q, want %s %s %q", i, r.Code, r.Deadline, r.Commitment, w.code, w.deadline, w.commitment)
			}
		}
		exported, _ := db.ExportBundle(ctx, id)
		assertEqual(t, "ind-1 as listed", all[3].Indicator, exported.Indicators[0])

		page, total, err := db.ListIndicators(ctx, duban.IndicatorFilter{PlanID: id, Page: duban.Page{Page: 2, PerPage: 3}})
		if err != nil || total != 4 || len(page) != 1 || page[0].Code != "ind-1" {
			t.Errorf("page 2 of 3 = %v, total %d, err %v; want [ind-1], 4", page, total, err)
		}
	})
}

func TestListUnits(t *testing.T) {
	forEachStore(t, func(t *testing.T, db *store.DB) {
		mustImport(t, db, richBundle())
		units, err := db.ListUnits(context.Background())
		if err != nil {
			t.Fatalf("ListUnits: %v", err)
		}
		want := richBundle().Units
		slices.SortFunc(want, func(a, b duban.Unit) int { return strings.Compare(a.Code, b.Code) })
		for i := range units {
			if units[i].ID == 0 {
				t.Errorf("unit %s has no id", units[i].Code)
			}
			units[i].ID = 0
		}
		assertEqual(t, "units", units, want)
	})
}
