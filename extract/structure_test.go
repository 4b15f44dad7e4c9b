package extract

import (
	"strings"
	"testing"
)

func TestStructure(t *testing.T) {
	text := "# 某市2024年重点工作安排\n\n" +
		"## 一、稳定经济增长\n\n" +
		"### （一）扩大有效投资\n\n全年实施重点项目60个，完成投资200亿元以上。\n\n" +
		"### （二）促进消费\n\n培育夜间经济集聚区3个。\n\n" +
		"## 二、增进民生福祉\n\n" +
		"办好民生实事。新建改建公办幼儿园20所。\n\n持续做好养老服务工作。\n"
	r := Extract(text, Options{})
	if r.Plan.Title != "某市2024年重点工作安排" || r.Plan.Year != 2024 {
		t.Errorf("title %q year %d", r.Plan.Title, r.Plan.Year)
	}
	var got []string
	for _, a := range r.Plan.Areas {
		for _, tk := range a.Tasks {
			got = append(got, a.Title+" / "+tk.Title)
		}
	}
	want := []string{
		"稳定经济增长 / 扩大有效投资",
		"稳定经济增长 / 促进消费",
		"增进民生福祉 / 新建改建公办幼儿园20所",
		"增进民生福祉 / 持续做好养老服务工作",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("outline:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	paths := map[string]string{}
	for _, tg := range r.Targets {
		paths[formatValue(tg.Value)+tg.Unit] = strings.Join(tg.Path, " / ")
	}
	for target, path := range map[string]string{
		"60个":   "稳定经济增长 / 扩大有效投资",
		"200亿元": "稳定经济增长 / 扩大有效投资",
		"3个":    "稳定经济增长 / 促进消费",
		"20所":   "增进民生福祉 / 新建改建公办幼儿园20所",
	} {
		if paths[target] != path {
			t.Errorf("%s: path %q, want %q", target, paths[target], path)
		}
	}
	checkBundle(t, r)
}
