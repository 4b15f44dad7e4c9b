package extract

import "github.com/duban-dev/duban"

// Units of measure a target may carry, as written after the number.
var unitWords = []string{
	"微克/立方米", "个百分点", "个工作日", "万平方米", "平方公里", "万立方米", "吨标准煤",
	"平方米", "立方米", "千瓦时", "工作日", "万千瓦", "万人次", "万标箱",
	"个月", "公里", "公斤", "千米", "公顷", "千瓦", "千伏", "兆瓦", "人次", "小时", "分钟", "床位",
	"MWh", "MW", "GW", "kWh", "kW", "kV", "KV",
	"%", "‰", "个", "条", "所", "项", "家", "座", "户", "套", "处", "栋", "台",
	"辆", "名", "人", "位", "张", "间", "件", "场", "次", "亩", "吨", "米",
	"元", "倍", "天", "斤", "只", "部", "块", "片", "支", "艘", "架", "根",
	"盏", "棵", "株", "口", "眼", "宗", "笔", "期", "轮", "届", "批",
	"头", "例", "穴", "岁", "份", "起", "度", "分", "周", "班", "年",
}

// Units read only after Arabic digits: after a Chinese numeral they are
// words (十分重要, 一度, 三周年).
var arabicOnlyUnits = map[string]bool{"分": true, "度": true, "周": true, "起": true, "班": true, "年": true}

// unitIndex maps a first rune to the unit words starting with it, longest
// first.
var unitIndex = func() map[rune][]string {
	m := map[rune][]string{}
	for _, w := range unitWords {
		r := []rune(w)[0]
		m[r] = append(m[r], w) // unitWords lists longer words first
	}
	return m
}()

// matchUnit returns the unit word at t[i], or "".
func matchUnit(t []rune, i int) string {
	if i >= len(t) {
		return ""
	}
	for _, w := range unitIndex[t[i]] {
		if hasPrefixAt(t, i, w) {
			return w
		}
	}
	return ""
}

// Units that label rather than count: N期 (phase), N届 (session), N批
// (batch, as in 一批 = "some").
var labelUnits = map[string]string{
	"期": "期次编号 (phase label)",
	"届": "届次编号 (session label)",
	"批": "不定数量 (\"a batch\": not a count)",
}

// Words right after a number that make it part of a name or label.
var labelSuffixes = []struct{ word, reason string }{
	{"周年", "纪念年数 (an anniversary)"},
	{"级", "等级 (a rating)"},
	{"星级", "等级 (a rating)"},
	{"星", "等级 (a rating)"},
	{"号", "编号 (a serial number)"},
	{"中", "名称中的数字 (number inside a name)"},
	{"小", "名称中的数字 (number inside a name)"},
	{"路", "名称中的数字 (number inside a name)"},
	{"大", "领域或方面的数量 (a count of areas)"},
	{"年", "日期 (a date)"},
	{"月", "日期 (a date)"},
	{"日", "日期 (a date)"},
}

// Nouns whose count numbers the sections of a plan rather than its work.
var areaCountNouns = map[string]bool{
	"方面": true, "领域": true, "重点工作": true, "工作": true, "重点任务": true,
	"任务": true, "行动": true, "专项行动": true, "工程": true, "重点工程": true,
	"举措": true, "攻坚战": true, "大事": true, "民生实事": true, "实事": true,
	"板块工作": true, "件民生实事": true,
}

// comparatorWord is a word that sets the comparator, decoded once.
type comparatorWord struct {
	word []rune
	cmp  duban.Comparator
}

func comparatorWords(pairs ...any) []comparatorWord {
	out := make([]comparatorWord, 0, len(pairs)/2)
	for k := 0; k+1 < len(pairs); k += 2 {
		out = append(out, comparatorWord{[]rune(pairs[k].(string)), pairs[k+1].(duban.Comparator)})
	}
	return out
}

var comparatorsAfter = comparatorWords(
	"以上", duban.AtLeast, "及以上", duban.AtLeast, "以下", duban.AtMost,
	"及以下", duban.AtMost, "以内", duban.AtMost, "之内", duban.AtMost,
	"左右", duban.About, "上下", duban.About, "内", duban.AtMost,
)

// Longer words first: 不超过 before 超过.
var comparatorsBefore = comparatorWords(
	"不少于", duban.AtLeast, "不低于", duban.AtLeast, "不超过", duban.AtMost,
	"不高于", duban.AtMost, "至少", duban.AtLeast, "超过", duban.AtLeast, "突破", duban.AtLeast,
	"超", duban.AtLeast,
	"高于", duban.AtLeast, "多于", duban.AtLeast, "低于", duban.AtMost,
	"少于", duban.AtMost, "控制在", duban.AtMost, "压缩到", duban.AtMost,
	"压缩至", duban.AtMost, "缩短至", duban.AtMost, "缩短到", duban.AtMost,
	"降至", duban.AtMost, "降到", duban.AtMost, "控制到", duban.AtMost,
)

func runesAt(t []rune, i int, w []rune) bool {
	if i < 0 || i+len(w) > len(t) {
		return false
	}
	for k, r := range w {
		if t[i+k] != r {
			return false
		}
	}
	return true
}

// comparatorAfter reads 以上/以下/以内/左右 after a unit.
func comparatorAfter(t []rune, i int) (duban.Comparator, int) {
	for _, c := range comparatorsAfter {
		if runesAt(t, i, c.word) {
			return c.cmp, len(c.word)
		}
	}
	return "", 0
}

// comparatorBefore reads 不少于/至少/不超过/控制在 … ending right before i.
func comparatorBefore(t []rune, i int) duban.Comparator {
	for _, c := range comparatorsBefore {
		if runesAt(t, i-len(c.word), c.word) {
			return c.cmp
		}
	}
	return ""
}
