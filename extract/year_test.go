package extract

import (
	"strings"
	"testing"

	"github.com/duban-dev/duban"
)

// The plan year is read from the text the way plans and reports state it;
// the texts are written for this test in the manner of Chinese documents.
func TestInferYear(t *testing.T) {
	for _, c := range []struct {
		name, text string
		year       int
		from       string
		evidence   string // a part of the quoted words
		targets    []want
	}{
		{
			name: "work points title", year: 2021, from: YearFromTitle, evidence: "2021年全区重点工作要点",
			text:    "2021年全区重点工作要点\n\n一、城市建设\n\n年底前改造老旧小区120个。",
			targets: []want{"改造老旧小区|120|个|=|2021-12-31|f"},
		},
		{
			name: "government work report title", year: 2022, from: YearFromTitle, evidence: "2022年政府工作报告",
			text:    "某区2022年政府工作报告\n\n今年主要预期目标是：地区生产总值增长6.5%左右。",
			targets: []want{"地区生产总值增长|6.5|%|~|2022-12-31|f"},
		},
		{
			name: "a title naming last year's summary and this year's plan", year: 2021, from: YearFromTitle,
			text: "关于2020年工作总结和2021年工作安排的报告\n\n新建幼儿园3所。",
		},
		{
			name: "a five-year plan's span gives its first year", year: 2021, from: YearFromTitle,
			text:    "某区2021—2025年城市更新规划\n\n到2025年累计改造老旧小区500个。",
			targets: []want{"改造老旧小区|500|个|=|2025-12-31|f"},
		},
		{
			name: "heading", year: 2023, from: YearFromHeading, evidence: "2023年重点任务",
			text:    "# 政府工作报告\n\n## 一、2023年重点任务\n\n6月底前建成口袋公园12个。",
			targets: []want{"建成口袋公园|12|个|=|2023-06-30|f"},
		},
		{
			name: "lead-in sentence, then 今年", year: 2023, from: YearFromLeadIn, evidence: "2023年是全面贯彻",
			text:    "政府工作报告\n\n2023年是全面贯彻党的二十大精神的开局之年。今年要新建社区食堂15个。",
			targets: []want{"新建社区食堂|15|个|=|2023-12-31|f"},
		},
		{
			name: "dated report: 今年 is the year of its date", year: 2021, from: YearFromDocument, evidence: "2021年1月15日",
			text: "政府工作报告\n\n——2021年1月15日在某区第一届人民代表大会第五次会议上\n\n" +
				"过去一年，全区新建学校5所。今年，新增城镇就业1.2万人以上。",
			targets: []want{"新增城镇就业|1.2|万人|>=|2021-12-31|f"},
		},
		{
			name: "date under the signature", year: 2024, from: YearFromDocument,
			text:    "关于做好民生实事的通知\n\n各街道：\n\n今年新建公共厕所30座。\n\n某区人民政府办公室\n\n2024年2月20日",
			targets: []want{"新建公共厕所|30|座|=|2024-12-31|f"},
		},
		{
			name: "no year stated", year: 0, from: YearFromNone,
			text:    "新建停车场5个。",
			targets: []want{"新建停车场|5|个|=|-|f"},
		},
	} {
		t.Run(c.name, func(t *testing.T) {
			r := Extract(c.text, Options{})
			p := r.Plan
			if p.Year != c.year || p.YearFrom != c.from || !strings.Contains(p.YearEvidence, c.evidence) {
				t.Errorf("year %d from %q (%q), want %d from %q (%q)", p.Year, p.YearFrom, p.YearEvidence, c.year, c.from, c.evidence)
			}
			if c.targets != nil {
				var got, exp []string
				for _, tg := range r.Targets {
					got = append(got, describe(tg))
				}
				for _, w := range c.targets {
					exp = append(exp, string(w))
				}
				if strings.Join(got, "\n") != strings.Join(exp, "\n") {
					t.Errorf("targets:\n got: %s\nwant: %s", strings.Join(got, "\n      "), strings.Join(exp, "\n      "))
				}
			}
			// A year given overrides the text's.
			if r := Extract(c.text, Options{Year: 2030}); r.Plan.Year != 2030 || r.Plan.YearFrom != YearFromOption {
				t.Errorf("--year 2030: year %d from %q", r.Plan.Year, r.Plan.YearFrom)
			}
		})
	}
}

func TestCheckYear(t *testing.T) {
	for _, y := range []int{MinYear, 2021, MaxYear} {
		if err := CheckYear("year", y); err != nil {
			t.Errorf("%d: %v", y, err)
		}
	}
	for _, y := range []int{0, 1948, 2101, 20210} {
		err := CheckYear("year", y)
		if duban.ErrorCode(err) != duban.EINVALID || duban.ErrorFields(err)[0].Field != "year" ||
			!strings.Contains(duban.ErrorFields(err)[0].Message, "1949") {
			t.Errorf("%d: got %v", y, err)
		}
	}
}
