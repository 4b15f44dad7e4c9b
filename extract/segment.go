package extract

// blockKind tells a heading from a paragraph.
type blockKind int

const (
	paragraphBlock blockKind = iota
	headingBlock
	titleBlock
)

// block is a heading or a paragraph, with page and line breaks inside
// words and sentences repaired.
type block struct {
	kind  blockKind
	style string // heading style: "md2", "cn", "pcn", "num" …
	// inline is set on a paragraph that follows a numbered heading on the
	// same line: "（一）稳增长。今年…".
	inline bool
	span
}

// line is one trimmed input line.
type line struct {
	from, to int // folded runes [from, to)
}

// lineRange is a line stored compactly: a text of short lines has many.
type lineRange struct{ from, to int32 }

func (l lineRange) line() line { return line{int(l.from), int(l.to)} }

func (d *document) lines() []lineRange {
	n := 1
	for _, r := range d.folded {
		if r == '\n' {
			n++
		}
	}
	out := make([]lineRange, 0, n)
	start := 0
	for i := 0; i <= len(d.folded); i++ {
		if i < len(d.folded) && d.folded[i] != '\n' {
			continue
		}
		from, to := start, i
		for from < to && isSpace(d.folded[from]) {
			from++
		}
		for to > from && isSpace(d.folded[to-1]) {
			to--
		}
		out = append(out, lineRange{int32(from), int32(to)})
		start = i + 1
	}
	return out
}

// minWrappedLine is the length from which a line that ends with no
// punctuation is taken as cut by a page break rather than as a heading.
const minWrappedLine = 16

// blocks groups lines into headings and paragraphs.
func (d *document) blocks() []block {
	var out []block
	var cur *block
	blanks, lastLen, titled := 0, 0, false
	flush := func() {
		if cur != nil && len(cur.t) > 0 {
			out = append(out, *cur)
		}
		cur = nil
	}
	lines := d.lines()
	for k, lr := range lines {
		ln := lr.line()
		if ln.from == ln.to {
			blanks++
			continue
		}
		if !titled {
			titled = true
			if t, ok := d.title(ln, nextBlank(lines, k)); ok {
				out = append(out, t)
				blanks = 0
				continue
			}
		}
		if hs := d.heading(ln); hs != nil {
			flush()
			out = append(out, hs...)
			blanks, lastLen = 0, 0
			continue
		}
		if isTableRow(d.folded[ln.from:ln.to]) {
			flush()
			row := block{}
			row.appendRange(d, ln.from, ln.to)
			out = append(out, row)
			blanks, lastLen = 0, 0
			continue
		}
		if cur != nil && !d.continues(cur, blanks, lastLen) {
			flush()
		}
		if cur == nil {
			cur = &block{}
			if n := paragraphRunes(d, lines, k); n > ln.to-ln.from+1 {
				cur.reserve(n)
			}
		} else if isASCIIAlnum(cur.t[len(cur.t)-1]) && isASCIIAlnum(d.folded[ln.from]) {
			cur.appendRune(' ', ln.from-1)
		}
		cur.appendRange(d, ln.from, ln.to)
		blanks, lastLen = 0, ln.to-ln.from
	}
	flush()
	return out
}

// continues reports whether the next text line belongs to paragraph p.
func (d *document) continues(p *block, blanks, lastLen int) bool {
	last := p.t[len(p.t)-1]
	if blanks == 0 {
		return !isSentenceEnd(last)
	}
	return !isPunct(last) && lastLen >= minWrappedLine
}

func isSentenceEnd(r rune) bool {
	return r == '。' || r == '!' || r == '?' || r == '！' || r == '？'
}

func isPunct(r rune) bool {
	switch r {
	case '。', '，', '、', '；', '：', '！', '？', ',', ';', ':', '!', '?', '.', '…',
		'”', '’', '"', ')', '）', '」', '』', '》', '|':
		return true
	}
	return false
}

func isTableRow(t []rune) bool {
	for _, r := range t {
		if r == '\t' || r == '|' {
			return true
		}
	}
	return false
}

// nextBlank reports whether line k is followed by a blank line or nothing.
func nextBlank(lines []lineRange, k int) bool {
	return k+1 >= len(lines) || lines[k+1].from == lines[k+1].to
}

// title takes the first line as the plan title when it is a Markdown
// heading, or a short line standing alone with no clause in it.
func (d *document) title(ln line, alone bool) (block, bool) {
	t := d.folded[ln.from:ln.to]
	from := ln.from
	if n := markdownLevel(t); n > 0 {
		from += n
	} else if !alone || numberedPrefix(t) > 0 || len(t) > 40 || containsAny(t, "。;:,，、") || isTableRow(t) {
		return block{}, false
	}
	for from < ln.to && isSpace(d.folded[from]) {
		from++
	}
	b := block{kind: titleBlock}
	b.appendRange(d, from, ln.to)
	return b, len(b.t) > 0
}

func containsAny(t []rune, set string) bool {
	for _, r := range t {
		for _, s := range set {
			if r == s {
				return true
			}
		}
	}
	return false
}

// paragraphRunes estimates the runes of the paragraph starting at line k:
// the lines that follow until one ends a sentence or a blank line stops it.
func paragraphRunes(d *document, lines []lineRange, k int) int {
	n := 0
	for ; k < len(lines); k++ {
		ln := lines[k]
		if ln.from == ln.to {
			return n
		}
		n += int(ln.to - ln.from)
		if isASCIIAlnum(d.folded[ln.to-1]) {
			n++ // a space may join it to the next line
		}
		if isSentenceEnd(d.folded[ln.to-1]) {
			return n
		}
	}
	return n
}
