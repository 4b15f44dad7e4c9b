package extract

import (
	"fmt"
	"strings"

	"github.com/duban-dev/duban"
)

// The plan years Extract and the commands accept.
const (
	MinYear = 1949
	MaxYear = 2100
)

// Where the plan year came from (PlanOutline.YearFrom).
const (
	YearFromOption   = "option"        // given: --year, the form's field
	YearFromTitle    = "title"         // 2021年…工作要点
	YearFromHeading  = "heading"       // a heading near the top
	YearFromLeadIn   = "lead-in"       // 2021年是…开局之年, 2021年主要目标是：
	YearFromDocument = "document date" // a dated report: （2021年1月15日）
	YearFromNone     = ""
)

// CheckYear refuses a plan year outside MinYear…MaxYear, naming the field.
func CheckYear(field string, year int) error {
	if year < MinYear || year > MaxYear {
		return duban.Invalid("参数有误 (invalid arguments)", duban.FieldError{
			Field:   field,
			Message: fmt.Sprintf("计划年度须在 %d—%d 之间，如 2021，而不是 %d (the plan year must lie in %d–%d)", MinYear, MaxYear, year, MinYear, MaxYear),
		})
	}
	return nil
}

// yearFound is a plan year read from the text and the words it was read
// from.
type yearFound struct {
	year           int
	from, evidence string
}

// How far into the text, and back from its end, the year is looked for.
const (
	yearHeadBlocks = 6
	yearTailBlocks = 3
)

// inferYear reads the plan year from the title, the first headings, a
// lead-in sentence or the document's date, in that order. Years deeper in
// the body are not used: they are as often past years or far deadlines.
func inferYear(d *document, blocks []block) yearFound {
	head := blocks[:min(len(blocks), yearHeadBlocks)]
	for _, bl := range head {
		if bl.kind == titleBlock {
			if y, ok := titleYear(bl.t); ok {
				return yearFound{y, YearFromTitle, d.evidence(&bl.span)}
			}
		}
	}
	for _, bl := range head {
		if bl.kind == headingBlock {
			if y, ok := titleYear(bl.t); ok {
				return yearFound{y, YearFromHeading, d.evidence(&bl.span)}
			}
		}
	}
	for i := range head {
		if y, ok := documentDate(head[i].t); ok {
			return yearFound{y, YearFromDocument, d.evidence(&head[i].span)}
		}
	}
	for i := range head {
		if head[i].kind == paragraphBlock {
			if y, at, ok := leadInYear(head[i].t); ok {
				return yearFound{y, YearFromLeadIn, d.evidenceAt(&head[i].span, at)}
			}
		}
	}
	for i := max(len(head), len(blocks)-yearTailBlocks); i < len(blocks); i++ {
		if y, ok := documentDate(blocks[i].t); ok {
			return yearFound{y, YearFromDocument, d.evidence(&blocks[i].span)}
		}
	}
	return yearFound{}
}

// years lists the four-digit years written with 年 in t, with where each
// starts.
func years(t []rune, limit int) (ys, at []int) {
	for j := 0; j+4 < len(t) && j < limit; j++ {
		if j > 0 && (isDigit(t[j-1]) || isChineseDigit(t[j-1])) || !startsNumber(t, j) {
			continue
		}
		n, ok := parseNumber(t, j)
		if ok && n.end < len(t) && (t[n.end] == '年' || spanToYear(t, n.end)) && isYear(n, int(n.value)) &&
			n.value >= MinYear && n.value <= MaxYear {
			ys, at = append(ys, int(n.value)), append(at, j)
		}
	}
	return ys, at
}

// spanToYear reports "—2025年" at t[i]: the second year of a span.
func spanToYear(t []rune, i int) bool {
	if i+6 > len(t) || !strings.ContainsRune("-—–~至到", t[i]) {
		return false
	}
	for k := i + 1; k < i+5; k++ {
		if !isDigit(t[k]) {
			return false
		}
	}
	return t[i+5] == '年'
}

// titleYear reads the year of a title or heading: the first of a span
// (2021—2025年), else the latest year named ("2020年工作总结和2021年工作安排").
func titleYear(t []rune) (int, bool) {
	ys, at := years(t, len(t))
	if len(ys) == 0 {
		return 0, false
	}
	best := ys[0]
	for k := 1; k < len(ys); k++ {
		if between := t[at[k-1]+4 : at[k]]; len(between) <= 1 && containsAny(between, "-—–~至到") {
			return ys[k-1], true
		}
		best = max(best, ys[k])
	}
	return best, true
}

// maxDateLine is the longest block read as a bare date line.
const maxDateLine = 24

// documentDate reads a date line such as "（2021年1月15日）" or a
// paragraph opening with the full date of the report.
func documentDate(t []rune) (int, bool) {
	s := strings.Trim(string(t), " ()（）—-")
	r := []rune(s)
	ys, at := years(r, 1)
	if len(ys) == 0 || at[0] != 0 {
		return 0, false
	}
	rest := r[5:]
	m, ok := monthAt(rest, 0)
	if !ok || m.end+1 >= len(rest) || !startsNumber(rest, m.end+1) {
		return 0, false
	}
	day, ok := parseNumber(rest, m.end+1)
	if !ok || day.end >= len(rest) || rest[day.end] != '日' {
		return 0, false
	}
	// a date line, or a date opening the report: "2021年1月15日在…会议上"
	after := day.end + 1
	if len(r) <= maxDateLine || after == len(rest) || strings.ContainsRune("在,，)）", rest[after]) {
		return ys[0], true
	}
	return 0, false
}

// leadInWords may follow the year of a lead-in: "2021年是…", "2021年，全区…",
// "2021年主要预期目标是：".
var leadInWords = []string{"是", ",", "，", "工作", "主要", "重点", "全区", "全市", "全县", "全省", "要", "我", "本"}

// leadInYear reads a year that opens a clause of the first sentence of
// a paragraph near the top.
func leadInYear(t []rune) (year, at int, ok bool) {
	end := len(t)
	for i, r := range t {
		if isSentenceEnd(r) {
			end = i
			break
		}
	}
	ys, starts := years(t[:end], end)
	for k, y := range ys {
		after := starts[k] + 5
		if starts[k] > 0 && !isClauseBreak(t[starts[k]-1]) {
			continue
		}
		for _, w := range leadInWords {
			if hasPrefixAt(t, after, w) {
				return y, starts[k], true
			}
		}
	}
	return 0, 0, false
}

// maxEvidence is the longest quote of the words a year was read from.
const maxEvidence = 40

func (d *document) evidence(s *span) string { return d.evidenceAt(s, 0) }

func (d *document) evidenceAt(s *span, from int) string {
	to := min(len(s.t), from+maxEvidence)
	for k := from; k < to; k++ {
		if isSentenceEnd(s.t[k]) {
			to = k
			break
		}
	}
	return strings.TrimSpace(d.original(s, from, to))
}
