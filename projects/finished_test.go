package projects

import (
	"strings"
	"testing"

	"github.com/duban-dev/duban"
)

func TestFinishedShort(t *testing.T) {
	full := duban.Pipeline(nil)
	promotion := duban.Pipeline(&duban.Mechanism{Stages: []string{"洽谈", "签约", "开工", "投产"}})
	row := func(code string, p []duban.PipelineStep, s duban.ProjectStage, rate float64) Row {
		return Row{Code: code, Pipeline: p, Stage: s, YearPlan: 100, Rate: rate}
	}
	for _, tc := range []struct {
		name string
		rows []Row
		ok   bool
		zh   string
	}{
		{"竣工 with its investment done", []Row{row("a", full, duban.StageCompleted, 1)}, true, "0 个项目"},
		{"竣工 at 79%", []Row{row("a", full, duban.StageCompleted, 0.79)}, false, "1 个项目已报竣工或投产，但年度投资完成不足 80%：a"},
		{"投产 after 竣工 at 50%", []Row{row("b", full, duban.StageOperating, 0.5)}, false, "：b"},
		{"投产 of a promotion pipeline at 30%", []Row{row("c", promotion, duban.StageOperating, 0.3)}, false, "：c"},
		{"在建 at 10% is not finished", []Row{row("d", full, duban.StageBuilding, 0.1)}, true, "0 个项目"},
		{"开工 of a promotion pipeline is not finished", []Row{row("e", promotion, duban.StageStarted, 0.1)}, true, "0 个项目"},
		{"no year plan", []Row{{Code: "f", Pipeline: full, Stage: duban.StageCompleted}}, true, "0 个项目"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := finishedShort(tc.rows)
			if c.OK != tc.ok || !strings.Contains(c.ZH, tc.zh) || c.EN == "" {
				t.Fatalf("got %+v, want ok=%v and %q", c, tc.ok, tc.zh)
			}
		})
	}
	var many []Row
	for _, code := range strings.Split("a b c d e f g h i j k l", " ") {
		many = append(many, row(code, full, duban.StageCompleted, 0.1))
	}
	if c := finishedShort(many); !strings.HasPrefix(c.ZH, "12 个") || !strings.HasSuffix(c.ZH, "j …") {
		t.Fatalf("a long list is cut after ten: %s", c.ZH)
	}
}
