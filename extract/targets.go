package extract

import (
	"sort"
	"strings"

	"github.com/duban-dev/duban"
)

// found is a number that became a target, with the sentence it sits in.
type found struct {
	target      Target
	sentStart   int // block positions of the sentence holding it
	sentEnd     int
	clauseStart int // and of its clause
	numStart    int // input offset of the number, as its decision has it
}

// context is what a block inherits from around it.
type context struct {
	lead     duban.Date // deadline of a lead-in ("今年主要目标是：") before the block
	leadAsp  bool       // the lead-in said 力争
	heading  duban.Date // deadline written in the enclosing headings
	fallback duban.Date // end of the plan year
	slogans  map[int]bool
	columns  []columnKind // of the table a row belongs to, from its header
}

// reasons for skipping a number.
const (
	reasonOrdinal   = "序数 (an ordinal)"
	reasonCode      = "编号或等级 (a code or rating)"
	reasonQuoted    = "引号或书名号中的名称 (number inside a quoted name)"
	reasonSlogan    = "口号中的数字 (number in a slogan)"
	reasonNoUnit    = "无计量单位 (no unit)"
	reasonGeneric   = "泛指“一” (a generic 'one', not a count)"
	reasonAreaCount = "领域或方面的数量 (a count of areas)"
	reasonName      = "名称中的数字 (number inside a name)"
	reasonPast      = "以往的结果 (a past result)"
	reasonDate      = "日期或期限，不是目标 (a date or deadline, not a target)"
	reasonPastDate  = "以往的日期 (a past date)"
	reasonTaken     = "采用：目标 (taken: a target)"
	reasonSession   = "会议届次 (a meeting's number)"
	reasonRangeHigh = "区间上限，随下限一并判断 (upper end of a range, judged with its lower end)"
	reasonDuration  = "时长，不是目标 (a duration, not a target)"
	reasonClass     = "规模档次或规格，不是目标 (a size class or rating of what is counted, not a target)"
	reasonProgress  = "进展情况，不是目标 (reported progress, not a target)"
	reasonRestated  = "重复前文的目标 (restates an earlier target)"
)

// targets classifies every number of a scanned block, appending what it
// found to out and its decisions to decisions.
func (sc *scan) targets(d *document, ctx context, out []found, decisions []Decision) ([]found, []Decision) {
	first := len(decisions)
	skipped := sc.skipped
	for _, iv := range skipped {
		decisions = appendDoubling(decisions, sc.skippedDecision(d, iv))
	}
	for _, e := range sc.times {
		if inInterval(skipped, e.start) {
			continue
		}
		if hasDigits(sc.s.t[e.start:e.end]) {
			reason := reasonDate
			if e.kind == timePast {
				reason = reasonPastDate
			}
			decisions = appendDoubling(decisions, sc.decision(d, e.start, e.end, false, reason))
		}
	}
	carried := ""
	for _, n := range sc.nums {
		if inInterval(skipped, n.start) {
			continue
		}
		v := sc.classify(n, ctx)
		if v.silent {
			continue
		}
		if v.taken && ctx.column(sc.s.t, n.start) == columnProgress {
			v.taken, v.reason = false, reasonProgress
		}
		if v.reason == reasonProgress {
			sc.attachProgress(d, out, n, v)
		}
		decisions = appendDoubling(decisions, sc.decision(d, n.start, v.end, v.taken, v.reason))
		if !v.taken {
			continue
		}
		tg := sc.target(d, n, v, ctx, &carried)
		out = appendDoubling(out, found{
			target: tg, sentStart: before(sc.sents, n.start), sentEnd: after(sc.sents, n.end, len(sc.s.t)),
			clauseStart: max(before(sc.clauses, n.start), n.start-maxQuoteSide), numStart: sc.s.at(n.start),
		})
	}
	sortDecisions(decisions[first:])
	return out, decisions
}

func hasDigits(t []rune) bool {
	for _, r := range t {
		if isDigit(r) || isChineseDigit(r) {
			return true
		}
	}
	return false
}

func (sc *scan) decision(d *document, from, to int, taken bool, reason string) Decision {
	start, end := sc.s.offsets(from, to)
	return Decision{Text: d.original(sc.s, from, to), Start: start, End: end, Taken: taken, Reason: reason}
}

func sortDecisions(ds []Decision) {
	sort.SliceStable(ds, func(i, j int) bool { return ds[i].Start < ds[j].Start })
}

// target builds the Target for a taken number.
func (sc *scan) target(d *document, n number, v verdict, ctx context, carried *string) Target {
	t := sc.s.t
	cs, ce := before(sc.clauses, n.start), after(sc.clauses, n.end, len(t))
	cs, ce = max(cs, n.start-maxQuoteSide), min(ce, v.end+maxQuoteSide)
	if ce < v.end {
		ce = v.end
	}
	cmp := v.cmp
	from := max(cs, n.start-maxLookBack, sc.prevNumberEnd(n))
	for i := n.start; cmp == "" && i > from; i-- {
		cmp = comparatorBefore(t, i) // 不少于3处, 至少新建3处
	}
	value := n.written()
	if v.isRange {
		if cmp == duban.AtMost {
			value = v.high // 压缩至3—5个工作日: at most the upper end
		} else {
			cmp = duban.AtLeast
		}
	}
	if cmp == "" {
		cmp = duban.Equal
	}
	subject := v.subj
	if name := ctx.rowName(t); name != "" && ctx.column(t, n.start) != columnName {
		subject = cleanSubject(name) // | 老旧小区改造 | 改造86个 |
	}
	if subject == "" {
		subject = *carried
	}
	if subject == "" {
		subject = cleanSubject(string(t[cs:ce]))
	}
	*carried = subject
	start, end := sc.s.offsets(cs, ce)
	tg := Target{
		Subject: subject, Value: value, Unit: v.unit, Comparator: cmp,
		Commitment: sc.commitment(n.start, ctx), Quote: d.original(sc.s, cs, ce),
		Start: start, End: end,
	}
	td, hasTrailing := sc.trailing(n)
	if hasTrailing && sc.trailingAspires(td) {
		tg.Commitment = duban.Aspirational
	}
	if dl := sc.deadline(n, td, hasTrailing, ctx); !dl.IsZero() {
		tg.Deadline = sc.date(dl)
	}
	return tg
}

// Bounds that keep text with no punctuation linear: a quote reaches at
// most maxQuoteSide runes either side of its number, a subject's lead-in
// at most maxPre runes.
const (
	maxQuoteSide = 60
	maxPre       = 30
)

// subject joins what precedes the number in its clause (after any time or
// commitment word) with the noun after its unit.
func (sc *scan) subject(n number, v verdict, cs int) string {
	t := sc.s.t
	from := cs
	if k := lastBefore(len(sc.times), func(k int) int { return sc.times[k].start }, n.start); k >= 0 {
		if e := sc.times[k]; e.start >= cs && e.end <= n.start && e.kind != timeDate {
			from = max(from, e.end)
		}
	}
	if k := lastBefore(len(sc.marks), func(k int) int { return sc.marks[k].start }, n.start); k >= 0 {
		if m := sc.marks[k]; m.start >= cs && m.end <= n.start {
			from = max(from, m.end)
		}
	}
	if k := lastBefore(len(sc.nums), func(k int) int { return sc.nums[k].start }, n.start); k >= 0 {
		// a list: 36个重大项目、15项重点工作; but not after a size class,
		// which is part of the subject: 110千伏变电站2座
		if prev := sc.nums[k]; prev.start >= cs && !sc.classes[prev.start] {
			if u := matchUnit(t, prev.end); u != "" && labelUnits[u] == "" {
				from = max(from, prev.end+len([]rune(u)))
			}
		}
	}
	pre := string(t[max(from, n.start-maxPre):n.start])
	if strings.HasSuffix(pre, "等") || strings.ContainsRune(pre, '、') && v.post != "" && !strings.HasPrefix(v.post, "完成") {
		// names given as examples, then what they are: 袁河社区、曹洼社区等4个示范村
		pre = ""
	}
	pre = trimPre(pre)
	subject := cleanSubject(pre + v.post)
	if subject == "" && cs > 0 && isCellOrLabel(t[cs-1]) {
		subject = cleanSubject(trimPre(string(t[before(sc.clauses, cs-1) : cs-1])))
	}
	return subject
}

func isCellOrLabel(r rune) bool { return r == ':' || r == '|' || r == '\t' }

var leadingFillers = []string{
	"其中", "并且", "并", "同时", "另外", "以及", "共计", "共", "全部", "高质量完成",
	"高质量", "高标准", "至少", "不少于", "不低于", "超过", "完成", "实现", "达到", "要", "将", "再", "和", "及", "与",
}

// Longer words first: 压缩至 before 至.
var trailingFillers = []string{
	"目标是", "目标为", "目标", "压缩至", "压缩到", "缩短至", "缩短到", "降至", "降到",
	"控制在", "保持在", "稳定在", "达到", "达", "为", "到", "至", "在", "不少于",
	"不低于", "不超过", "不高于", "至少", "超过", "突破", "超", "高于", "低于", "多于", "少于",
}

func trimPre(s string) string {
	s = strings.TrimSpace(s)
	for changed := true; changed; {
		changed = false
		for _, w := range leadingFillers {
			if strings.HasPrefix(s, w) {
				s, changed = s[len(w):], true
			}
		}
		for _, w := range trailingFillers {
			if strings.HasSuffix(s, w) {
				s, changed = s[:len(s)-len(w)], true
			}
		}
	}
	return s
}

var subjectReplacer = strings.NewReplacer("“", "", "”", "", "\"", "", "‘", "", "’", "",
	"「", "", "」", "", "《", "", "》", "", " ", "", "#", "", "*", "")

func cleanSubject(s string) string {
	s = strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f || r >= 0x80 && r < 0xa0 || r == 0x2028 || r == 0x2029 {
			return -1
		}
		return r
	}, subjectReplacer.Replace(s))
	s = strings.Trim(s, "、，,；;：:。 ")
	r := []rune(s)
	if len(r) > 30 {
		s = string(r[:30])
	}
	return s
}

// lastBefore returns the index of the last of n sorted items whose start is
// before pos, or -1.
func lastBefore(n int, start func(int) int, pos int) int {
	return sort.Search(n, func(k int) bool { return start(k) >= pos }) - 1
}

// date returns the shared pointer to d: many targets have the same deadline.
func (sc *scan) date(d duban.Date) *duban.Date {
	if p, ok := sc.dates[d]; ok {
		return p
	}
	if sc.dates == nil {
		sc.dates = map[duban.Date]*duban.Date{}
	}
	p := &d
	sc.dates[d] = p
	return p
}

// maxSkippedText is how much of a stretch not read a decision quotes.
const maxSkippedText = 40

// skippedDecision reports a stretch not read number by number: its offsets
// cover all of it, its text the start.
func (sc *scan) skippedDecision(d *document, iv interval) Decision {
	dec := sc.decision(d, iv.from, min(iv.to, iv.from+maxSkippedText), false, iv.reason)
	_, dec.End = sc.s.offsets(iv.from, iv.to)
	if iv.to-iv.from > maxSkippedText {
		dec.Text += "…"
	}
	return dec
}

// prevNumberEnd returns where the number before n ends, or 0.
func (sc *scan) prevNumberEnd(n number) int {
	if k := lastBefore(len(sc.nums), func(k int) int { return sc.nums[k].start }, n.start); k >= 0 {
		return sc.nums[k].end
	}
	return 0
}

// attachProgress records progress number n as the reported progress of the
// target before it in its sentence (or table row) with the same unit:
// 全年新建公办幼儿园12所，截至9月底已完成8所.
func (sc *scan) attachProgress(d *document, out []found, n number, v verdict) {
	sentStart := before(sc.sents, n.start)
	for k := len(out) - 1; k >= 0; k-- {
		f := &out[k]
		if f.sentStart < sentStart && !isTableRow(sc.s.t) {
			return
		}
		if f.target.Unit != v.unit || f.target.Progress != nil {
			continue
		}
		cs := before(sc.clauses, n.start)
		p := &Progress{Value: n.written(), Unit: v.unit, Quote: d.original(sc.s, cs, v.end)}
		if date, ok := sc.asOf(n.start); ok {
			p.AsOf = sc.date(date)
		}
		f.target.Progress = p
		return
	}
}
