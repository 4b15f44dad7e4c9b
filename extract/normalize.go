package extract

import (
	"unicode/utf8"
)

// document is the input and a folded copy of it as runes: full-width ASCII
// becomes half-width, the ideographic space a space, CR a line feed. Folding
// is one rune for one rune, so offsets in the folded text are offsets in the
// original. The input itself is kept as given: quotes and number texts are
// cut from it without copying.
type document struct {
	text   string
	folded []rune
	// checkpoints holds the byte offset of every checkpointStride-th rune,
	// so a rune offset finds its byte offset in a few steps.
	checkpoints []int32
	// lastItem is the number of the last "1." item heading, so "2.50个"
	// after item 1 reads as item 2.
	lastItem int
}

const checkpointStride = 32

func newDocument(text string) *document {
	if !utf8.ValidString(text) {
		// Each invalid byte becomes one U+FFFD, as []rune(text) would read
		// it, so rune offsets stay those of the input.
		text = string([]rune(text))
	}
	n := utf8.RuneCountInString(text)
	d := &document{text: text, folded: make([]rune, 0, n), checkpoints: make([]int32, 0, n/checkpointStride+1)}
	for b, r := range text {
		if len(d.folded)%checkpointStride == 0 {
			d.checkpoints = append(d.checkpoints, int32(b))
		}
		d.folded = append(d.folded, fold(r))
	}
	return d
}

func fold(r rune) rune {
	switch {
	case r >= '！' && r <= '～':
		return r - '！' + '!'
	case r == '\u3000' || r == '\u00a0' || r == '\ufeff':
		return ' '
	case r == '\r':
		return '\n'
	}
	return r
}

// byteOf returns the byte offset in the input of rune offset i.
func (d *document) byteOf(i int) int {
	if i >= len(d.folded) {
		return len(d.text)
	}
	k := i / checkpointStride
	off := int(d.checkpoints[k])
	for j := k * checkpointStride; j < i; j++ {
		_, size := utf8.DecodeRuneInString(d.text[off:])
		off += size
	}
	return off
}

// span is a stretch of folded text that may join several lines: t holds
// the runes. A span of one stretch of the input shares the folded runes
// and reads its offsets from base; a span joining lines holds a copy and
// the input offset of each rune in pos.
type span struct {
	t    []rune
	base int
	pos  []int32
}

// at returns the input offset of rune i of the span.
func (s *span) at(i int) int {
	if s.pos == nil {
		return s.base + i
	}
	return int(s.pos[i])
}

func (s *span) appendRange(d *document, from, to int) {
	if s.t == nil && s.pos == nil {
		s.t, s.base = d.folded[from:to:to], from // full slice: appending copies
		return
	}
	s.own(to - from)
	for i := from; i < to; i++ {
		s.t = append(s.t, d.folded[i])
		s.pos = append(s.pos, int32(i))
	}
}

// reserve makes an empty span its own, with room for n runes.
func (s *span) reserve(n int) {
	s.t, s.pos = make([]rune, 0, n), make([]int32, 0, n)
}

// appendRune adds a rune that stands for input offset at.
func (s *span) appendRune(r rune, at int) {
	s.own(1)
	s.t = append(s.t, r)
	s.pos = append(s.pos, int32(at))
}

// own gives the span its own copy of its runes and offsets, with room for
// extra more.
func (s *span) own(extra int) {
	if s.pos != nil {
		return
	}
	t := make([]rune, len(s.t), len(s.t)+extra)
	copy(t, s.t)
	pos := make([]int32, len(s.t), len(s.t)+extra)
	for i := range pos {
		pos[i] = int32(s.base + i)
	}
	s.t, s.pos = t, pos
}

// original returns runes from..to as written in the input: a substring of
// the input when they stand together in it.
func (d *document) original(s *span, from, to int) string {
	if from >= to {
		return ""
	}
	first, last := s.at(from), s.at(to-1)
	if last-first == to-1-from {
		return d.text[d.byteOf(first):d.byteOf(last+1)]
	}
	out := make([]byte, 0, 3*(to-from))
	for i := from; i < to; i++ {
		r, _ := utf8.DecodeRuneInString(d.text[d.byteOf(s.at(i)):])
		out = utf8.AppendRune(out, r)
	}
	return string(out)
}

// offsets returns the input offsets of runes from..to (to exclusive).
func (s *span) offsets(from, to int) (int, int) {
	if from >= to || from >= len(s.t) {
		return 0, 0
	}
	return s.at(from), s.at(to-1) + 1
}

func isSpace(r rune) bool { return r == ' ' || r == '\t' || r == '\v' || r == '\f' }

func isASCIIAlnum(r rune) bool {
	return r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z'
}

func isASCIILetter(r rune) bool { return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' }

func isDigit(r rune) bool { return r >= '0' && r <= '9' }
