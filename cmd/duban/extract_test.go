package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

// seedPlan is the copy of the seed vendored for the extract package tests.
const seedPlan = "../../extract/testdata/seed-erqi-2021-plan.txt"

func TestExtractCommandFindsTheSeedTargets(t *testing.T) {
	out := mustRun(t, "extract", "--year", "2021", "--format", "json", seedPlan)
	var r struct {
		Plan struct {
			Year  int `json:"year"`
			Areas []struct {
				Title string `json:"title"`
			} `json:"areas"`
		} `json:"plan"`
		Targets []struct {
			Value    float64 `json:"value"`
			Unit     string  `json:"unit"`
			Deadline *string `json:"deadline"`
		} `json:"targets"`
	}
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatal(err)
	}
	if r.Plan.Year != 2021 || len(r.Plan.Areas) < 6 || len(r.Targets) != 17 {
		t.Fatalf("year %d, %d areas, %d targets", r.Plan.Year, len(r.Plan.Areas), len(r.Targets))
	}
	var roads bool
	for _, tg := range r.Targets {
		roads = roads || (tg.Value == 14 && tg.Unit == "条" && tg.Deadline != nil && *tg.Deadline == "2021-12-31")
	}
	if !roads {
		t.Error("the 14 dead-end roads are missing")
	}
}

func TestImportFromTextMakesADraftPlan(t *testing.T) {
	db := filepath.Join(t.TempDir(), "x.db")
	out := mustRun(t, "plan", "import", "--db", db, "--from-text", seedPlan, "--year", "2021", "--code", "erqi-draft")
	if !strings.Contains(out, "erqi-draft") || !strings.Contains(out, "17 项指标") {
		t.Fatalf("import said: %s", out)
	}
	yaml := mustRun(t, "plan", "export", "--db", db, "--plan", "erqi-draft")
	if !strings.Contains(yaml, "target: 248") || !strings.Contains(yaml, "2022-06-30") {
		t.Fatalf("the draft lacks the 248 estates or the 2022-06-30 avenues:\n%.500s", yaml)
	}
}
