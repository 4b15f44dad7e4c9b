package bulletin

import (
	"fmt"
	"math"
	"regexp"
	"strings"
	"unicode/utf8"
)

// textWidth is the width of the A4 text block between the GB/T 9704
// margins, in twips (210 mm − 28 mm − 26 mm).
const textWidth = 11906 - 1588 - 1474

// Table text is 五号 (10.5 pt): a CJK character is 210 twips wide, a digit
// or Latin letter about half of that; a cell has 60 twips of margin on
// each side.
const (
	cellEm      = 210.0
	cellPadding = 2 * 60
)

// em is the width of s in CJK characters, generous for Latin text: where
// no 仿宋 with its half-width digits is installed, digits come from a
// fallback such as DejaVu (0.64 em) and % is nearly a full em.
func em(s string) float64 {
	w := 0.0
	for _, r := range s {
		switch {
		case r == '%':
			w += 1
		case r < 0x2E80:
			w += 0.66
		default:
			w++
		}
	}
	return w
}

// keepWhole is a cell that must not wrap: a number, a percentage, a date or
// a short word such as a status or a unit's short name.
var keepWhole = regexp.MustCompile(`^[0-9.,%+\-−/:（）()年月日第名]+$`)

func unbreakable(s string) bool { return keepWhole.MatchString(s) || utf8.RuneCountInString(s) <= 6 }

// columnWidths sizes a table's columns in twips to fill the text width:
// each column at least as wide as its widest unbreakable cell and half its
// header (a header may take two lines), the rest shared out by how much
// longer text each column holds.
func columnWidths(head []string, rows [][]string) []int {
	n := len(head)
	min, want := make([]float64, n), make([]float64, n)
	for i, h := range head {
		min[i] = math.Ceil(em(h)/2)*cellEm + cellPadding
		want[i] = em(h)*cellEm + cellPadding
	}
	for _, r := range rows {
		for i := 0; i < n && i < len(r); i++ {
			w := em(r[i])*cellEm + cellPadding + 20 // slack for the font's own metrics
			if unbreakable(r[i]) && w > min[i] {
				min[i] = w
			}
			want[i] = math.Max(want[i], math.Min(w, 14*cellEm))
		}
	}
	return share(min, want, textWidth)
}

// share gives each column its minimum and splits what is left of total in
// proportion to each column's wish beyond its minimum; when the minimums
// alone do not fit, they shrink in proportion.
func share(min, want []float64, total int) []int {
	sumMin, extra := 0.0, 0.0
	for i := range min {
		want[i] = math.Max(want[i], min[i])
		sumMin += min[i]
		extra += want[i] - min[i]
	}
	out := make([]int, len(min))
	left := float64(total) - sumMin
	for i := range min {
		w := min[i]
		switch {
		case left < 0:
			w = min[i] * float64(total) / sumMin
		case extra > 0:
			w += left * (want[i] - min[i]) / extra
		default:
			w += left / float64(len(min))
		}
		out[i] = int(w)
	}
	return out
}

// tableGrid is the table's fixed layout and its column grid.
func tableGrid(widths []int) string {
	var b strings.Builder
	b.WriteString(`<w:tblLayout w:type="fixed"/></w:tblPr><w:tblGrid>`)
	for _, w := range widths {
		fmt.Fprintf(&b, `<w:gridCol w:w="%d"/>`, w)
	}
	b.WriteString(`</w:tblGrid>`)
	return b.String()
}

// cellRuns writes a cell's text as runs: a hyphen inside a date or a
// number becomes a non-breaking hyphen, so 2021-06-30 never wraps.
func cellRuns(rPr, text string) string {
	var b strings.Builder
	parts := strings.Split(text, "-")
	for i, p := range parts {
		if i > 0 {
			if endsDigit(parts[i-1]) && startsDigit(p) {
				fmt.Fprintf(&b, `<w:r><w:rPr>%s</w:rPr><w:noBreakHyphen/></w:r>`, rPr)
			} else {
				p = "-" + p
			}
		}
		if p != "" {
			fmt.Fprintf(&b, `<w:r><w:rPr>%s</w:rPr><w:t xml:space="preserve">%s</w:t></w:r>`, rPr, esc(p))
		}
	}
	return b.String()
}

func endsDigit(s string) bool   { return s != "" && s[len(s)-1] >= '0' && s[len(s)-1] <= '9' }
func startsDigit(s string) bool { return s != "" && s[0] >= '0' && s[0] <= '9' }
