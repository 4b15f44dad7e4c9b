package extract

import (
	"fmt"
	"strings"
	"testing"
)

// want is an expected target: subject|value|unit|comparator|deadline|commitment,
// with "a" for aspirational and "f" for firm, and "-" for no deadline.
type want string

type corpusCase struct {
	name    string
	year    int
	text    string
	targets []want
	skipped []string // number texts that must be reported and not taken
}

// The corpus is written for these tests in the manner of Chinese work
// plans; it quotes no published document.
var corpus = []corpusCase{
	{
		name: "national report headline targets with lead-in",
		year: 2021,
		text: "今年发展主要预期目标是：国内生产总值增长6%以上；城镇新增就业1100万人以上，城镇调查失业率5.5%左右；" +
			"居民消费价格涨幅3%左右；单位国内生产总值能耗降低3%左右。",
		targets: []want{
			"国内生产总值增长|6|%|>=|2021-12-31|f",
			"城镇新增就业|1100|万人|>=|2021-12-31|f",
			"城镇调查失业率|5.5|%|~|2021-12-31|f",
			"居民消费价格涨幅|3|%|~|2021-12-31|f",
			"单位国内生产总值能耗降低|3|%|~|2021-12-31|f",
		},
	},
	{
		name: "lead-in with its own deadline scopes a numbered list",
		year: 2022,
		text: "2022年6月底前重点完成以下工作：\n1. 改造燃气管道120公里；\n2. 新建公共厕所30座；\n3. 力争新增停车泊位5000个。\n\n其他工作年底前完成。",
		targets: []want{
			"改造燃气管道|120|公里|=|2022-06-30|f",
			"新建公共厕所|30|座|=|2022-06-30|f",
			"新增停车泊位|5000|个|=|2022-06-30|a",
		},
	},
	{
		name: "district month deadlines",
		year: 2023,
		text: "9月底前完成背街小巷改造40条；11月底前建成口袋公园12个；3月中旬前启动河道清淤。",
		targets: []want{
			"背街小巷改造|40|条|=|2023-09-30|f",
			"建成口袋公园|12|个|=|2023-11-30|f",
		},
	},
	{
		name:    "livelihood projects",
		year:    2022,
		text:    "民生实事：新建改建公办幼儿园20所，新增学位6000个；新建社区养老服务中心15处。",
		targets: []want{"新建改建公办幼儿园|20|所|=|2022-12-31|f", "新增学位|6000|个|=|2022-12-31|f", "新建社区养老服务中心|15|处|=|2022-12-31|f"},
	},
	{
		name: "full-width digits and punctuation",
		year: 2021,
		text: "全年新增城镇就业１．２万人以上，城镇登记失业率控制在４．５％以内；新增绿化面积１，５００亩。",
		targets: []want{
			"新增城镇就业|1.2|万人|>=|2021-12-31|f",
			"城镇登记失业率|4.5|%|<=|2021-12-31|f",
			"新增绿化面积|1500|亩|=|2021-12-31|f",
		},
	},
	{
		name: "chinese numerals",
		year: 2021,
		text: "年内建成三个社区食堂，改造提升十四处农贸市场，新增停车泊位一千二百个，培育二十五家专精特新企业，建设两座污水处理厂，一百零五户完成改造。",
		targets: []want{
			"建成社区食堂|3|个|=|2021-12-31|f",
			"改造提升农贸市场|14|处|=|2021-12-31|f",
			"新增停车泊位|1200|个|=|2021-12-31|f",
			"培育专精特新企业|25|家|=|2021-12-31|f",
			"建设污水处理厂|2|座|=|2021-12-31|f",
			"完成改造|105|户|=|2021-12-31|f",
		},
	},
	{
		name:    "percent in words",
		year:    2021,
		text:    "城市生活垃圾无害化处理率达到百分之九十五以上，农村卫生厕所普及率不低于百分之八十。",
		targets: []want{"城市生活垃圾无害化处理率|95|%|>=|2021-12-31|f", "农村卫生厕所普及率|80|%|>=|2021-12-31|f"},
	},
	{
		name:    "multipliers stay in the unit as written",
		year:    2021,
		text:    "完成固定资产投资1.2亿元，带动就业3万人，粮食产量稳定在1.3万亿斤以上，新增造林面积三万亩。",
		targets: []want{"固定资产投资|1.2|亿元|=|2021-12-31|f", "带动就业|3|万人|=|2021-12-31|f", "粮食产量|1.3|万亿斤|>=|2021-12-31|f", "新增造林面积|3|万亩|=|2021-12-31|f"},
	},
	{
		name: "deadline forms",
		year: 2021,
		text: "上半年完成老旧管网改造50公里。三季度末前建成充电桩300个。力争3年内引进高新技术企业100家。" +
			"2022年6月底前建成城市书房10座。“十四五”期间新增养老床位2000张。今年，新增集中供热面积80万平方米。" +
			"1月底前完成冬季清雪预案演练2次。明年建成智慧停车平台1个。",
		targets: []want{
			"老旧管网改造|50|公里|=|2021-06-30|f",
			"建成充电桩|300|个|=|2021-09-30|f",
			"引进高新技术企业|100|家|=|2023-12-31|a",
			"建成城市书房|10|座|=|2022-06-30|f",
			"新增养老床位|2000|张|=|2025-12-31|f",
			"新增集中供热面积|80|万平方米|=|2021-12-31|f",
			"冬季清雪预案演练|2|次|=|2021-01-31|f",
			"建成智慧停车平台|1|个|=|2022-12-31|f",
		},
	},
	{
		name:    "lists, ellipsis and two targets in one clause",
		year:    2021,
		text:    "打造5个美丽乡村示范点…3个乡村振兴样板村；推进22个重点片区、8项民生工程。",
		targets: []want{"打造美丽乡村示范点|5|个|=|2021-12-31|f", "乡村振兴样板村|3|个|=|2021-12-31|f", "推进重点片区|22|个|=|2021-12-31|f", "民生工程|8|项|=|2021-12-31|f"},
	},
	{
		name:    "subject carried from the previous clause",
		year:    2021,
		text:    "全年改造老旧小区120个，其中上半年完成50个。",
		targets: []want{"改造老旧小区|120|个|=|2021-12-31|f", "改造老旧小区|50|个|=|2021-06-30|f"},
	},
	{
		name:    "past results are not targets",
		year:    2021,
		text:    "去年全区生产总值增长2.3%，今年预期增长6.5%左右。过去五年累计完成投资300亿元。2020年完成造林面积1.5万亩。截至目前已建成5G基站1200个。累计完成棚户区改造1.2万套。",
		targets: []want{"预期增长|6.5|%|~|2021-12-31|f"},
		skipped: []string{"2.3%", "300亿元", "1.5万亩", "1200个", "1.2万套"},
	},
	{
		name:    "a base year is not a past result",
		year:    2021,
		text:    "单位地区生产总值能耗较2020年下降13.5%，粮食产量比上年增长2%。",
		targets: []want{"单位地区生产总值能耗较2020年下降|13.5|%|=|2021-12-31|f", "粮食产量比上年增长|2|%|=|2021-12-31|f"},
	},
	{
		name:    "a cumulative target with a future deadline is a target",
		year:    2021,
		text:    "到2025年累计建成5G基站1万个。",
		targets: []want{"建成5G基站|1|万个|=|2025-12-31|f"},
	},
	{
		name:    "names, labels and counts of areas",
		year:    2021,
		text:    "重点抓好八项重点工作：深入推进四大主导产业，聚焦6个方面，实施“三个一批”工程，推进“一环十横十纵”建设，依托4A级景区和5G网络，整合713所等科研资源，支持2中、4中、57中办学，以优异成绩迎接建党100周年，召开十一届三次全会，落实“13666”举措。",
		skipped: []string{"八项", "四大", "6个", "4", "713所", "2中", "4中", "57中", "100周年", "13666"},
	},
	{
		name:    "comparators",
		year:    2021,
		text:    "农村居民人均可支配收入增长不低于7%；审批时限压缩至3个工作日以内；至少新建3处应急避难场所；PM2.5平均浓度控制在40微克/立方米以内；重大项目开工率超过90%。",
		targets: []want{"农村居民人均可支配收入增长|7|%|>=|2021-12-31|f", "审批时限|3|个工作日|<=|2021-12-31|f", "新建应急避难场所|3|处|>=|2021-12-31|f", "PM2.5平均浓度|40|微克/立方米|<=|2021-12-31|f", "重大项目开工率|90|%|>=|2021-12-31|f"},
	},
	{
		name:    "ranges",
		year:    2021,
		text:    "地区生产总值增长6%—7%；新建便民服务站3至5个；办理时限压缩至3-5个工作日；新增就业1.5-2万人。",
		targets: []want{"地区生产总值增长|6|%|>=|2021-12-31|f", "新建便民服务站|3|个|>=|2021-12-31|f", "办理时限|5|个工作日|<=|2021-12-31|f", "新增就业|1.5|万人|>=|2021-12-31|f"},
		skipped: []string{"7%", "5个", "2万人"},
	},
	{
		name:    "half-width punctuation",
		year:    2021,
		text:    "今年,新建社区卫生服务站8个;改造农村公路45.5公里.",
		targets: []want{"新建社区卫生服务站|8|个|=|2021-12-31|f", "改造农村公路|45.5|公里|=|2021-12-31|f"},
	},
	{
		name:    "line and page breaks inside words",
		year:    2021,
		text:    "加快推进城市更新，高标准完成老旧小\n区改造86个，同步实施雨污分流改造和管网更新工程，新建\n\n\n\n口袋公园20个。",
		targets: []want{"老旧小区改造|86|个|=|2021-12-31|f", "新建口袋公园|20|个|=|2021-12-31|f"},
	},
	{
		name:    "table rows",
		year:    2024,
		text:    "| 序号 | 项目 | 目标 |\n|---|---|---|\n| 1 | 新建公办幼儿园 | 12所 |\n| 2 | 城镇新增就业 | 1.5万人以上 |",
		targets: []want{"新建公办幼儿园|12|所|=|2024-12-31|f", "城镇新增就业|1.5|万人|>=|2024-12-31|f"},
	},
	{
		name:    "year from a title in Chinese numerals, structure from numbering",
		text:    "某区二〇二二年民生实事项目\n\n一、教育\n\n（一）新建改建公办幼儿园6所，新增学位1,800个。\n\n二、交通\n\n1．打通断头路8条，其中上半年完成3条。",
		targets: []want{"新建改建公办幼儿园|6|所|=|2022-12-31|f", "新增学位|1800|个|=|2022-12-31|f", "打通断头路|8|条|=|2022-12-31|f", "打通断头路|3|条|=|2022-06-30|f"},
	},
	{
		name:    "unknown year gives no deadline unless written in full",
		year:    0,
		text:    "新建停车场5个，2030年底前建成绿道30公里。",
		targets: []want{"新建停车场|5|个|=|-|f", "建成绿道|30|公里|=|2030-12-31|f"},
	},
}

func (w want) parse(t *testing.T) (subject, value, unit, cmp, deadline, commit string) {
	t.Helper()
	p := strings.Split(string(w), "|")
	if len(p) != 6 && len(p) != 7 {
		t.Fatalf("bad want %q", w)
	}
	return p[0], p[1], p[2], p[3], p[4], p[5]
}

func describe(tg Target) string {
	dl := "-"
	if tg.Deadline != nil {
		dl = tg.Deadline.String()
	}
	c := "f"
	if tg.Commitment == "aspirational" {
		c = "a"
	}
	s := fmt.Sprintf("%s|%s|%s|%s|%s|%s", tg.Subject, formatValue(tg.Value), tg.Unit, tg.Comparator, dl, c)
	if p := tg.Progress; p != nil {
		s += "|progress " + formatValue(p.Value) + p.Unit
		if p.AsOf != nil {
			s += " as of " + p.AsOf.String()
		}
	}
	return s
}

func TestCorpus(t *testing.T) {
	for _, c := range append(corpus[:len(corpus):len(corpus)], corpus2...) {
		t.Run(c.name, func(t *testing.T) {
			r := Extract(c.text, Options{Year: c.year})
			var got []string
			for _, tg := range r.Targets {
				got = append(got, describe(tg))
			}
			var exp []string
			for _, w := range c.targets {
				w.parse(t)
				exp = append(exp, string(w))
			}
			if strings.Join(got, "\n") != strings.Join(exp, "\n") {
				t.Errorf("targets:\n got: %s\nwant: %s", strings.Join(got, "\n      "), strings.Join(exp, "\n      "))
			}
			for _, s := range c.skipped {
				if !skippedDecision(r, s) {
					t.Errorf("%q: want a decision skipping it", s)
				}
			}
			checkOffsets(t, c.text, r)
			checkBundle(t, r)
		})
	}
}

func skippedDecision(r *Result, text string) bool {
	for _, d := range r.Decisions {
		if d.Text == text && !d.Taken && d.Reason != "" {
			return true
		}
	}
	return false
}
