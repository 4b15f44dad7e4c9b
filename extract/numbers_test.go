package extract

import "testing"

func TestParseNumber(t *testing.T) {
	for _, c := range []struct {
		in      string
		value   float64 // value as written
		runes   int     // runes consumed
		percent rune
	}{
		{"1100万人", 1100, 5, 0},
		{"7.5%", 7.5, 3, 0},
		{"1,100个", 1100, 5, 0},
		{"1,10个", 1, 1, 0},
		{"1.2亿元", 1.2, 4, 0},
		{"3万", 3, 2, 0},
		{"1.3万亿斤", 1.3, 5, 0},
		{"三个", 3, 1, 0},
		{"两所", 2, 1, 0},
		{"十四处", 14, 2, 0},
		{"二十五家", 25, 3, 0},
		{"一百二十个", 120, 4, 0},
		{"一百零五户", 105, 4, 0},
		{"一千二百万人", 1200, 5, 0},
		{"十四五", 14, 2, 0},
		{"百分之九十五", 95, 6, '%'},
		{"千分之三", 3, 4, '‰'},
		{"百分之7.5", 7.5, 6, '%'},
	} {
		t.Run(c.in, func(t *testing.T) {
			r := []rune(c.in)
			n, ok := parseNumber(r, 0)
			if !ok {
				t.Fatal("not a number")
			}
			if n.written() != c.value || n.end-n.start != c.runes || n.percent != c.percent {
				t.Errorf("got %v over %d runes (percent %q), want %v over %d (%q)", n.written(), n.end-n.start, n.percent, c.value, c.runes, c.percent)
			}
		})
	}
}

func TestParseNumberRejects(t *testing.T) {
	for _, in := range []string{"百姓", "千方百计", "万达", "百分之", "百分之百"} {
		r := []rune(in)
		if startsNumber(r, 0) {
			if n, ok := parseNumber(r, 0); ok {
				t.Errorf("%s: read as %v", in, n.value)
			}
		}
	}
	for _, in := range []string{"二七", "二〇二一"} {
		n, ok := parseNumber([]rune(in), 0)
		if !ok || !n.digitRun {
			t.Errorf("%s: want a digit run, got %+v", in, n)
		}
	}
}
