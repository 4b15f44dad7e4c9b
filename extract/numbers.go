package extract

import "math"

// number is a quantity written in Arabic or Chinese numerals.
type number struct {
	start, end int // runes [start, end) of the numeral, multiplier included
	value      float64
	chinese    bool
	// digitRun is a run of Chinese digits with no place units, as in a year
	// (二〇二一) or a name (二七).
	digitRun bool
	// multStart is where a trailing 万/亿 begins, -1 if none; the value as
	// written is then value/mult and the multiplier joins the unit.
	multStart int
	mult      float64
	percent   rune // '%' for 百分之, '‰' for 千分之, 0 otherwise
}

func isChineseDigit(r rune) bool { return chineseDigit(r) >= 0 }

func chineseDigit(r rune) int {
	switch r {
	case '零', '〇':
		return 0
	case '一':
		return 1
	case '二', '两':
		return 2
	case '三':
		return 3
	case '四':
		return 4
	case '五':
		return 5
	case '六':
		return 6
	case '七':
		return 7
	case '八':
		return 8
	case '九':
		return 9
	}
	return -1
}

func chinesePlace(r rune) float64 {
	switch r {
	case '十':
		return 10
	case '百':
		return 100
	case '千':
		return 1000
	case '万':
		return 1e4
	case '亿':
		return 1e8
	}
	return 0
}

func isChineseNumeral(r rune) bool { return isChineseDigit(r) || chinesePlace(r) > 0 }

// startsNumber reports whether a number may begin at t[i].
func startsNumber(t []rune, i int) bool {
	r := t[i]
	return isDigit(r) || isChineseDigit(r) || r == '十' ||
		(r == '百' || r == '千') && hasPrefixAt(t, i+1, "分之")
}

// parseNumber reads the number starting at t[i].
func parseNumber(t []rune, i int) (number, bool) {
	switch {
	case hasPrefixAt(t, i, "百分之"):
		return parseFraction(t, i, '%')
	case hasPrefixAt(t, i, "千分之"):
		return parseFraction(t, i, '‰')
	case isDigit(t[i]):
		return parseArabic(t, i)
	}
	return parseChinese(t, i)
}

func parseFraction(t []rune, i int, p rune) (number, bool) {
	j := i + 3
	if j >= len(t) || !(isDigit(t[j]) || isChineseDigit(t[j]) || t[j] == '十') {
		return number{}, false
	}
	n, ok := parseNumber(t, j)
	if !ok || n.digitRun {
		return number{}, false
	}
	n.start, n.percent, n.multStart = i, p, -1
	return n, true
}

// parseArabic reads 1100, 1,100, 7.5 and a trailing multiplier: 3万, 1.2亿.
// It reads the digits into an integer and a power of ten, without
// allocating: a number at most every few runes is common.
func parseArabic(t []rune, i int) (number, bool) {
	const exact = 1e15 // below 2^53: the mantissa is exact
	var mant float64
	scale := 0 // the value is mant × 10^scale
	j := i
	for j < len(t) {
		switch {
		case isDigit(t[j]):
			if mant < exact {
				mant = mant*10 + float64(t[j]-'0')
			} else {
				scale++
			}
			j++
			continue
		case t[j] == ',' && thousandsGroup(t, j+1):
			j++
			continue
		}
		break
	}
	if j+1 < len(t) && t[j] == '.' && isDigit(t[j+1]) {
		j++
		for ; j < len(t) && isDigit(t[j]); j++ {
			if mant < exact && scale > -22 {
				mant = mant*10 + float64(t[j]-'0')
				scale--
			}
		}
	}
	if scale > 300 {
		return number{}, false
	}
	v := mant
	if scale > 0 {
		v *= math.Pow10(scale)
	} else if scale < 0 {
		v /= math.Pow10(-scale) // exact powers of ten: correctly rounded
	}
	n := number{start: i, end: j, value: v, multStart: -1}
	n.addMultiplier(t)
	return n, true
}

// thousandsGroup reports whether exactly three digits start at t[i].
func thousandsGroup(t []rune, i int) bool {
	if i+3 > len(t) {
		return false
	}
	for k := i; k < i+3; k++ {
		if !isDigit(t[k]) {
			return false
		}
	}
	return i+3 == len(t) || !isDigit(t[i+3])
}

var multipliers = []string{"万亿", "千万", "百万", "十万", "万", "亿"}

func (n *number) addMultiplier(t []rune) {
	for _, m := range multipliers {
		if hasPrefixAt(t, n.end, m) {
			mult := 1.0
			for _, r := range m {
				mult *= chinesePlace(r)
			}
			n.multStart, n.mult = n.end, mult
			n.end += len([]rune(m))
			n.value *= mult
			return
		}
	}
}

// parseChinese reads 三, 两, 十四, 二十五, 一百二十, 三万; a run of bare
// digits (二〇二一, 二七) is read digit by digit and marked.
func parseChinese(t []rune, i int) (number, bool) {
	if i+1 < len(t) && isChineseDigit(t[i]) && isChineseDigit(t[i+1]) {
		return parseDigitRun(t, i), true
	}
	var total, section, digit float64
	pending := false
	n := number{start: i, chinese: true, multStart: -1}
	j := i
	for ; j < len(t); j++ {
		r := t[j]
		if d := chineseDigit(r); d >= 0 {
			if d == 0 && !pending && j > i {
				continue // 一百零五
			}
			if pending {
				break // 十四五: a digit after a digit ends the number
			}
			digit, pending = float64(d), true
			continue
		}
		p := chinesePlace(r)
		if p == 0 {
			break
		}
		if p < 1e4 {
			if !pending && (p != 10 || j != i) {
				break
			}
			if !pending {
				digit = 1
			}
			section += digit * p
		} else {
			if !pending && section == 0 {
				break
			}
			section += digit
			total = (total + section) * p
			section = 0
			n.multStart, n.mult = j, p
		}
		digit, pending = 0, false
	}
	if j == i {
		return number{}, false
	}
	if n.multStart >= 0 && n.multStart != j-1 {
		n.multStart = -1 // 三万五千: the multiplier is not the last rune
	}
	n.end = j
	n.value = total + section + digit
	return n, true
}

func parseDigitRun(t []rune, i int) number {
	j := i
	v := 0.0
	for j < len(t) && isChineseDigit(t[j]) && t[j] != '两' && j-i < 8 {
		v = v*10 + float64(chineseDigit(t[j]))
		j++
	}
	if j == i {
		j = i + 1
	}
	return number{start: i, end: j, value: v, chinese: true, digitRun: true, multStart: -1}
}

// written returns the value as written, before a trailing multiplier.
func (n *number) written() float64 {
	if n.multStart >= 0 && n.mult > 0 {
		return n.value / n.mult
	}
	return n.value
}
