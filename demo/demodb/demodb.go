// Package demodb writes the demo's simulated data into a store: the plan
// with its 270 major projects, accounts, simulated reports, project steps
// and problems. `duban demo` and the tests of the project pages use it.
package demodb

import (
	"bytes"
	"context"
	"fmt"
	"strings"

	"github.com/duban-dev/duban"
	"github.com/duban-dev/duban/demo"
	"github.com/duban-dev/duban/planfile"
	"github.com/duban-dev/duban/store"
)

// Plan decodes the embedded demo plan and adds the projects up to 270.
func Plan(seed int64) (*duban.Bundle, error) {
	b, err := planfile.Decode(demo.ErqiPlanName, bytes.NewReader(demo.ErqiPlan))
	if err != nil {
		return nil, fmt.Errorf("embedded demo plan: %w", err)
	}
	demo.AddProjects(b, demo.StatedProjects, seed)
	return b, nil
}

// Load imports Plan(seed), creates the demo accounts with passwordHash and
// simulates everything up to asOf except notices and bulletins. It returns
// the plan's id and the bundle.
func Load(ctx context.Context, db *store.DB, passwordHash string, asOf duban.Date, seed int64) (int64, *duban.Bundle, error) {
	b, err := Plan(seed)
	if err != nil {
		return 0, nil, err
	}
	planID, err := db.ImportBundle(ctx, b, "demo")
	if err != nil {
		return 0, nil, err
	}
	for _, u := range demo.Users(b) {
		u.PasswordHash = passwordHash
		if err := db.CreateUser(ctx, "demo", &u); err != nil {
			return 0, nil, fmt.Errorf("create user %s: %w", u.Username, err)
		}
	}
	ids, err := IndicatorIDs(ctx, db, planID)
	if err != nil {
		return 0, nil, err
	}
	ids, projectIDs := SplitProjectIDs(ids)
	return planID, b, LoadProjects(ctx, db, b, planID, projectIDs, asOf, seed, demo.SimulateReports(b, ids, asOf, seed)...)
}

// IndicatorIDs maps the plan's indicator codes to ids.
func IndicatorIDs(ctx context.Context, plans duban.PlanService, planID int64) (map[string]int64, error) {
	ids := map[string]int64{}
	for page := 1; ; page++ {
		p := duban.Page{Page: page, PerPage: duban.MaxPerPage}
		rows, total, err := plans.ListIndicators(ctx, duban.IndicatorFilter{PlanID: planID, Page: p})
		if err != nil {
			return nil, err
		}
		for _, r := range rows {
			ids[r.Code] = r.ID
		}
		if page*p.PerPage >= total {
			return ids, nil
		}
	}
}

// SplitProjectIDs separates the projects' investment indicators from the
// rest, so the plan's own indicators are simulated exactly as they were
// before the projects were added.
func SplitProjectIDs(ids map[string]int64) (plan, projects map[string]int64) {
	plan, projects = map[string]int64{}, map[string]int64{}
	for code, id := range ids {
		if strings.HasSuffix(code, "-tz") {
			projects[code] = id
		} else {
			plan[code] = id
		}
	}
	return plan, projects
}

// LoadProjects simulates the projects' year up to asOf: monthly investment
// reports carrying stage changes, the dated steps and the problem ledger.
// The plan's other simulated reports (with) go into the same batch: every
// batch of reports is followed by a pass over the stored statuses, and one
// pass costs half of two at start-up.
func LoadProjects(ctx context.Context, db *store.DB, b *duban.Bundle, planID int64, ids map[string]int64, asOf duban.Date, seed int64, with ...duban.Report) error {
	runs := demo.ProjectRuns(b, asOf, seed)
	reports := demo.ProjectReports(b, ids, asOf, seed)
	demo.WithStages(reports, runs, ids)
	if err := db.InsertReports(ctx, append(with, reports...), "demo"); err != nil {
		return err
	}
	nodes, err := db.ListNodes(ctx, planID)
	if err != nil {
		return err
	}
	nodeIDs := map[string]int64{}
	for _, n := range nodes {
		nodeIDs[n.Code] = n.ID
	}
	steps := map[int64][]duban.ProjectStep{}
	for _, r := range runs {
		steps[nodeIDs[r.NodeCode]] = r.Steps
	}
	if err := db.InsertProjectSteps(ctx, "demo", planID, steps); err != nil {
		return err
	}
	return loadProblems(ctx, db, b, nodeIDs, asOf, seed)
}

func loadProblems(ctx context.Context, db *store.DB, b *duban.Bundle, nodeIDs map[string]int64, asOf duban.Date, seed int64) error {
	supervisor, err := db.FindUserByUsername(ctx, demo.SupervisorUsername)
	if err != nil {
		return err
	}
	for _, s := range demo.Problems(b, asOf, seed) {
		in := s.Input
		in.NodeID = nodeIDs[s.NodeCode]
		p, err := db.CreateProblem(ctx, supervisor, in, s.RaisedOn)
		if err != nil {
			return fmt.Errorf("demo problem on %s: %w", s.NodeCode, err)
		}
		for _, m := range s.Then {
			if _, err := db.ApplyProblem(ctx, supervisor, p.ID, m.Action, m.Step); err != nil {
				return fmt.Errorf("demo problem %d %s: %w", p.ID, m.Action, err)
			}
		}
	}
	return nil
}
