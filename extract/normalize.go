package extract

// document is the input as runes, with a folded copy: full-width ASCII
// becomes half-width, the ideographic space a space, CR a line feed. Folding
// is one rune for one rune, so offsets in the folded text are offsets in the
// original.
type document struct {
	orig   []rune
	folded []rune
}

func newDocument(text string) *document {
	orig := []rune(text)
	folded := make([]rune, len(orig))
	for i, r := range orig {
		folded[i] = fold(r)
	}
	return &document{orig: orig, folded: folded}
}

func fold(r rune) rune {
	switch {
	case r >= '！' && r <= '～':
		return r - '！' + '!'
	case r == '\u3000' || r == '\u00a0' || r == '\ufeff':
		return ' '
	case r == '\r':
		return '\n'
	case r == '\u3007': // 〇 stays a numeral; listed for clarity
		return r
	}
	return r
}

// span is a stretch of folded text that may join several lines: t holds
// the runes and pos the offset in the input of each.
type span struct {
	t   []rune
	pos []int
}

func (s *span) appendRange(d *document, from, to int) {
	if s.t == nil {
		s.t = make([]rune, 0, to-from)
		s.pos = make([]int, 0, to-from)
	}
	for i := from; i < to; i++ {
		s.t = append(s.t, d.folded[i])
		s.pos = append(s.pos, i)
	}
}

// original returns runes from..to as written in the input.
func (d *document) original(s *span, from, to int) string {
	out := make([]rune, 0, to-from)
	for i := from; i < to; i++ {
		out = append(out, d.orig[s.pos[i]])
	}
	return string(out)
}

// offsets returns the input offsets of runes from..to (to exclusive).
func (s *span) offsets(from, to int) (int, int) {
	if from >= to || from >= len(s.pos) {
		return 0, 0
	}
	return s.pos[from], s.pos[to-1] + 1
}

func isSpace(r rune) bool { return r == ' ' || r == '\t' || r == '\v' || r == '\f' }

func isASCIIAlnum(r rune) bool {
	return r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z'
}

func isASCIILetter(r rune) bool { return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' }

func isDigit(r rune) bool { return r >= '0' && r <= '9' }
