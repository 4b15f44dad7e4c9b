package ui

import (
	"regexp"
	"sort"
	"strings"

	"github.com/duban-dev/duban"
)

// The status package writes an item's English explanation with the unit
// as the plan wrote it (Value 3000万元) and one plural for every count
// (1 milestones due). englishUnits reads such a sentence in English:
// 3000 10k yuan, 12 (for 12个), 1 milestone due.

var (
	unitAfterNumber = func() *regexp.Regexp {
		units := []string{"万元", "亿元", "元", "万美元", "亿美元", "个百分点", "个", "条", "项", "家", "所", "座", "处", "批", "件", "份", "次",
			"公里", "千米", "米", "平方米", "万平方米", "平方公里", "亩", "吨", "万吨", "人次", "万人", "人", "户", "辆", "套", "天", "小时", "倍"}
		sort.Slice(units, func(i, j int) bool { return len(units[i]) > len(units[j]) }) // 万元 before 元
		for i, u := range units {
			units[i] = regexp.QuoteMeta(u)
		}
		return regexp.MustCompile(`(\d)(` + strings.Join(units, "|") + `)`)
	}()
	oneOfPlural = regexp.MustCompile(`(^|[^\d.])1 (milestone|day|point|item|report)s\b`)
	allOne      = regexp.MustCompile(`\ball 1 milestone\b`)
)

func englishUnits(s string) string {
	s = unitAfterNumber.ReplaceAllStringFunc(s, func(m string) string {
		digit, unit := m[:1], m[1:]
		if en := duban.UnitEN(unit); en != "" {
			return digit + " " + en
		}
		return digit
	})
	s = oneOfPlural.ReplaceAllString(s, "${1}1 ${2}")
	return allOne.ReplaceAllString(s, "the one milestone")
}
