package extract

import "github.com/duban-dev/duban"

// maxLookBack bounds how many expressions are examined backwards from a
// number, so pathological text stays linear.
const maxLookBack = 16

// nearestTime returns the time expression of one of the kinds that is
// closest before pos and starts at or after from.
func (sc *scan) nearestTime(from, pos int, kinds ...timeKind) (timeExpr, bool) {
	k := lastBefore(len(sc.times), func(k int) int { return sc.times[k].start }, pos)
	for n := 0; k >= 0 && n < maxLookBack && sc.times[k].start >= from; k, n = k-1, n+1 {
		if e := sc.times[k]; e.end <= pos && hasKind(e.kind, kinds) {
			return e, true
		}
	}
	return timeExpr{}, false
}

// firstTime returns the first time expression of the kinds in [from, to).
func (sc *scan) firstTime(from, to int, kinds ...timeKind) (timeExpr, bool) {
	k := lastBefore(len(sc.times), func(k int) int { return sc.times[k].start }, from) + 1
	for n := 0; k < len(sc.times) && n < maxLookBack && sc.times[k].start < to; k, n = k+1, n+1 {
		if hasKind(sc.times[k].kind, kinds) {
			return sc.times[k], true
		}
	}
	return timeExpr{}, false
}

func hasKind(k timeKind, kinds []timeKind) bool {
	for _, x := range kinds {
		if k == x {
			return true
		}
	}
	return false
}

// past reports a number that states a result already reached: the nearest
// time word in its segment is a past one (去年, 2020年, 已完成, 截至), or it
// is a 累计 total with no deadline near it. progress is set when the word
// reports work in progress rather than an earlier year.
func (sc *scan) past(n number) (past, progress bool) {
	t := sc.s.t
	segStart := before(sc.segs, n.start)
	ce := after(sc.clauses, n.end, len(t))
	if e, ok := sc.nearestTime(segStart, n.start, timePast, timeDeadline); ok {
		if e.kind == timePast && sc.committedRate(e, n) {
			return false, false // 年底前项目完成率达到95%: a rate to reach
		}
		return e.kind == timePast, e.kind == timePast && progressWords[string(t[e.start:e.end])]
	}
	if e, ok := sc.firstTime(n.end, ce, timePast, timeDeadline); ok {
		return e.kind == timePast, false
	}
	return sc.nearestMark(segStart, n.start, markPastWeak) >= 0, false
}

// committedRate reports 完成率 in a clause that commits to it: a deadline
// or 确保/力争 in the segment, or 达到/不低于 before the number.
func (sc *scan) committedRate(e timeExpr, n number) bool {
	if string(sc.s.t[e.start:e.end]) != "完成率" {
		return false
	}
	segStart := before(sc.segs, n.start)
	if _, ok := sc.nearestTime(segStart, n.start, timeDeadline); ok {
		return true
	}
	return sc.nearestMark(segStart, n.start, markAspire, markFirm) >= 0 || sc.valueOf(n) && !hasSuffixAt(sc.s.t, n.start, "完成率")
}

// asOf returns the as-of date (截至9月底) before pos in its segment.
func (sc *scan) asOf(pos int) (duban.Date, bool) {
	if e, ok := sc.nearestTime(before(sc.segs, pos), pos, timeAsOf); ok && !e.date.IsZero() {
		return e.date, true
	}
	return duban.Date{}, false
}

// deadline resolves the deadline of number n: before it in its clause
// (unless only a generic 今年), after it in its clause, written after it
// for its clause or row (trailing.go), before it in its segment, in a
// lead-in before a colon, then from the context.
func (sc *scan) deadline(n number, td trailingDeadline, hasTrailing bool, ctx context) duban.Date {
	t := sc.s.t
	cs := before(sc.clauses, n.start)
	if e, ok := sc.nearestTime(cs, n.start, timeDeadline); ok && !(hasTrailing && sc.isGeneric(e)) {
		return e.date
	}
	if e, ok := sc.firstTime(n.end, after(sc.clauses, n.end, len(t)), timeDeadline); ok {
		return e.date
	}
	if hasTrailing {
		return td.e.date
	}
	if e, ok := sc.nearestTime(before(sc.segs, n.start), n.start, timeDeadline); ok {
		return e.date
	}
	if from, colon, ok := sc.leadIn(n.start); ok {
		if e, ok := sc.nearestTime(from, colon, timeDeadline); ok {
			return e.date
		}
	}
	for _, d := range []duban.Date{ctx.lead, ctx.heading} {
		if !d.IsZero() {
			return d
		}
	}
	return ctx.fallback
}

// leadIn finds a colon earlier in the sentence of pos and returns the
// stretch that introduces it: "今年主要预期目标是：".
func (sc *scan) leadIn(pos int) (from, colon int, ok bool) {
	sentStart := before(sc.sents, pos)
	k := searchSeps(sc.colons, pos) - 1
	if k < 0 || int(sc.colons[k]) < sentStart {
		return 0, 0, false
	}
	colon = int(sc.colons[k])
	return max(sentStart, before(sc.segs, colon)), colon, true
}

// commitment is aspirational when 力争/争取 comes closer before the number
// than 确保, in its segment or its lead-in.
func (sc *scan) commitment(pos int, ctx context) duban.Commitment {
	segStart := before(sc.segs, pos)
	k := sc.nearestMark(segStart, pos, markAspire, markFirm)
	if k < 0 {
		if from, colon, ok := sc.leadIn(pos); ok {
			k = sc.nearestMark(from, colon, markAspire, markFirm)
		}
	}
	if k >= 0 && sc.marks[k].kind == markAspire || k < 0 && ctx.leadAsp {
		return duban.Aspirational
	}
	return duban.Firm
}

// nearestMark returns the index of the closest mark of the kinds in
// [from, pos), or -1.
func (sc *scan) nearestMark(from, pos int, kinds ...markKind) int {
	k := lastBefore(len(sc.marks), func(k int) int { return sc.marks[k].start }, pos)
	for n := 0; k >= 0 && n < maxLookBack && sc.marks[k].start >= from; k, n = k-1, n+1 {
		for _, kind := range kinds {
			if sc.marks[k].kind == kind {
				return k
			}
		}
	}
	return -1
}
