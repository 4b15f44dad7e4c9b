package extract

import (
	"sort"

	"github.com/duban-dev/duban"
)

// markKind is a word that bears on the numbers after it.
type markKind int

const (
	markAspire   markKind = iota // 力争、争取: an aspirational target
	markFirm                     // 确保、务必: a firm target
	markPastWeak                 // 累计: a past total, unless a deadline says otherwise
)

type mark struct {
	start, end int
	kind       markKind
}

var markWords = []struct {
	word string
	kind markKind
}{
	{"力争", markAspire}, {"争取", markAspire}, {"力求", markAspire}, {"努力", markAspire},
	{"尽力", markAspire}, {"确保", markFirm}, {"务必", markFirm}, {"必须", markFirm},
	{"坚决", markFirm}, {"保证", markFirm}, {"累计", markPastWeak},
}

// scan is one block read into time expressions, marks, numbers and the
// positions of its separators.
type scan struct {
	s       *span
	year    int
	times   []timeExpr
	marks   []mark
	nums    []number
	clauses []int32 // positions of clause separators: ， ； ： 。 …
	segs    []int32 // positions of segment separators: ； ： 。 …
	sents   []int32 // positions of sentence ends: 。 ！ ？
	colons  []int32
	quotes  [][2]int
	// rangeHighs marks the upper ends of ranges, by position.
	rangeHighs map[int]bool
	// classes marks the numbers read as size classes, by position.
	classes map[int]bool
	// dates shares one pointer among the targets with the same deadline.
	dates map[duban.Date]*duban.Date
	// skipped holds the stretches not read number by number (dense.go).
	skipped []interval
}

// read scans s into sc in one pass, reusing sc's slices: a builder scans every block
// with one scan, so its memory is that of the longest block.
func (sc *scan) read(s *span, year int) {
	*sc = scan{
		s: s, year: year, times: sc.times[:0], marks: sc.marks[:0], nums: sc.nums[:0],
		clauses: sc.clauses[:0], segs: sc.segs[:0], sents: sc.sents[:0], colons: sc.colons[:0],
		quotes: sc.quotes[:0], rangeHighs: sc.rangeHighs, skipped: sc.skipped[:0], dates: sc.dates,
		classes: sc.classes,
	}
	clear(sc.rangeHighs)
	clear(sc.classes)
	t := s.t
	sc.prepare(t)
	skip := 0 // index into sc.skipped
	for i := 0; i < len(t); {
		sc.separator(i)
		if skip < len(sc.skipped) && i >= sc.skipped[skip].from {
			if i < sc.skipped[skip].to {
				i++ // not read number by number; separators still count
				continue
			}
			skip++
		}
		if mayStartTime(t[i]) {
			if e, ok := parseTime(t, i, year); ok {
				if k := len(sc.times) - 1; k >= 0 && e.kind == timeDeadline && sc.times[k].end == e.start &&
					asOfWords[string(t[sc.times[k].start:sc.times[k].end])] {
					e.kind = timeAsOf // 截至9月底: keeps its date, binds nothing
				}
				sc.times = appendDoubling(sc.times, e)
				i = e.end
				continue
			}
		}
		if startsNumber(t, i) && (i == 0 || !isDigit(t[i-1]) && t[i-1] != '.') {
			if n, ok := parseNumber(t, i); ok && n.end > i {
				sc.nums = appendDoubling(sc.nums, n)
				i = n.end
				continue
			}
		}
		if m, ok := markAt(t, i); ok {
			sc.marks = appendDoubling(sc.marks, m)
			i = m.end
			continue
		}
		i++
	}
	sc.quotes = quoteSpans(t, sc.quotes)
}

var timeStarts = func() map[rune]bool {
	m := map[rune]bool{'十': true, '第': true}
	for _, w := range relativeYears {
		m[[]rune(w.word)[0]] = true
	}
	for _, q := range quarterWords {
		m[[]rune(q.word)[0]] = true
	}
	return m
}()

func mayStartTime(r rune) bool {
	return isDigit(r) || isChineseDigit(r) || timeStarts[r]
}

// markFirst holds the first rune of every mark word, to skip most runes
// without comparing words.
var markFirst = func() map[rune]bool {
	m := map[rune]bool{}
	for _, w := range markWords {
		m[[]rune(w.word)[0]] = true
	}
	return m
}()

func markAt(t []rune, i int) (mark, bool) {
	if !markFirst[t[i]] {
		return mark{}, false
	}
	for _, w := range markWords {
		if hasPrefixAt(t, i, w.word) {
			return mark{start: i, end: i + len([]rune(w.word)), kind: w.kind}, true
		}
	}
	return mark{}, false
}

// Separator levels: every sentence end also ends a segment and a clause.
const (
	sepClause = 1 << iota
	sepSegment
	sepSentence
	sepColon
)

// separatorAt returns the levels of the separator at t[i], 0 if none.
func separatorAt(t []rune, i int) int {
	switch t[i] {
	case '。', '!', '?', '！', '？':
		return sepClause | sepSegment | sepSentence
	case ';', '；', '|', '\t':
		return sepClause | sepSegment
	case ':', '：':
		return sepClause | sepSegment | sepColon
	case '.':
		if i+1 == len(t) || !isDigit(t[i+1]) {
			return sepClause | sepSegment | sepSentence
		}
	case ',', '，', '…', '(', ')', '（', '）', '—':
		return sepClause
	}
	return 0
}

func (sc *scan) separator(i int) {
	k := separatorAt(sc.s.t, i)
	if k == 0 {
		return
	}
	p := int32(i)
	sc.clauses = append(sc.clauses, p)
	if k&sepSegment != 0 {
		sc.segs = append(sc.segs, p)
	}
	if k&sepSentence != 0 {
		sc.sents = append(sc.sents, p)
	}
	if k&sepColon != 0 {
		sc.colons = append(sc.colons, p)
	}
}

// before returns the start of the stretch holding position i: one past the
// last separator before i.
func before(seps []int32, i int) int {
	k := searchSeps(seps, i)
	if k == 0 {
		return 0
	}
	return int(seps[k-1]) + 1
}

// after returns the position of the first separator at or after i.
func after(seps []int32, i, n int) int {
	k := searchSeps(seps, i)
	if k == len(seps) {
		return n
	}
	return int(seps[k])
}

// searchSeps returns the index of the first separator at or after i.
func searchSeps(seps []int32, i int) int {
	lo, hi := 0, len(seps)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if int(seps[m]) < i {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

// quoteSpans finds text in quotation marks or title marks, up to a length
// a name may have.
func quoteSpans(t []rune, out [][2]int) [][2]int {
	const maxName = 40
	for i := 0; i < len(t); i++ {
		closer := quoteCloser(t[i])
		if closer == 0 {
			continue
		}
		for j := i + 1; j < len(t) && j-i <= maxName; j++ {
			if isSentenceEnd(t[j]) {
				break
			}
			if t[j] == closer {
				out = append(out, [2]int{i, j + 1})
				i = j
				break
			}
		}
	}
	return out
}

func quoteCloser(r rune) rune {
	switch r {
	case '“':
		return '”'
	case '‘':
		return '’'
	case '「':
		return '」'
	case '『':
		return '』'
	case '《':
		return '》'
	case '"':
		return '"'
	}
	return 0
}

func (sc *scan) inQuote(i int) (int, bool) {
	k := sort.Search(len(sc.quotes), func(k int) bool { return sc.quotes[k][1] > i })
	if k < len(sc.quotes) && sc.quotes[k][0] < i {
		return k, true
	}
	return -1, false
}
