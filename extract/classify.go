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
	if code(t, n) && !asciiUnit(t, n) {
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
		v.reason = r // the unit stays known: progress is matched to its target by it
		return v
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
	if u == "" || n.chinese && arabicOnlyUnits[u] || hasPrefixAt(sc.s.t, at, "周年") {
		return "", n.end
	}
	return u, at + len([]rune(u))
}

// asciiUnit reports a unit in Latin letters right after n: 100MW, 35kV.
func asciiUnit(t []rune, n number) bool {
	if n.start > 0 && isASCIILetter(t[n.start-1]) {
		return false
	}
	u := matchUnit(t, n.end)
	return u != "" && isASCIILetter([]rune(u)[0]) && (n.end+len(u) == len(t) || !isASCIIAlnum(t[n.end+len(u)]))
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
	past, progress := sc.past(n)
	if progress {
		return reasonProgress
	}
	if v.unit == "所" && !institution(v.subj) && !sc.listBefore(n) {
		return reasonName
	}
	if v.unit == "年" && !sc.valueOf(n) {
		return reasonDuration // 连续3年开展; but 受教育年限达到11年 is a value
	}
	if sc.sizeClass(n, v) {
		if sc.classes == nil {
			sc.classes = map[int]bool{}
		}
		sc.classes[n.start] = true
		return reasonClass
	}
	if past {
		return reasonPast
	}
	return ""
}

// listBefore reports a 、-list or 等 right before n in its clause: N所
// then counts the institutions listed (实验小学、育才中学等3所).
func (sc *scan) listBefore(n number) bool {
	t := sc.s.t
	from := max(before(sc.clauses, n.start), n.start-maxPre)
	pre := t[from:n.start]
	return containsAny(pre, "、") || n.start > 0 && t[n.start-1] == '等'
}

// valueWords before a number make it the value an indicator reaches.
var valueWords = []string{"达到", "达", "为", "到", "至", "提高", "延长", "不少于", "不低于", "超过", "保持"}

func (sc *scan) valueOf(n number) bool {
	t := sc.s.t
	for _, w := range valueWords {
		if hasSuffixAt(t, n.start, w) {
			return true
		}
	}
	return false
}

// hasSuffixAt reports whether t[:i] ends with w.
func hasSuffixAt(t []rune, i int, w string) bool {
	k := i - len([]rune(w))
	return k >= 0 && hasPrefixAt(t, k, w)
}

// countUnits count things; other units measure them.
var countUnits = map[string]bool{
	"个": true, "条": true, "所": true, "项": true, "家": true, "座": true, "户": true, "套": true,
	"处": true, "栋": true, "台": true, "辆": true, "名": true, "人": true, "位": true, "张": true,
	"间": true, "件": true, "场": true, "只": true, "部": true, "艘": true, "架": true, "根": true,
	"盏": true, "棵": true, "株": true, "口": true, "眼": true, "宗": true, "笔": true, "例": true,
	"穴": true, "份": true, "起": true, "班": true, "头": true,
}

// maxClassGap is the longest noun between a size class and the count it
// qualifies: 10亿元以上[项目]15个.
const maxClassGap = 8

// sizeClass reports a number that grades what a later count in its clause
// counts rather than being a target itself: 市值1000亿元以上的企业2家,
// 10亿元以上项目15个, 110千伏变电站2座.
func (sc *scan) sizeClass(n number, v verdict) bool {
	t := sc.s.t
	k := lastBefore(len(sc.nums), func(k int) int { return sc.nums[k].start }, v.end) + 1
	if k >= len(sc.nums) {
		return false
	}
	next := sc.nums[k]
	ce := after(sc.clauses, v.end, len(t))
	if next.start >= ce || next.start-v.end > maxClassGap || next.chinese && next.value == 1 {
		return false
	}
	unit, _ := sc.unitOf(next)
	if !countUnits[unit] || countUnits[v.unit] && v.cmp == "" {
		return false
	}
	gap := string(t[v.end:next.start])
	for _, verb := range []string{"建设", "实施", "完成", "新建", "推进", "打造", "改造", "带动", "，"} {
		if strings.Contains(gap, verb) {
			return false
		}
	}
	return true
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
