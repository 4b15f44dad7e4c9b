package extract

import (
	"slices"
	"sort"
	"strings"
)

// Text no plan is written like is reported as a whole, not number by
// number: a stretch with no clause break longer than any sentence, or
// numbers packed closer than a table row packs them. Reading such text
// number by number would give a target or a decision every few runes, and
// memory many times the input.
const (
	maxClauseRunes = 200 // longest stretch without ， ； 。 | …
	denseCount     = 8   // this many numbers or dates …
	denseWindow    = 48  // … within this many runes
)

const (
	reasonLongRun = "无标点的过长段落，不是计划文字 (a long stretch without punctuation: not plan text)"
	reasonDense   = "数字过密，不是计划文字 (numbers too dense to be plan text)"
)

// interval is a stretch [from, to) of a block and why it is not read.
type interval struct {
	from, to int
	reason   string
}

// prepare sizes the scan's slices for t from a count of its separators,
// so one long block does not regrow them, and finds the stretches of t
// not read number by number: clauses longer than any sentence that hold
// numbers, and runs of numbers packed closer than prose packs them.
func (sc *scan) prepare(t []rune) {
	var counts [4]int
	quotes := 0
	var ring [denseCount]int // starts of the last Arabic numbers
	seen := 0
	clauseStart, clauseNumbers := 0, false
	for i, r := range t {
		if k := separatorAt(t, i); k != 0 {
			for b := range counts {
				if k&(1<<b) != 0 {
					counts[b]++
				}
			}
			sc.longClause(clauseStart, i, clauseNumbers)
			clauseStart, clauseNumbers = i+1, false
			if k&sepSentence != 0 {
				seen = 0 // a run does not reach across sentences
			}
			continue
		}
		if quoteCloser(r) != 0 {
			quotes++
		}
		clauseNumbers = clauseNumbers || isDigit(r) || isChineseDigit(r)
		if !isDigit(r) || i > 0 && (isDigit(t[i-1]) || t[i-1] == '.' || t[i-1] == ',' && i > 1 && isDigit(t[i-2]) && thousandsGroup(t, i)) {
			continue
		}
		if i > 0 && strings.ContainsRune("-—–~至到", t[i-1]) {
			continue // the upper end of a range: 6%—7%, 3至5个
		}
		ring[seen%denseCount] = i
		seen++
		// ring[seen%denseCount] is now the number denseCount-1 before this one
		if oldest := ring[seen%denseCount]; seen >= denseCount && i-oldest < denseWindow {
			sc.addSkipped(oldest, digitRunEnd(t, i), reasonDense)
		}
	}
	sc.longClause(clauseStart, len(t), clauseNumbers)
	sc.clauses = slices.Grow(sc.clauses, counts[0])
	sc.segs = slices.Grow(sc.segs, counts[1])
	sc.sents = slices.Grow(sc.sents, counts[2])
	sc.colons = slices.Grow(sc.colons, counts[3])
	sc.quotes = slices.Grow(sc.quotes, quotes)
}

func (sc *scan) longClause(from, to int, numbers bool) {
	if numbers && to-from > maxClauseRunes {
		sc.addSkipped(from, to, reasonLongRun)
	}
}

// addSkipped adds [from, to) to the skipped stretches, which arrive
// ordered by their end; an overlap merges.
func (sc *scan) addSkipped(from, to int, reason string) {
	if k := len(sc.skipped) - 1; k >= 0 && from <= sc.skipped[k].to {
		last := &sc.skipped[k]
		last.from, last.to = min(last.from, from), max(last.to, to)
		if to-from > last.to-last.from {
			last.reason = reason
		}
		return
	}
	sc.skipped = append(sc.skipped, interval{from, to, reason})
}

// digitRunEnd returns the end of the number starting at t[i] with its unit
// or %, roughly: digits, then one more rune.
func digitRunEnd(t []rune, i int) int {
	for i < len(t) && (isDigit(t[i]) || t[i] == '.' || t[i] == ',') {
		i++
	}
	if i < len(t) && separatorAt(t, i) == 0 {
		i++
	}
	return i
}

// inInterval reports whether pos lies in one of the ordered intervals.
func inInterval(ivs []interval, pos int) bool {
	k := sort.Search(len(ivs), func(k int) bool { return ivs[k].to > pos })
	return k < len(ivs) && ivs[k].from <= pos
}
