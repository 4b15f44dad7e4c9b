package extract

import (
	"strings"

	"github.com/duban-dev/duban"
)

// verdict is what classify decided about one number.
type verdict struct {
	silent bool // a Chinese numeral inside an ordinary word: not reported
	taken  bool
	reason string
	end    int              // end of the number, unit and comparator
	unit   string           // as written, multiplier included: 万人, 亿元
	cmp    duban.Comparator // from 以上/以下/左右 after the unit
	post   string           // the noun after the unit: 4个[精品村建设]
	subj   string           // the subject, when it could be read
	// high is the upper end of a range (6%—7%, 3至5个), which makes the
	// number its lower end.
	high    float64
	isRange bool
}

func skip(end int, reason string) verdict { return verdict{end: end, reason: reason} }

// classify decides whether number n is a target, and why not if not.
func (sc *scan) classify(n number, ctx context) verdict {
	t := sc.s.t
	if n.start > 0 && t[n.start-1] == '第' {
		return verdict{silent: n.chinese, end: n.end, reason: reasonOrdinal}
	}
	if n.digitRun {
		return verdict{silent: true}
	}
	if sc.afterSession(n) {
		return skip(skipWords(t, n.end, "次"), reasonSession)
	}
	if code(t, n) {
		return skip(n.end, reasonCode)
	}
	if sc.rangeHighs[n.start] {
		_, end := sc.unitOf(n)
		return skip(end, reasonRangeHigh)
	}
	if q, ok := sc.inQuote(n.start); ok {
		if ctx.slogans[sc.quotes[q][0]] {
			return skip(n.end, reasonSlogan)
		}
		return verdict{silent: n.chinese, end: n.end, reason: reasonQuoted}
	}
	unit, end := sc.unitOf(n)
	v := verdict{end: end, unit: unit}
	if unit == "" && (n.multStart < 0 || n.chinese) {
		hi, ok := sc.rangeEnd(n, n.end, "")
		if !ok {
			return sc.noUnit(n)
		}
		v = hi // 3至5个: the unit is written once, after the upper end
	} else if hi, ok := sc.rangeEnd(n, end, unit); ok {
		v = hi // 6%—7%
	}
	if n.multStart >= 0 && !v.isRange {
		v.unit = string(t[n.multStart:n.end]) + unit
	}
	unit = v.unit
	if r, ok := labelUnits[unit]; ok {
		return skip(v.end, r)
	}
	if cmp, k := comparatorAfter(t, v.end); k > 0 {
		v.cmp, v.end = cmp, v.end+k
	}
	v.post = postNoun(t, v.end)
	v.subj = sc.subject(n, v, before(sc.clauses, n.start))
	if r := sc.notATarget(n, v); r != "" {
		return skip(v.end, r)
	}
	v.taken, v.reason = true, reasonTaken
	return v
}

// unitOf returns the unit after n (or % for 百分之) and where it ends.
func (sc *scan) unitOf(n number) (string, int) {
	if n.percent != 0 {
		return string(n.percent), n.end
	}
	at := n.end
	if n.multStart < 0 {
		for at < len(sc.s.t) && sc.s.t[at] == ' ' {
			at++
		}
	}
	u := matchUnit(sc.s.t, at)
	if u == "" {
		return "", n.end
	}
	return u, at + len([]rune(u))
}

// code reports a number glued to Latin letters: 4A级, 5G, G107, U2.
func code(t []rune, n number) bool {
	if n.chinese {
		return false
	}
	return n.start > 0 && isASCIILetter(t[n.start-1]) || n.end < len(t) && isASCIILetter(t[n.end])
}

func (sc *scan) noUnit(n number) verdict {
	t := sc.s.t
	for _, l := range labelSuffixes {
		if hasPrefixAt(t, n.end, l.word) {
			if n.chinese && l.word != "大" {
				return verdict{silent: true}
			}
			return skip(n.end+len([]rune(l.word)), l.reason)
		}
	}
	return verdict{silent: n.chinese, end: n.end, reason: reasonNoUnit}
}

// notATarget returns why a number with a unit is still not a target, or "".
func (sc *scan) notATarget(n number, v verdict) string {
	t := sc.s.t
	if n.chinese && n.value == 1 && t[n.start] == '一' && v.unit != "所" && v.unit != "座" {
		return reasonGeneric
	}
	if sc.areaCount(n, v) {
		return reasonAreaCount
	}
	if v.unit == "所" && !institution(v.subj) {
		return reasonName
	}
	if sc.past(n) {
		return reasonPast
	}
	return ""
}

// areaCount reports a count of the plan's own sections: 6个方面, 八项重点工作,
// 以下5项工作：
func (sc *scan) areaCount(n number, v verdict) bool {
	post := []rune(v.post)
	head := v.post
	if len(post) > 4 {
		head = string(post[:4])
	}
	if strings.HasPrefix(head, "方面") || strings.HasPrefix(head, "领域") {
		return true
	}
	if !areaCountNouns[v.post] {
		return false
	}
	end := v.end + len(post)
	colon := end < len(sc.s.t) && (sc.s.t[end] == ':' || sc.s.t[end] == '：')
	return n.chinese || colon || strings.HasSuffix(string(sc.s.t[max(0, n.start-2):n.start]), "以下")
}

// institution reports whether N所 counts institutions (学校20所, 两所学校)
// rather than naming one (713所).
func institution(subject string) bool {
	return strings.ContainsAny(subject, "校园学院站馆构室心堂厂中")
}

// postNoun reads the noun phrase after a unit, up to a clause break, a
// list mark or another number.
func postNoun(t []rune, i int) string {
	j := i
	for j < len(t) && j-i < 16 {
		r := t[j]
		if isPunct(r) && r != '”' && r != '"' && r != '’' || r == '“' && j > i+8 ||
			r == '(' || r == '（' || r == '|' || r == '\t' || r == '等' || r == '…' ||
			startsNumber(t, j) && j > i && isDigit(r) {
			break
		}
		j++
	}
	return string(t[i:j])
}

// afterSession reports the 十一次 of 十一届十一次全会: a number right after a
// session label, or one naming a meeting.
func (sc *scan) afterSession(n number) bool {
	t := sc.s.t
	if k := lastBefore(len(sc.nums), func(k int) int { return sc.nums[k].start }, n.start); k >= 0 {
		if prev := sc.nums[k]; prev.end+1 == n.start && t[prev.end] == '届' {
			return true
		}
	}
	for _, w := range []string{"次全会", "次会议", "次全体会议", "次代表大会", "次党代会"} {
		if hasPrefixAt(t, n.end, w) {
			return true
		}
	}
	return false
}

// rangeEnd reads the upper end of a range starting at i, right after
// number n (and its unit, if written): 6%—7%, 3至5个, 1.5-2万人. The upper
// end must carry the same unit as the lower, or the only unit.
func (sc *scan) rangeEnd(n number, i int, unit string) (verdict, bool) {
	t := sc.s.t
	if i >= len(t) || !strings.ContainsRune("-—–~至到", t[i]) {
		return verdict{}, false
	}
	j := i + 1
	if j < len(t) && t[j] == '—' {
		j++
	}
	if j >= len(t) || !startsNumber(t, j) || n.percent != 0 {
		return verdict{}, false
	}
	m, ok := parseNumber(t, j)
	if !ok || m.digitRun || m.chinese != n.chinese {
		return verdict{}, false
	}
	mu, end := sc.unitOf(m)
	if m.multStart >= 0 {
		mu = string(t[m.multStart:m.end]) + mu
	}
	if mu == "" || unit != "" && mu != unit {
		return verdict{}, false
	}
	if sc.rangeHighs == nil {
		sc.rangeHighs = map[int]bool{}
	}
	sc.rangeHighs[m.start] = true
	return verdict{end: end, unit: mu, high: m.written(), isRange: true}, true
}
