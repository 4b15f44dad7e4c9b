package planfile

import (
	"errors"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/duban-dev/duban"
)

func TestDecodeFlattensTreeAndAppliesDefaults(t *testing.T) {
	data, err := os.ReadFile("testdata/handwritten/short.yml")
	if err != nil {
		t.Fatal(err)
	}
	b := decode(t, "short.yml", data)

	type nodeRow struct {
		Code, Parent string
		Order        int
	}
	var nodes []nodeRow
	for _, n := range b.Nodes {
		nodes = append(nodes, nodeRow{n.Code, n.ParentCode, n.Order})
	}
	wantNodes := []nodeRow{{"A1", "", 0}, {"A1-1", "A1", 0}}
	if !reflect.DeepEqual(nodes, wantNodes) {
		t.Errorf("nodes = %v, want %v", nodes, wantNodes)
	}
	if got := b.Nodes[0].CoUnits; !reflect.DeepEqual(got, []string{"erqi"}) {
		t.Errorf("a single co_units value should read as a list of one, got %v", got)
	}

	type indRow struct {
		Code, Node string
		Comparator duban.Comparator
		Direction  duban.Direction
		Kind       duban.IndicatorKind
		Cadence    duban.Cadence
		Target     float64
	}
	var inds []indRow
	for _, in := range b.Indicators {
		inds = append(inds, indRow{in.Code, in.NodeCode, in.Comparator, in.Direction, in.Kind, in.Cadence, *in.Target})
	}
	wantInds := []indRow{
		{"A1", "A1", duban.Equal, duban.Increase, duban.Cumulative, duban.Monthly, 100},
		{"A1-1-1", "A1-1", duban.About, duban.Keep, duban.Cumulative, duban.Monthly, 50},
		{"A1-1-2", "A1-1", duban.AtMost, duban.Decrease, duban.Cumulative, duban.Monthly, 10},
	}
	if !reflect.DeepEqual(inds, wantInds) {
		t.Errorf("indicators =\n%v\nwant\n%v", inds, wantInds)
	}
}

func TestDecodeSiblingOrder(t *testing.T) {
	b := decode(t, "order.yaml", []byte(minimalPlan+`nodes:
  - {id: a, kind: area, title: A}
  - id: b
    kind: area
    title: B
    children:
      - {id: b1, kind: task, title: B1}
      - {id: b2, kind: task, title: B2}
  - {id: c, kind: area, title: C}
`))
	var got []string
	for _, n := range b.Nodes {
		got = append(got, n.Code+"/"+n.ParentCode+"/"+string(rune('0'+n.Order)))
	}
	want := []string{"a//0", "b//1", "b1/b/0", "b2/b/1", "c//2"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("pre-order = %v, want %v", got, want)
	}
}

// minimalPlan is a valid file head of three lines with one unit "u".
const minimalPlan = `plan: {id: p, title: 计划, year: 2021, start: 2021-01-01, end: 2021-12-31}
units:
  - {id: u, name: 单位, kind: department}
`

// In each bad file the line marked "# ←" is where the error must point.
var badFiles = []struct {
	name, file                 string
	entity, key, field, reason string
}{
	{"unknown cadence", minimalPlan + `nodes:
  - id: n
    kind: item
    title: 事项
    indicators:
      - id: i
        name: 指标
        unit: 个
        target: 3
        cadence: fortnightly # ←
`, "indicator", "i", "cadence", "unknown unit of time"},
	{"deadline before start", minimalPlan + `nodes:
  - id: A1-3
    kind: task
    title: 任务
    start: 2021-05-01
    deadline: 2021-04-30 # ←
`, "node", "A1-3", "deadline", "deadline before start"},
	{"duplicate id", minimalPlan + `  - id: v
    name: 单位二
    kind: department
  - id: v # ←
    name: 单位三
    kind: street
`, "unit", "v", "id", "duplicate id"},
	{"cycle in units", `plan: {id: p, title: 计划, year: 2021, start: 2021-01-01, end: 2021-12-31}
units:
  - id: a
    name: 甲
    kind: department
    parent: b # ←
  - id: b
    name: 乙
    kind: department
    parent: a
`, "unit", "a", "parent", "cycle"},
	{"target missing its unit", minimalPlan + `nodes:
  - id: n
    kind: item
    title: 事项
    indicators:
      - id: i # ←
        name: 指标
        target: 3
`, "indicator", "i", "unit", "needs its unit"},
	{"unknown unit reference", minimalPlan + `nodes:
  - id: n
    kind: task
    title: 事项
    lead_unit: nosuch # ←
`, "node", "n", "lead_unit", "unknown unit"},
	{"unknown co-unit reference", minimalPlan + `nodes:
  - id: n
    kind: task
    title: 事项
    co_units: [u, nosuch] # ←
`, "node", "n", "co_units", `"nosuch"`},
	{"bad date", minimalPlan + `nodes:
  - id: n
    kind: task
    title: 事项
    deadline: 2021-02-30 # ←
`, "node", "n", "deadline", "not a valid date"},
	{"unknown field", minimalPlan + `nodes:
  - id: n
    kind: task
    title: 事项
    deadine: 2021-12-31 # ←
`, "node", "n", "deadine", "did you mean deadline"},
	{"unknown field in project", minimalPlan + `nodes:
  - id: n
    kind: project
    title: 事项
    project:
      investment: 5 # ←
`, "node", "n", "project.investment", "unknown field"},
	{"repeated field", minimalPlan + `nodes:
  - id: n
    kind: task
    title: 事项
    title: 又一个 # ←
`, "node", "n", "title", "repeated field"},
	{"text where a number belongs", minimalPlan + `nodes:
  - id: n
    kind: item
    title: 事项
    indicators:
      - id: i
        name: 指标
        unit: "%"
        target: 百分之七点五 # ←
`, "indicator", "i", "target", "not a number"},
	{"number with its unit", minimalPlan + `nodes:
  - id: n
    kind: item
    title: 事项
    indicators:
      - id: i
        name: 指标
        unit: "%"
        target: 7.5% # ←
`, "indicator", "i", "target", "not a number"},
	{"year not whole", `plan:
  id: p
  title: 计划
  year: 2021.5 # ←
  start: 2021-01-01
  end: 2021-12-31
`, "plan", "p", "year", "not a whole number"},
	{"plan end before start", `plan:
  id: p
  title: 计划
  year: 2021
  start: 2021-01-01
  end: 2020-12-31 # ←
`, "plan", "p", "end", "before period_start"},
	{"plan missing title", `plan:
  id: p # ←
  year: 2021
  start: 2021-01-01
  end: 2021-12-31
`, "plan", "p", "title", "required"},
	{"public not a boolean", `plan:
  id: p
  title: 计划
  year: 2021
  start: 2021-01-01
  end: 2021-12-31
  public: 是 # ←
`, "plan", "p", "public", "want true or false"},
	{"bulletin day out of range", `plan:
  id: p
  title: 计划
  year: 2021
  start: 2021-01-01
  end: 2021-12-31
  bulletin:
    cadence: monthly
    day: 31 # ←
`, "plan", "p", "bulletin.day", "want 1 to 28"},
	{"bulletin cadence unknown", `plan:
  id: p
  title: 计划
  year: 2021
  start: 2021-01-01
  end: 2021-12-31
  bulletin:
    cadence: weekly # ←
    day: 5
`, "plan", "p", "bulletin.cadence", "want monthly or quarterly"},
	{"list where a single value belongs", minimalPlan + `nodes:
  - id: n
    kind: task
    title: [事项] # ←
`, "node", "n", "title", "want a single value"},
	{"mapping where a list belongs", minimalPlan + `nodes:
  - id: n
    kind: task
    title: 事项
    tags: {a: b} # ←
`, "node", "n", "tags", "want a list"},
	{"about without tolerance", minimalPlan + `nodes:
  - id: n
    kind: item
    title: 事项
    indicators:
      - id: i # ←
        name: 指标
        unit: 天
        target: 250
        comparator: ~
`, "indicator", "i", "tolerance", "positive tolerance"},
	{"latitude out of range", minimalPlan + `nodes:
  - id: n
    kind: project
    title: 项目
    project:
      stage: building
      lat: 134.7 # ←
`, "node", "n", "project.lat", "latitude"},
	{"bad milestone date", minimalPlan + `nodes:
  - id: n
    kind: item
    title: 事项
    indicators:
      - id: i
        name: 指标
        kind: milestone
        milestones:
          - date: 2021-06-31 # ←
`, "indicator", "i", "milestones.date", "not a valid date"},
	{"milestones out of order", minimalPlan + `nodes:
  - id: n
    kind: item
    title: 事项
    indicators:
      - id: i
        name: 指标
        kind: milestone
        milestones: # ←
          - {date: 2021-06-30}
          - {date: 2021-03-31}
`, "indicator", "i", "milestones.date", "must increase"},
	{"unknown person", minimalPlan + `nodes:
  - id: n
    kind: task
    title: 事项
    leader: nobody # ←
`, "node", "n", "leader", "unknown person"},
	{"unknown mechanism", minimalPlan + `nodes:
  - id: n
    kind: task
    title: 事项
    mechanisms: [nosuch] # ←
`, "node", "n", "mechanisms", "unknown mechanism"},
	{"unsupported format", `format: duban-plan/2 # ←
` + minimalPlan, "", "", "format", "unsupported format"},
	{"no plan", `units: [] # ←
`, "", "", "plan", "required"},
	{"unknown top-level key", minimalPlan + `node: [] # ←
`, "", "", "node", "did you mean nodes"},
	{"syntax error", minimalPlan + `nodes:
  - id: n
    title: "unclosed # ←
`, "", "", "yaml", "syntax error"},
	{"two documents", minimalPlan + `--- # ←
plan: {}
`, "", "", "yaml", "one document"},
}

func TestDecodeBadFiles(t *testing.T) {
	for _, tc := range badFiles {
		t.Run(tc.name, func(t *testing.T) {
			wantLine := markedLine(t, tc.file)
			_, err := Decode("bad.yaml", strings.NewReader(tc.file))
			if err == nil {
				t.Fatal("no error")
			}
			if duban.ErrorCode(err) != duban.EINVALID {
				t.Fatalf("code %q, want %q: %v", duban.ErrorCode(err), duban.EINVALID, err)
			}
			for _, fe := range duban.ErrorFields(err) {
				if fe.Entity == tc.entity && fe.Key == tc.key && fe.Field == tc.field && strings.Contains(fe.Message, tc.reason) {
					if fe.Line != wantLine {
						t.Errorf("line %d, want %d (%s)", fe.Line, wantLine, fe)
					}
					return
				}
			}
			t.Errorf("no error for %s %q %s containing %q; got:\n%v", tc.entity, tc.key, tc.field, tc.reason, err)
		})
	}
}

func markedLine(t *testing.T, file string) int {
	t.Helper()
	for i, line := range strings.Split(file, "\n") {
		if strings.Contains(line, "# ←") {
			return i + 1
		}
	}
	t.Fatal("test file has no line marked # ←")
	return 0
}

func TestDecodeReportsEveryProblemInFileOrder(t *testing.T) {
	file := minimalPlan + `nodes:
  - id: A1-3
    kind: task
    title: 任务
    colour: red
    start: 2021-05-01
    deadline: 2021-04-30
    lead_unit: nosuch
    indicators:
      - id: i
        name: 指标
        target: 3
        cadence: daily
`
	_, err := Decode("erqi.yaml", strings.NewReader(file))
	var pe *Error
	if !errors.As(err, &pe) {
		t.Fatalf("want *planfile.Error, got %T: %v", err, err)
	}
	var de *duban.Error
	if !errors.As(err, &de) || de.Code != duban.EINVALID {
		t.Fatalf("want a wrapped EINVALID *duban.Error, got %v", err)
	}
	want := []string{
		`erqi.yaml:8: node "A1-3" colour: 未知字段 (unknown field)`,
		`erqi.yaml:10: node "A1-3" deadline: 早于开始日期 (deadline before start)`,
		`erqi.yaml:11: node "A1-3" lead_unit: 单位 "nosuch" 不存在 (unknown unit)`,
		`erqi.yaml:13: indicator "i" unit: 目标缺少计量单位 (a target needs its unit, e.g. 个, 条, %)`,
		`erqi.yaml:16: indicator "i" cadence: 未知报送周期 (unknown unit of time; want weekly, monthly or quarterly)`,
	}
	if got := strings.Split(err.Error(), "\n"); !reflect.DeepEqual(got, want) {
		t.Errorf("Error() =\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestDecodeEmptyFile(t *testing.T) {
	_, err := Decode("empty.yaml", strings.NewReader("# nothing\n"))
	if duban.ErrorCode(err) != duban.EINVALID || !strings.Contains(err.Error(), "empty file") {
		t.Errorf("want an empty-file error, got %v", err)
	}
}

func TestDecodeBadDateIsReportedOnce(t *testing.T) {
	_, err := Decode("p.yaml", strings.NewReader("plan: {id: p, title: t, year: 2021, start: 2021-13-01, end: 2021-12-31}\n"))
	fields := duban.ErrorFields(err)
	if len(fields) != 1 || fields[0].Field != "start" || fields[0].Line != 1 {
		t.Errorf("want one error on start at line 1, got %v", err)
	}
}

type failingReader struct{}

func (failingReader) Read([]byte) (int, error) { return 0, errors.New("disk on fire") }

func TestDecodeReturnsReadErrorsAsTheyAre(t *testing.T) {
	_, err := Decode("x.yaml", failingReader{})
	if err == nil || err.Error() != "disk on fire" {
		t.Errorf("got %v", err)
	}
}
