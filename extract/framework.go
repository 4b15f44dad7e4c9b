package extract

import (
	"slices"
	"strings"
)

// framework looks for a numbered slogan in quotation marks, such as
// “一个目标、两个定位、三个二七、六个出彩”: three or more parts, each
// opening with a larger number. The first becomes the plan's framework;
// every one found is returned so its numbers are not read as targets.
func (b *builder) framework(sc *scan) map[int]bool {
	var slogans map[int]bool
	for _, q := range sc.quotes {
		parts := sloganParts(sc.s.t[q[0]+1 : q[1]-1])
		if parts == nil {
			continue
		}
		if slogans == nil {
			slogans = map[int]bool{}
		}
		slogans[q[0]] = true
		if len(b.res.Plan.Framework) == 0 {
			b.res.Plan.Framework = parts
		}
	}
	return slogans
}

func sloganParts(t []rune) []string {
	if !slices.Contains(t, '、') {
		return nil
	}
	parts := strings.Split(string(t), "、")
	if len(parts) < 3 {
		return nil
	}
	last := -1.0
	for _, p := range parts {
		r := []rune(p)
		if len(r) == 0 || len(r) > 10 || !startsNumber(r, 0) {
			return nil
		}
		n, ok := parseNumber(r, 0)
		if !ok || n.value <= last {
			return nil
		}
		last = n.value
	}
	return parts
}
