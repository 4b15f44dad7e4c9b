package extract

import "strings"

// A deadline is often written after the number it binds: in brackets
// (12所（11月底前完成）), in a clause of its own (…，11月底前完成), after a
// label (完成时限：11月底; 时间节点：9月底前), or in the 完成时限 cell of a
// table row. trailing finds it.

// deadlineLabels introduce a deadline after a colon.
var deadlineLabels = []string{"完成时限", "时间节点", "完成时间", "时限要求", "时限", "截止时间", "完成节点", "办结时限"}

// deadlineFillers are the words a clause holding only a deadline may have
// besides it: 11月底前全部完成, 力争6月底前投用.
var deadlineFillers = []string{
	"全部完成", "基本完成", "前完成", "完成", "建成投用", "建成", "完工", "竣工", "实现", "到位", "落实", "办结",
	"投入使用", "全部投用", "投用", "开工", "交付", "力争", "确保", "争取", "全部", "于", "在", "前", "以前", "之前", "底",
}

// maxTrailingClauses bounds how far after a number its deadline is looked
// for.
const maxTrailingClauses = 8

// trailingDeadline is a deadline written after the number it binds, with
// the clause it stands in.
type trailingDeadline struct {
	e        timeExpr
	from, to int // its clause
}

// trailing returns the deadline written after number n's clause, if any.
// In prose it looks no further than the segment (up to ；), except for a
// labelled deadline opening the next sentence; in a table row, anywhere
// later in the row, else anywhere earlier in it.
func (sc *scan) trailing(n number) (trailingDeadline, bool) {
	t := sc.s.t
	row := isTableRow(t)
	p := after(sc.clauses, n.end, len(t))
	for steps := 0; p < len(t) && steps < maxTrailingClauses; steps++ {
		if !row && (t[p] == ';' || t[p] == '；') {
			return trailingDeadline{}, false
		}
		if !row && isSentenceEnd(t[p]) || t[p] == '.' && !row {
			if !sc.labelAt(p + 1) {
				return trailingDeadline{}, false
			}
		}
		from := p + 1
		to := after(sc.clauses, from, len(t))
		if t[p] == '(' || t[p] == '（' {
			if e, ok := sc.firstTime(from, sc.closingBracket(from), timeDeadline); ok {
				return trailingDeadline{e, from, sc.closingBracket(from)}, true
			}
		}
		if e, ok := sc.firstTime(from, to, timeDeadline); ok {
			if sc.onlyDeadline(from, to, e) || sc.labelBefore(from) {
				return trailingDeadline{e, from, to}, true
			}
			return trailingDeadline{}, false // the time of other work
		}
		p = to
	}
	if row {
		return sc.rowDeadlineBefore(n)
	}
	return trailingDeadline{}, false
}

// rowDeadlineBefore finds a deadline-only cell before n in a table row:
// | 11月底前 | 新建公办幼儿园12所 |.
func (sc *scan) rowDeadlineBefore(n number) (trailingDeadline, bool) {
	to := before(sc.clauses, n.start) - 1
	for to > 0 {
		from := before(sc.clauses, to)
		if e, ok := sc.firstTime(from, to, timeDeadline); ok && sc.onlyDeadline(from, to, e) {
			return trailingDeadline{e, from, to}, true
		}
		to = from - 1
	}
	return trailingDeadline{}, false
}

func (sc *scan) closingBracket(from int) int {
	t := sc.s.t
	for i := from; i < len(t) && i < from+maxQuoteSide; i++ {
		if t[i] == ')' || t[i] == '）' {
			return i
		}
	}
	return min(len(t), from+maxQuoteSide)
}

// onlyDeadline reports a clause [from, to) holding deadline e and nothing
// but words that go with a deadline.
func (sc *scan) onlyDeadline(from, to int, e timeExpr) bool {
	rest := strings.TrimSpace(string(sc.s.t[from:e.start])) + strings.TrimSpace(string(sc.s.t[e.end:to]))
	for changed := true; changed && rest != ""; {
		changed = false
		for _, w := range deadlineFillers {
			if strings.HasPrefix(rest, w) {
				rest, changed = strings.TrimSpace(rest[len(w):]), true
			} else if strings.HasSuffix(rest, w) {
				rest, changed = strings.TrimSpace(rest[:len(rest)-len(w)]), true
			}
		}
	}
	return rest == ""
}

// labelBefore reports a deadline label ending in a colon right before from.
func (sc *scan) labelBefore(from int) bool {
	t := sc.s.t
	if from < 1 || t[from-1] != ':' && t[from-1] != '：' {
		return false
	}
	for _, w := range deadlineLabels {
		if hasSuffixAt(t, from-1, w) {
			return true
		}
	}
	return false
}

// labelAt reports a deadline label at i: "时间节点：9月底前…" opening a
// sentence after the one holding the number.
func (sc *scan) labelAt(i int) bool {
	t := sc.s.t
	for i < len(t) && t[i] == ' ' {
		i++
	}
	for _, w := range deadlineLabels {
		if hasPrefixAt(t, i, w) {
			k := i + len([]rune(w))
			return k < len(t) && (t[k] == ':' || t[k] == '：')
		}
	}
	return false
}

// genericYear words place a target in the plan year without saying when
// in it; a deadline written after the number is more precise.
var genericYear = map[string]bool{"今年": true, "全年": true, "本年度": true, "本年": true, "当年": true, "年度内": true, "年内": true}

func (sc *scan) isGeneric(e timeExpr) bool {
	w := string(sc.s.t[e.start:min(e.end, e.start+3)])
	for g := range genericYear {
		if strings.HasPrefix(w, g) && e.end-e.start <= len([]rune(g))+1 {
			return true
		}
	}
	return false
}

// trailingAspires reports 力争/争取 in the clause of a trailing deadline:
// 新增停车泊位3000个，力争6月底前全部投用.
func (sc *scan) trailingAspires(td trailingDeadline) bool {
	return sc.nearestMark(td.from, td.to, markAspire) >= 0
}
