package extract

import (
	"bufio"
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/duban-dev/duban"
)

// The seed plan and its targets table are vendored from ../shared/seed so
// the package tests run in a fresh clone.
const (
	seedPlanFile    = "testdata/seed-erqi-2021-plan.txt"
	seedTargetsFile = "testdata/seed-TARGETS.md"
)

// seedTarget is one row of the quantitative targets table in TARGETS.md.
type seedTarget struct {
	row        string
	area       string
	value      float64
	unit       string
	comparator duban.Comparator
	deadline   string
	commitment duban.Commitment
}

func readSeedTargets(t *testing.T) []seedTarget {
	t.Helper()
	f, err := os.Open(seedTargetsFile)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []seedTarget
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		cells := strings.Split(sc.Text(), "|")
		if len(cells) != 10 {
			continue
		}
		for i := range cells {
			cells[i] = strings.TrimSpace(cells[i])
		}
		if _, err := strconv.Atoi(cells[1]); err != nil {
			continue
		}
		v, err := strconv.ParseFloat(cells[4], 64)
		if err != nil {
			t.Fatalf("TARGETS.md row %s: value %q", cells[1], cells[4])
		}
		cmp := map[string]duban.Comparator{"≥": duban.AtLeast, "≤": duban.AtMost, "=": duban.Equal, "~": duban.About, "≈": duban.About}[cells[6]]
		out = append(out, seedTarget{
			row: cells[1], area: cells[2], value: v, unit: cells[5], comparator: cmp,
			deadline: cells[7], commitment: duban.Commitment(strings.Fields(cells[8])[0]),
		})
	}
	return out
}

func readSeed(t testing.TB) string {
	b, err := os.ReadFile(seedPlanFile)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestSeedTargets(t *testing.T) {
	want := readSeedTargets(t)
	if len(want) != 17 {
		t.Fatalf("TARGETS.md: read %d rows, the table has 17", len(want))
	}
	// The same 17 with the year given and with the year read from the text.
	for _, year := range []int{2021, 0} {
		t.Run(fmt.Sprintf("year=%d", year), func(t *testing.T) {
			r := Extract(readSeed(t), Options{Year: year})
			used := make([]bool, len(r.Targets))
			for _, w := range want {
				k := matchSeed(r.Targets, used, w)
				if k < 0 {
					t.Errorf("row %s: no target %v %s %s %s %s in area %s", w.row, w.value, w.unit, w.comparator, w.deadline, w.commitment, w.area)
					continue
				}
				used[k] = true
			}
			for k, u := range used {
				if !u {
					t.Errorf("extra target: %s", describe(r.Targets[k]))
				}
			}
		})
	}
}

func matchSeed(got []Target, used []bool, w seedTarget) int {
	for k, g := range got {
		if used[k] || g.Value != w.value || g.Unit != w.unit || g.Comparator != w.comparator ||
			g.Commitment != w.commitment || g.Deadline == nil || g.Deadline.String() != w.deadline {
			continue
		}
		if w.area == "(plan)" && len(g.Path) != 0 {
			continue
		}
		if w.area != "(plan)" && (len(g.Path) == 0 || !strings.Contains(g.Path[0], w.area)) {
			continue
		}
		return k
	}
	return -1
}

// The numbers TARGETS.md lists as not targets must each be reported as
// skipped, with a reason.
func TestSeedNonTargets(t *testing.T) {
	r := Extract(readSeed(t), Options{Year: 2021})
	for _, s := range []string{"6个", "四大", "4", "713所", "13666", "2中", "4中", "57中", "100周年"} {
		if !skippedDecision(r, s) {
			t.Errorf("%q: want a decision skipping it", s)
		}
	}
	for _, d := range r.Decisions {
		if d.Taken && strings.ContainsAny(d.Text, "年月日") {
			t.Errorf("a date was taken as a target: %q", d.Text)
		}
	}
}

func TestSeedOutline(t *testing.T) {
	text := readSeed(t)
	r := Extract(text, Options{})
	if r.Plan.Year != 2021 {
		t.Errorf("inferred year %d, want 2021", r.Plan.Year)
	}
	if got := strings.Join(r.Plan.Framework, "、"); got != "一个目标、两个定位、三个二七、六个出彩" {
		t.Errorf("framework %q", got)
	}
	var areas []string
	for _, a := range r.Plan.Areas {
		areas = append(areas, a.Title)
	}
	for _, name := range []string{"主导产业升级", "城市品质提升", "改革创新深化", "美丽田园打造", "美好生活创造", "社会治理强化"} {
		if !strings.Contains(strings.Join(areas, "|"), name) {
			t.Errorf("no area for %s in %v", name, areas)
		}
	}
	if len(areas) != 6 {
		t.Errorf("want the six areas only (总体要求 is the plan's own section), got %v", areas)
	}
	checkOffsets(t, text, r)
	checkBundle(t, r)
}

// When the project's shared seed sits beside the repository, the vendored
// copies must not have drifted from it.
func TestSeedVendoredCopy(t *testing.T) {
	for _, f := range [][2]string{
		{seedPlanFile, "../../shared/seed/erqi-2021-plan.txt"},
		{seedTargetsFile, "../../shared/seed/TARGETS.md"},
	} {
		shared, err := os.ReadFile(f[1])
		if err != nil {
			t.Logf("%s: not present, only the vendored copy is used", f[1])
			continue
		}
		vendored, err := os.ReadFile(f[0])
		if err != nil {
			t.Fatal(err)
		}
		if string(shared) != string(vendored) {
			t.Errorf("%s differs from %s: copy it again", f[0], f[1])
		}
	}
}
