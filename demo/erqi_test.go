package demo

import (
	"bufio"
	"bytes"
	"os"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"github.com/duban-dev/duban"
	"github.com/duban-dev/duban/planfile"
)

const (
	targetsPath  = "../../shared/seed/TARGETS.md"
	planTextPath = "../../shared/seed/erqi-2021-plan.txt"
)

// seedTarget is one row of the quantitative-target table in TARGETS.md.
type seedTarget struct {
	row        int
	area       string
	subject    string
	value      float64
	unit       string
	comparator duban.Comparator
	deadline   duban.Date
	commitment duban.Commitment
}

func (s seedTarget) String() string {
	return "TARGETS.md row " + strconv.Itoa(s.row) + " (" + s.subject + ")"
}

var comparatorSymbols = map[string]duban.Comparator{"≥": duban.AtLeast, "≤": duban.AtMost, "=": duban.Equal}

func readSeedTargets(t *testing.T) []seedTarget {
	t.Helper()
	raw, err := os.ReadFile(targetsPath)
	if err != nil {
		t.Fatal(err)
	}
	var out []seedTarget
	sc := bufio.NewScanner(bytes.NewReader(raw))
	for sc.Scan() {
		cells := tableCells(sc.Text())
		if len(cells) != 8 {
			continue
		}
		row, err := strconv.Atoi(cells[0])
		if err != nil {
			continue // header or separator
		}
		out = append(out, parseSeedTarget(t, row, cells))
	}
	if len(out) != 17 {
		t.Fatalf("read %d quantitative targets from %s, want 17", len(out), targetsPath)
	}
	return out
}

func tableCells(line string) []string {
	line = strings.TrimSpace(line)
	if !strings.HasPrefix(line, "|") || !strings.HasSuffix(line, "|") {
		return nil
	}
	cells := strings.Split(strings.Trim(line, "|"), "|")
	for i := range cells {
		cells[i] = strings.TrimSpace(cells[i])
	}
	return cells
}

func parseSeedTarget(t *testing.T, row int, c []string) seedTarget {
	t.Helper()
	value, err := strconv.ParseFloat(c[3], 64)
	if err != nil {
		t.Fatalf("row %d: value %q: %v", row, c[3], err)
	}
	cmp, ok := comparatorSymbols[c[5]]
	if !ok {
		t.Fatalf("row %d: unknown comparator %q", row, c[5])
	}
	deadline, err := duban.ParseDate(c[6])
	if err != nil {
		t.Fatalf("row %d: deadline: %v", row, err)
	}
	commitment, _, _ := strings.Cut(c[7], " ")
	return seedTarget{row: row, area: c[1], subject: c[2], value: value, unit: c[4],
		comparator: cmp, deadline: deadline, commitment: duban.Commitment(commitment)}
}

func decodeErqi(t testing.TB) *duban.Bundle {
	t.Helper()
	b, err := planfile.Decode(ErqiPlanName, bytes.NewReader(ErqiPlan))
	if err != nil {
		t.Fatalf("embedded plan does not decode: %v", err)
	}
	return b
}

func nodeIndex(b *duban.Bundle) map[string]*duban.Node {
	m := map[string]*duban.Node{}
	for i := range b.Nodes {
		m[b.Nodes[i].Code] = &b.Nodes[i]
	}
	return m
}

func TestErqiPlanHoldsEveryQuantitativeTarget(t *testing.T) {
	b := decodeErqi(t)
	nodes := nodeIndex(b)
	claimed := map[string]int{}
	for _, st := range readSeedTargets(t) {
		ind := findTarget(b, nodes, st)
		if ind == nil {
			t.Errorf("%s: no indicator with target %v %s, deadline %s and a keyword of the subject",
				st, st.value, st.unit, st.deadline)
			continue
		}
		if prev, dup := claimed[ind.Code]; dup {
			t.Errorf("%s: indicator %q already matched row %d", st, ind.Code, prev)
		}
		claimed[ind.Code] = st.row
		node := nodes[ind.NodeCode]
		if ind.Comparator != st.comparator {
			t.Errorf("%s: indicator %q comparator %q, want %q", st, ind.Code, ind.Comparator, st.comparator)
		}
		if node.Commitment != st.commitment {
			t.Errorf("%s: node %q commitment %q, want %q", st, node.Code, node.Commitment, st.commitment)
		}
		if ind.Kind == duban.MilestoneOnly {
			t.Errorf("%s: indicator %q is milestone-only, want a numeric kind", st, ind.Code)
		}
	}
}

// findTarget matches a seed row by value, unit and node deadline, plus a
// run of three letters (or a whole two-letter word) shared by the subject and the
// indicator's name or its node's title or quote.
func findTarget(b *duban.Bundle, nodes map[string]*duban.Node, st seedTarget) *duban.Indicator {
	for i := range b.Indicators {
		ind := &b.Indicators[i]
		node := nodes[ind.NodeCode]
		if ind.Target == nil || *ind.Target != st.value || ind.Unit != st.unit || node.Deadline != st.deadline {
			continue
		}
		if sharesKeyword(st.subject, ind.Name+" "+node.Title+" "+node.SourceQuote) {
			return ind
		}
	}
	return nil
}

func sharesKeyword(subject, text string) bool {
	head, _, _ := strings.Cut(subject, "(")
	for _, word := range strings.FieldsFunc(head, func(r rune) bool { return !unicode.IsLetter(r) }) {
		w := []rune(word)
		n := min(3, len(w))
		for i := 0; i+n <= len(w) && n >= 2; i++ {
			if strings.Contains(text, string(w[i:i+n])) {
				return true
			}
		}
	}
	return false
}

func TestErqiGrowthTargetSitsUnderTheGoal(t *testing.T) {
	b := decodeErqi(t)
	nodes := nodeIndex(b)
	for _, ind := range b.Indicators {
		if ind.Unit != "%" {
			continue
		}
		n := nodes[ind.NodeCode]
		parent := nodes[n.ParentCode]
		if n.Kind != duban.KindItem || parent == nil || parent.Kind != duban.KindGoal {
			t.Errorf("indicator %q: node %q (%s) under %q, want an item node under the goal", ind.Code, n.Code, n.Kind, n.ParentCode)
		}
		if ind.Kind != duban.Level || ind.Cadence != duban.Quarterly {
			t.Errorf("indicator %q: kind %s cadence %s, want level, quarterly", ind.Code, ind.Kind, ind.Cadence)
		}
	}
}

func TestErqiFramework(t *testing.T) {
	b := decodeErqi(t)
	if want := []string{"一个目标", "两个定位", "三个二七", "六个出彩"}; !slices.Equal(b.Plan.Framework, want) {
		t.Errorf("framework = %v, want %v", b.Plan.Framework, want)
	}
	if b.Plan.Code != "erqi-2021" || b.Plan.Year != 2021 || !b.Plan.Public {
		t.Errorf("plan = %q %d public=%v, want erqi-2021 2021 public", b.Plan.Code, b.Plan.Year, b.Plan.Public)
	}
	if !strings.Contains(b.Plan.Description, "示例") {
		t.Error("plan description must say names, phones and figures are illustrative (示例)")
	}
	tests := []struct {
		kind duban.NodeKind
		want []string
	}{
		{duban.KindGoal, []string{"建设现代化国际化生态化新城区"}},
		{duban.KindPositioning, []string{"中优典范", "西美示范"}},
		{duban.KindPath, []string{"深化“三个二七”发展路径"}},
		{duban.KindArea, []string{"主导产业升级", "城市品质提升", "改革创新深化", "美丽田园打造", "美好生活创造", "社会治理强化"}},
	}
	for _, tt := range tests {
		var got []string
		for _, n := range b.Nodes {
			if n.Kind == tt.kind {
				got = append(got, n.Title)
			}
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("%s nodes = %v, want %v", tt.kind, got, tt.want)
		}
	}
}

func TestErqiAreasHoldTasks(t *testing.T) {
	b := decodeErqi(t)
	nodes := nodeIndex(b)
	tasks := map[string]int{}
	for _, n := range b.Nodes {
		if p := nodes[n.ParentCode]; n.Kind == duban.KindTask && p != nil && p.Kind == duban.KindArea {
			tasks[p.Title]++
		}
	}
	for _, n := range b.Nodes {
		if n.Kind == duban.KindArea && (tasks[n.Title] < 3 || tasks[n.Title] > 12) {
			t.Errorf("area %s has %d tasks, want about 4–10", n.Title, tasks[n.Title])
		}
	}
}

func TestErqiMechanisms(t *testing.T) {
	b := decodeErqi(t)
	byName := map[string]duban.Mechanism{}
	for _, m := range b.Mechanisms {
		byName[m.Name] = m
	}
	for _, name := range []string{"三定四推五落实", "三位一体"} {
		m, ok := byName[name]
		if !ok {
			t.Errorf("mechanism %s missing", name)
			continue
		}
		for _, role := range []string{"责任领导", "牵头单位", "完成时限"} {
			if !slices.Contains(m.Roles, role) {
				t.Errorf("mechanism %s: roles %v lack %s", name, m.Roles, role)
			}
		}
		if m.Cadence != duban.Weekly || len(m.Checklist) == 0 {
			t.Errorf("mechanism %s: cadence %q checklist %v, want weekly with a checklist", name, m.Cadence, m.Checklist)
		}
		if !strings.Contains(m.Description, "原文未说明") {
			t.Errorf("mechanism %s: description must say its content is assumed (原文未说明)", name)
		}
	}
	if got, want := byName["三位一体"].Stages, []string{"洽谈", "签约", "开工", "投产"}; !slices.Equal(got, want) {
		t.Errorf("三位一体 stages = %v, want %v", got, want)
	}
}

// TestErqiQuotesAreVerbatim checks every source quote against the plan
// text, ignoring the line and page breaks that split words in the text.
func TestErqiQuotesAreVerbatim(t *testing.T) {
	raw, err := os.ReadFile(planTextPath)
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Join(strings.Fields(string(raw)), "")
	b := decodeErqi(t)
	quoted := 0
	for _, n := range b.Nodes {
		if n.SourceQuote == "" {
			continue
		}
		quoted++
		if !strings.Contains(text, n.SourceQuote) {
			t.Errorf("node %q: quote not found in the plan text: %s", n.Code, n.SourceQuote)
		}
	}
	if quoted < len(b.Nodes)*9/10 {
		t.Errorf("%d of %d nodes carry a source quote, want nearly all", quoted, len(b.Nodes))
	}
}

func TestErqiProjects(t *testing.T) {
	b := decodeErqi(t)
	count := 0
	for _, n := range b.Nodes {
		if n.Kind != duban.KindProject {
			continue
		}
		count++
		p := n.Project
		if p == nil || p.TotalInvestment <= 0 || p.Stage == "" || p.Address == "" || p.Lat == nil || p.Lng == nil {
			t.Errorf("project %q: want investment, stage, address and coordinates", n.Code)
			continue
		}
		if *p.Lat < 34.62 || *p.Lat > 34.76 || *p.Lng < 113.55 || *p.Lng > 113.66 {
			t.Errorf("project %q at %v,%v lies outside 二七区", n.Code, *p.Lat, *p.Lng)
		}
		if n.LeadUnit == "" || n.Leader == "" || len(n.Mechanisms) == 0 {
			t.Errorf("project %q: want a lead unit, a leader and a mechanism", n.Code)
		}
	}
	if count < 15 || count > 30 {
		t.Errorf("%d project nodes, want 15–30", count)
	}
}

func TestErqiTasksAreAssigned(t *testing.T) {
	b := decodeErqi(t)
	for _, n := range b.Nodes {
		if n.Kind != duban.KindTask && n.Kind != duban.KindItem {
			continue
		}
		if n.LeadUnit == "" || n.Leader == "" || n.Start.IsZero() || n.Deadline.IsZero() || n.Commitment == "" {
			t.Errorf("%s %q: want lead unit, leader, start, deadline and commitment", n.Kind, n.Code)
		}
	}
}

func TestErqiPlanSurvivesEncoding(t *testing.T) {
	b := decodeErqi(t)
	var buf bytes.Buffer
	if err := planfile.Encode(&buf, b); err != nil {
		t.Fatal(err)
	}
	again, err := planfile.Decode("encoded.yaml", &buf)
	if err != nil {
		t.Fatalf("encoded plan does not decode: %v", err)
	}
	if !reflect.DeepEqual(b, again) {
		t.Error("the plan changed on encode and decode")
	}
}
