package duban

import "testing"

func TestItemLabel(t *testing.T) {
	for _, c := range []struct{ node, ind, want string }{
		{"凤湖生态休闲区", "年度投资完成额", "凤湖生态休闲区 · 年度投资完成额"},
		{"打通“断头路”", "打通“断头路”", "打通“断头路”"},
		{"", "地区生产总值增速", "地区生产总值增速"},
		{"新启动建设小微企业园", "新启动建设小微企业园数量", "新启动建设小微企业园数量"},
		{"老旧小区改造提升完成数（248个）", "老旧小区改造提升完成数", "老旧小区改造提升完成数（248个）"},
	} {
		if got := ItemLabel(c.node, c.ind); got != c.want {
			t.Errorf("ItemLabel(%q, %q) = %q, want %q", c.node, c.ind, got, c.want)
		}
	}
}
