package extract

import "sort"

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
	clauses []int // positions of clause separators: ， ； ： 。 …
	segs    []int // positions of segment separators: ； ： 。 …
	sents   []int // positions of sentence ends: 。 ！ ？
	colons  []int
	quotes  [][2]int
	// rangeHighs marks the upper ends of ranges, by position.
	rangeHighs map[int]bool
}

// scanBlock reads s in one pass.
func scanBlock(s *span, year int) *scan {
	sc := &scan{s: s, year: year}
	t := s.t
	for i := 0; i < len(t); {
		sc.separator(i)
		if mayStartTime(t[i]) {
			if e, ok := parseTime(t, i, year); ok {
				sc.times = append(sc.times, e)
				i = e.end
				continue
			}
		}
		if startsNumber(t, i) && (i == 0 || !isDigit(t[i-1]) && t[i-1] != '.') {
			if n, ok := parseNumber(t, i); ok && n.end > i {
				sc.nums = append(sc.nums, n)
				i = n.end
				continue
			}
		}
		if m, ok := markAt(t, i); ok {
			sc.marks = append(sc.marks, m)
			i = m.end
			continue
		}
		i++
	}
	sc.quotes = quoteSpans(t)
	return sc
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

func (sc *scan) separator(i int) {
	switch sc.s.t[i] {
	case '。', '!', '?', '！', '？':
		sc.clauses = append(sc.clauses, i)
		sc.segs = append(sc.segs, i)
		sc.sents = append(sc.sents, i)
	case ';', '；', '|', '\t':
		sc.clauses = append(sc.clauses, i)
		sc.segs = append(sc.segs, i)
	case ':', '：':
		sc.clauses = append(sc.clauses, i)
		sc.segs = append(sc.segs, i)
		sc.colons = append(sc.colons, i)
	case '.':
		if i+1 == len(sc.s.t) || !isDigit(sc.s.t[i+1]) {
			sc.clauses = append(sc.clauses, i)
			sc.segs = append(sc.segs, i)
			sc.sents = append(sc.sents, i)
		}
	case ',', '，', '…', '(', ')', '（', '）', '—':
		sc.clauses = append(sc.clauses, i)
	}
}

// before returns the start of the stretch holding position i: one past the
// last separator before i.
func before(seps []int, i int) int {
	k := sort.SearchInts(seps, i)
	if k == 0 {
		return 0
	}
	return seps[k-1] + 1
}

// after returns the position of the first separator at or after i.
func after(seps []int, i, n int) int {
	k := sort.SearchInts(seps, i)
	if k == len(seps) {
		return n
	}
	return seps[k]
}

// quoteSpans finds text in quotation marks or title marks, up to a length
// a name may have.
func quoteSpans(t []rune) [][2]int {
	const maxName = 40
	var out [][2]int
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
