package extract

import "strconv"

// Heading styles. Markdown headings are "md1" … "md6"; the numbered ones
// are named after their shape.
const (
	styleChinese       = "cn"   // 一、
	styleParenChinese  = "pcn"  // （一）
	stylePart          = "part" // 第一部分、第一章
	styleNumber        = "num"  // 1. 1、
	styleParenNumber   = "pnum" // （1）
	styleCircledNumber = "circ" // ①
)

// minorStyle reports whether a style numbers items rather than sections:
// such headings are always tasks, never areas.
func minorStyle(s string) bool {
	return s == styleNumber || s == styleParenNumber || s == styleCircledNumber
}

func markdownLevel(t []rune) int {
	n := 0
	for n < len(t) && t[n] == '#' {
		n++
	}
	if n == 0 || n > 6 {
		return 0
	}
	return n
}

// heading returns the heading block of a line and, when the heading is
// followed on the same line by text, a paragraph block for that text.
func (d *document) heading(ln line) []block {
	t := d.folded[ln.from:ln.to]
	style, n := "", 0
	if lv := markdownLevel(t); lv > 0 {
		style, n = "md"+strconv.Itoa(lv), lv
	} else if n, style = numberedPrefixStyle(t); n == 0 {
		if n = d.gluedItemNumber(t); n == 0 {
			return nil
		}
		style = styleNumber
	}
	if style == styleNumber {
		d.lastItem = leadingInt(t)
	}
	from := d.skipHeadingMarks(ln, ln.from+n)
	if style[:2] == "md" {
		// "## 二、在…上争先": the numbering is part of the mark, not the title.
		if k, _ := numberedPrefixStyle(d.folded[from:ln.to]); k > 0 {
			from = d.skipHeadingMarks(ln, from+k)
		}
	}
	if from == ln.to {
		return nil
	}
	end := ln.to
	for i := from; i < ln.to-1; i++ {
		if isSentenceEnd(d.folded[i]) && !labelsDeadline(d.folded[i+1:ln.to]) {
			end = i
			break
		}
	}
	h := block{kind: headingBlock, style: style}
	h.appendRange(d, from, end)
	out := []block{h}
	if end < ln.to-1 {
		p := block{inline: true}
		p.appendRange(d, end+1, ln.to)
		out = append(out, p)
	}
	return out
}

// gluedItemNumber reads "2.50个小区…" as item 2 followed by 50个 when the
// item before was 1: a list number with no space before its first
// quantity, which would read as 2.5. It returns the length of "2.".
func (d *document) gluedItemNumber(t []rune) int {
	n := runOf(t, isDigit)
	if n == 0 || n > 2 || n+1 >= len(t) || t[n] != '.' || !isDigit(t[n+1]) || d.lastItem == 0 {
		return 0
	}
	if leadingInt(t) != d.lastItem+1 {
		return 0
	}
	return n + 1
}

func leadingInt(t []rune) int {
	v := 0
	for _, r := range t[:min(len(t), runOf(t, isDigit), 4)] {
		v = v*10 + int(r-'0')
	}
	return v
}

// labelsDeadline reports text opening with a deadline label: a heading's
// "时间节点：9月底前" belongs with it, not to a paragraph of its own.
func labelsDeadline(t []rune) bool {
	for _, w := range deadlineLabels {
		if hasPrefixAt(t, 0, w) {
			return true
		}
	}
	return false
}

func (d *document) skipHeadingMarks(ln line, from int) int {
	for from < ln.to && (isSpace(d.folded[from]) || d.folded[from] == '、') {
		from++
	}
	return from
}

func numberedPrefix(t []rune) int {
	n, _ := numberedPrefixStyle(t)
	return n
}

// numberedPrefixStyle recognises 一、 （一） 第一部分 1. 1、 （1） ① at the
// start of t and returns its length and style.
func numberedPrefixStyle(t []rune) (int, string) {
	if len(t) == 0 {
		return 0, ""
	}
	if t[0] >= '①' && t[0] <= '⑳' {
		return 1, styleCircledNumber
	}
	if t[0] == '(' {
		if n := runOf(t[1:], isChineseNumeral); n > 0 && n+1 < len(t) && t[n+1] == ')' {
			return n + 2, styleParenChinese
		}
		if n := runOf(t[1:], isDigit); n > 0 && n <= 2 && n+1 < len(t) && t[n+1] == ')' {
			return n + 2, styleParenNumber
		}
		return 0, ""
	}
	if t[0] == '第' {
		n := runOf(t[1:], isChineseNumeral)
		for _, w := range []string{"部分", "章", "篇", "节"} {
			if n > 0 && hasPrefixAt(t, n+1, w) {
				return n + 1 + len([]rune(w)), stylePart
			}
		}
		return 0, ""
	}
	if n := runOf(t, isChineseNumeral); n > 0 && n <= 3 && n < len(t) && (t[n] == '、' || t[n] == '.') {
		return n + 1, styleChinese
	}
	if n := runOf(t, isDigit); n > 0 && n <= 2 && n < len(t) {
		next := t[n]
		decimal := next == '.' && n+1 < len(t) && isDigit(t[n+1])
		if (next == '、' || next == '.' || next == ')') && !decimal {
			return n + 1, styleNumber
		}
	}
	return 0, ""
}

func runOf(t []rune, ok func(rune) bool) int {
	n := 0
	for n < len(t) && ok(t[n]) {
		n++
	}
	return n
}

func hasPrefixAt(t []rune, i int, s string) bool {
	for _, r := range s {
		if i >= len(t) || t[i] != r {
			return false
		}
		i++
	}
	return true
}
