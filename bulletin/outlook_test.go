package bulletin_test

import (
	"bytes"
	"context"
	"fmt"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/duban-dev/duban"
	"github.com/duban-dev/duban/bulletin"
	"github.com/duban-dev/duban/demo"
	"github.com/duban-dev/duban/demo/demodb"
	"github.com/duban-dev/duban/projects"
	"github.com/duban-dev/duban/store"
	"github.com/duban-dev/duban/tracker"
)

// TestBulletinOutlookOfTheDemo issues the mid-July bulletin of the full
// demo (270 projects, their problem ledger): section 三 lists every open
// problem and the items likely to miss, and the stored bulletin renders
// them again in HTML, DOCX and XLSX.
func TestBulletinOutlookOfTheDemo(t *testing.T) {
	ctx := context.Background()
	db, err := store.Open(ctx, filepath.Join(t.TempDir(), "demo.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	asOf := demo.DefaultAsOf
	planID, _, err := demodb.Load(ctx, db, "-", asOf, demo.DefaultSeed)
	if err != nil {
		t.Fatal(err)
	}
	supervisor, err := db.FindUserByUsername(ctx, demo.SupervisorUsername)
	if err != nil {
		t.Fatal(err)
	}
	tr := tracker.NewService(db)
	svc := bulletin.NewService(db, tr)
	svc.Projects = projects.NewService(db, tr)
	b, d, err := svc.Create(ctx, supervisor, planID, "2021-07", asOf)
	if err != nil {
		t.Fatal(err)
	}
	o := d.Outlook
	if o == nil {
		t.Fatal("the bulletin has no outlook with the project service set")
	}
	open, total, err := db.ListProblems(ctx, duban.ProblemFilter{PlanID: planID, OpenOnly: true, Page: duban.Page{PerPage: duban.MaxPerPage}})
	if err != nil {
		t.Fatal(err)
	}
	overdue := 0
	for _, p := range open {
		if p.Overdue(asOf) {
			overdue++
		}
	}
	if total == 0 || len(o.Problems) != total || o.Overdue != overdue || overdue == 0 {
		t.Errorf("outlook lists %d problems (%d overdue), the ledger has %d open (%d overdue)", len(o.Problems), o.Overdue, total, overdue)
	}
	if len(o.Risks) == 0 {
		t.Fatal("no item is likely to miss in the demo")
	}
	for _, r := range o.Risks {
		if !strings.HasPrefix(r.Warning, "以当前进度，预计") || r.Light == "滞后" || r.Light == "逾期" {
			t.Errorf("risk %s: light %s, warning %q", r.Name, r.Light, r.Warning)
		}
	}
	// Only items forecast clearly short are listed (below RiskShare of the
	// target), at most MaxRisks, with the rest counted and the method in
	// plain words.
	share := regexp.MustCompile(`\((\d+)%\)$`)
	for _, r := range o.Risks {
		n := -1.0
		if m := share.FindStringSubmatch(r.Warning); m != nil {
			i, _ := strconv.Atoi(m[1])
			n = float64(i)
		}
		if n < 0 || n >= bulletin.RiskShare*100 {
			t.Errorf("risk %s listed at %q, not below %.0f%% of its target", r.Name, r.Warning, bulletin.RiskShare*100)
		}
	}
	if len(o.Risks) > bulletin.MaxRisks || o.MoreRisks == 0 {
		t.Errorf("%d risks listed and %d more: want the list capped at %d in the demo", len(o.Risks), o.MoreRisks, bulletin.MaxRisks)
	}
	text := strings.Join(d.OutlookText(), "\n")
	for _, want := range []string{"完成不到目标的90%", fmt.Sprintf("另有%d项未列出", o.MoreRisks), "预测方法："} {
		if !strings.Contains(text, want) {
			t.Errorf("the outlook does not say %q", want)
		}
	}
	for _, jargon := range []string{"最小二乘", "预测区间", "拟合"} {
		if strings.Contains(text, jargon) {
			t.Errorf("the outlook says %q", jargon)
		}
	}
	golden(t, "erqi-2021-07-outlook.golden.txt", []byte(strings.Join(d.OutlookText(), "\n")+"\n"))

	_, loaded, err := svc.Load(ctx, b.ID)
	if err != nil {
		t.Fatal(err)
	}
	var html bytes.Buffer
	if err := bulletin.HTML(&html, loaded); err != nil {
		t.Fatal(err)
	}
	// The open problems' table sizes its short columns, so 问题 and 事项
	// are not squeezed to a character or two a line by a long unit name.
	if !strings.Contains(html.String(), "<table class=\"problems\">\n<colgroup>") || !strings.Contains(html.String(), "table.problems { table-layout: fixed; }") {
		t.Error("the open problems' table has no column widths")
	}
	for _, want := range []string{"（四）待解决问题", "（五）预计难以完成目标的事项", o.Problems[0].Title, o.Risks[0].Warning, o.MethodLine()} {
		if !strings.Contains(html.String(), want) {
			t.Errorf("stored bulletin's HTML lacks %q", want)
		}
	}
}
