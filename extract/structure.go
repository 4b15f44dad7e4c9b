package extract

import (
	"strings"

	"github.com/duban-dev/duban"
)

// generalArea holds tasks written before the first area heading.
const generalArea = "总体目标"

// builder walks the blocks in order and builds the result.
type builder struct {
	d          *document
	res        *Result
	year       int
	areaStyle  string
	area, task int // current area and task heading, -1 for none
	areaDue    duban.Date
	taskDue    duban.Date
	lead       duban.Date
	leadAsp    bool
	sc         scan                // reused for every block
	found      []found             // likewise
	columns    []columnKind        // of the table being read, from its header row
	seen       map[targetKey][]int // targets taken, by figure (restate.go)
	// general is set inside a general section (总体要求, 主要目标): its
	// targets belong to the plan, not to an area.
	general bool
}

func newBuilder(d *document, year int) *builder {
	// Room for a target and a decision per number written in digits, up
	// to what prose can hold: growing slices of large structs cost more
	// than the extraction.
	// Text denser than that is mostly not read number by number (dense.go).
	numbers := arabicNumbers(d.folded)
	if numbers > len(d.folded)/8 {
		numbers = 0
	}
	res := &Result{
		Plan:      PlanOutline{Year: year, Framework: []string{}, Areas: []Area{}},
		Targets:   make([]Target, 0, min(numbers, len(d.folded)/64)),
		Decisions: make([]Decision, 0, min(numbers, len(d.folded)/32)),
	}
	return &builder{d: d, res: res, year: year, area: -1, task: -1}
}

func (b *builder) result() *Result { return b.res }

func (b *builder) fallback() duban.Date {
	if b.year == 0 {
		return duban.Date{}
	}
	return duban.NewDate(b.year, 12, 31)
}

func (b *builder) add(bl *block) {
	b.sc.read(&bl.span, b.year)
	sc := &b.sc
	b.trackColumns(bl)
	ctx := context{fallback: b.fallback(), lead: b.lead, leadAsp: b.leadAsp, slogans: b.framework(sc), columns: b.columns}
	switch bl.kind {
	case titleBlock:
		b.res.Plan.Title = b.text(&bl.span)
	case headingBlock:
		// A heading's own numbers take their deadlines from its own words
		// or from the area; its deadline applies to the blocks under it.
		if !b.isArea(bl) {
			ctx.heading = b.areaDue
		}
		b.heading(bl, sc)
	default:
		ctx.heading = b.taskDue
		if ctx.heading.IsZero() {
			ctx.heading = b.areaDue
		}
	}
	found, decisions := sc.targets(b.d, ctx, b.found[:0], b.res.Decisions)
	b.found, b.res.Decisions = found, decisions
	if bl.kind == headingBlock && len(found) > 0 {
		b.taskDue = duban.Date{} // its time words were for its own targets
	}
	switch bl.kind {
	case titleBlock:
		b.attachAll(found, b.text(&bl.span))
	case headingBlock:
		b.attachHeading(bl, found)
	default:
		b.paragraph(bl, sc, found)
	}
}

// text is a span as written, trimmed of closing punctuation.
func (b *builder) text(s *span) string {
	return strings.TrimRight(b.d.original(s, 0, len(s.t)), "。，、；：;:,. \t")
}

func (b *builder) heading(bl *block, sc *scan) {
	due := duban.Date{}
	if e, ok := sc.firstTime(0, len(bl.t), timeDeadline); ok {
		due = e.date
	}
	title := b.text(&bl.span)
	if b.isArea(bl) && isGeneralTitle(title) {
		b.areaStyle = bl.style
		b.general, b.area, b.task = true, -1, -1
		b.areaDue, b.taskDue = due, duban.Date{}
		b.lead, b.leadAsp = duban.Date{}, false
		return
	}
	if b.general && !b.isArea(bl) {
		b.taskDue = due
		return
	}
	if b.isArea(bl) {
		b.general = false
		b.areaStyle = bl.style
		b.res.Plan.Areas = append(b.res.Plan.Areas, Area{Title: title, Tasks: []Task{}})
		b.area, b.task = len(b.res.Plan.Areas)-1, -1
		b.areaDue, b.taskDue = due, duban.Date{}
		b.lead, b.leadAsp = duban.Date{}, false
		return
	}
	b.task = b.newTask(title)
	b.taskDue = due
}

// isArea reports a heading in the style of the first section heading.
func (b *builder) isArea(bl *block) bool {
	return !minorStyle(bl.style) && (b.areaStyle == "" || bl.style == b.areaStyle)
}

func (b *builder) attachHeading(bl *block, found []found) {
	if len(found) == 0 {
		return
	}
	if b.task >= 0 && bl.style != b.areaStyle {
		b.attach(b.area, b.task, found)
		return
	}
	b.attachAll(found, b.text(&bl.span))
}

func (b *builder) paragraph(bl *block, sc *scan, found []found) {
	b.updateLead(bl, sc)
	if len(found) > 0 && (b.planLevel() || isCallout(bl.t)) {
		b.attachPlan(found)
		return
	}
	if b.task >= 0 {
		b.attach(b.area, b.task, found)
		return
	}
	if len(found) == 0 {
		if b.area >= 0 {
			b.newTask(b.summary(&bl.span, 0, after(sc.sents, 0, len(bl.t))))
		}
		return
	}
	for i := 0; i < len(found); {
		j := i
		for j < len(found) && found[j].sentStart == found[i].sentStart {
			j++
		}
		b.attachAll(found[i:j], b.sentenceTitle(&bl.span, found[i]))
		i = j
	}
}

// updateLead keeps a lead-in ("今年主要目标是：") for the blocks that list
// its items, and drops it after a paragraph that closes the list.
func (b *builder) updateLead(bl *block, sc *scan) {
	last := bl.t[len(bl.t)-1]
	switch {
	case last == ':':
		from := before(sc.segs, len(bl.t)-1)
		b.lead, b.leadAsp = duban.Date{}, sc.nearestMark(from, len(bl.t), markAspire) >= 0
		if e, ok := sc.nearestTime(from, len(bl.t), timeDeadline); ok {
			b.lead = e.date
		}
	case last == ';' || bl.inline:
	default:
		b.lead, b.leadAsp = duban.Date{}, false
	}
}

// attachAll puts targets under a new task titled title.
func (b *builder) attachAll(found []found, title string) {
	if len(found) == 0 {
		return
	}
	if b.planLevel() {
		b.attachPlan(found)
		return
	}
	b.ensureArea()
	t := b.newTaskIn(b.area, title)
	b.attach(b.area, t, found)
}

func (b *builder) attach(area, task int, found []found) {
	a := &b.res.Plan.Areas[area]
	tk := &a.Tasks[task]
	path := []string{a.Title, tk.Title} // shared by the task's targets
	for _, f := range found {
		if b.restated(&f, false) {
			continue
		}
		f.target.Path = path
		tk.Targets = append(tk.Targets, len(b.res.Targets))
		b.res.Targets = appendDoubling(b.res.Targets, f.target)
	}
}

func (b *builder) ensureArea() {
	if b.area < 0 {
		b.res.Plan.Areas = append(b.res.Plan.Areas, Area{Title: generalArea, Tasks: []Task{}})
		b.area = len(b.res.Plan.Areas) - 1
	}
}

func (b *builder) newTask(title string) int {
	b.ensureArea()
	return b.newTaskIn(b.area, title)
}

func (b *builder) newTaskIn(area int, title string) int {
	if title == "" {
		title = "未命名任务"
	}
	a := &b.res.Plan.Areas[area]
	a.Tasks = appendDoubling(a.Tasks, Task{Title: title})
	return len(a.Tasks) - 1
}

// maxTopic is the longest first clause read as the topic of its sentence
// ("二七商圈板块，统筹36个重大项目…").
const maxTopic = 10

// sentenceTitle titles the task of a sentence holding targets: its topic
// when it opens with a short one, else the clause of its first target.
func (b *builder) sentenceTitle(s *span, f found) string {
	end := f.sentStart
	for end < f.sentEnd && !isClauseBreak(s.t[end]) {
		end++
	}
	if end-f.sentStart <= maxTopic && end < f.clauseStart {
		return b.summary(s, f.sentStart, f.sentEnd)
	}
	return b.summary(s, f.clauseStart, f.sentEnd)
}

// summary titles a task after its sentence: the first clause, or the first
// two when the first is a mere lead word.
func (b *builder) summary(s *span, from, to int) string {
	const minTitle, maxTitle = 4, 40
	end := from
	for clauses := 0; end < to && clauses < 2; {
		for end < to && !isClauseBreak(s.t[end]) {
			end++
		}
		clauses++
		if end-from >= minTitle {
			break
		}
		if end < to {
			end++
		}
	}
	title := strings.TrimRight(b.d.original(s, from, min(end, to)), "。，、；：;:,. ")
	if r := []rune(title); len(r) > maxTitle {
		title = string(r[:maxTitle]) + "…"
	}
	return title
}

func isClauseBreak(r rune) bool {
	switch r {
	case '。', '!', '?', '！', '？', ',', '，', ';', '；', ':', '：', '|', '\t':
		return true
	}
	return false
}

// arabicNumbers counts the runs of Arabic digits in t.
func arabicNumbers(t []rune) int {
	n := 0
	for i, r := range t {
		if isDigit(r) && (i == 0 || !isDigit(t[i-1]) && t[i-1] != '.') {
			n++
		}
	}
	return n
}

// trackColumns keeps the columns of a table's header row for its rows.
func (b *builder) trackColumns(bl *block) {
	switch {
	case bl.kind != paragraphBlock || !isTableRow(bl.t):
		b.columns = nil
	case headerColumns(bl.t) != nil:
		b.columns = headerColumns(bl.t)
	}
}
