package ui

import (
	"encoding/json"
	"net/url"
	"testing"

	"github.com/duban-dev/duban"
)

func TestAuditUserChange(t *testing.T) {
	before := `{"username":"gxj","display_name":"工信局填报员","role":"reporter","unit_code":"gxj","disabled":false}`
	entry := func(after string) duban.AuditEntry {
		return duban.AuditEntry{Action: "user.update", Entity: "user", EntityID: 5,
			Before: json.RawMessage(before), After: json.RawMessage(after)}
	}
	cases := []struct {
		name, lang, after, want string
	}{
		{"role and disabled", "zh", `{"display_name":"工信局填报员","role":"supervisor","disabled":true}`,
			"修改账号：角色 责任单位填报员 → 督查室；单位 gxj → —；已停用"},
		{"in English", langEN, `{"display_name":"工信局填报员","role":"supervisor","disabled":true}`,
			"Changed an account: role unit reporter → supervisor; unit gxj → —; disabled"},
		{"name and password", "zh", `{"display_name":"新名字","role":"reporter","unit_code":"gxj","password_changed":true}`,
			"修改账号：姓名 工信局填报员 → 新名字；已重置密码"},
		{"nothing changed", "zh", before, "修改账号"},
		{"no after document", "zh", ``, "修改账号"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := auditWhat(c.lang, entry(c.after)); got != c.want {
				t.Errorf("auditWhat = %q, want %q", got, c.want)
			}
		})
	}
	reenabled := entry(`{"display_name":"工信局填报员","role":"reporter","unit_code":"gxj","disabled":false}`)
	reenabled.Before = json.RawMessage(`{"display_name":"工信局填报员","role":"reporter","unit_code":"gxj","disabled":true}`)
	if got := auditWhat("zh", reenabled); got != "修改账号：已启用" {
		t.Errorf("re-enabled: %q", got)
	}
}

func TestAuditRecordAndLink(t *testing.T) {
	rep := json.RawMessage(`{"id":226,"indicator_id":8,"plan_id":1,"period":"2021-Q3","version":2}`)
	cases := []struct {
		name         string
		e            duban.AuditEntry
		record, link string
	}{
		{"indicator without documents", duban.AuditEntry{Entity: "indicator", EntityID: 8}, "指标（记录 8）", "/indicators/8"},
		{"indicator named by id", duban.AuditEntry{Entity: "indicator", EntityID: 9}, "指标 「老旧小区改造」", "/indicators/9"},
		{"indicator by name", duban.AuditEntry{Entity: "indicator", EntityID: 8, After: json.RawMessage(`{"name":"老旧小区改造"}`)}, "指标 「老旧小区改造」", "/indicators/8"},
		{"report to its item", duban.AuditEntry{Entity: "report", EntityID: 226, After: rep}, "报送 2021年第3季度 第2版", "/indicators/8"},
		{"report without documents", duban.AuditEntry{Entity: "report", EntityID: 226}, "报送（记录 226）", ""},
		{"notice to its card", duban.AuditEntry{Entity: "notice", EntityID: 3, After: json.RawMessage(`{"plan_id":1,"year":2021,"seq":3}`)}, "督办〔2021〕3号", "/notices?plan=1#n3"},
		{"plan", duban.AuditEntry{Entity: "plan", EntityID: 1, After: json.RawMessage(`{"title":"2021年计划"}`)}, "计划 「2021年计划」", "/plans/1"},
		{"bulletin", duban.AuditEntry{Entity: "bulletin", EntityID: 2, After: json.RawMessage(`{"number":"二七督〔2021〕2号"}`)}, "通报 二七督〔2021〕2号", "/bulletins/2.html"},
		{"account", duban.AuditEntry{Entity: "user", EntityID: 5, Before: json.RawMessage(`{"username":"gxj","display_name":"张三"}`)}, "账号 张三", ""},
		{"file without a number", duban.AuditEntry{Entity: "file"}, "附件", ""},
		{"bulk load of a table", duban.AuditEntry{Entity: "units"}, "units", ""},
	}
	notice := duban.AuditEntry{Entity: "notice", EntityID: 3, After: json.RawMessage(`{"year":2021,"seq":3}`)}
	if got := auditRecord(langEN, notice, nil); got != "notice 督办〔2021〕3号" {
		t.Errorf("English notice: %q", got)
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := auditRecord("zh", c.e, map[int64]string{9: "老旧小区改造"}); got != c.record {
				t.Errorf("record %q, want %q", got, c.record)
			}
			if got := auditLink(c.e); got != c.link {
				t.Errorf("link %q, want %q", got, c.link)
			}
		})
	}
}

// TestAuditActionsLabelled: every action and kind the filter offers has a
// Chinese and an English text, as do the filter's fields.
func TestAuditActionsLabelled(t *testing.T) {
	ids := []string{"log.kind_all", "log.from", "log.to", "log.entity", "log.entity_id",
		"log.f.display_name", "log.f.role", "log.f.unit", "log.f.disabled", "log.f.enabled", "log.f.password",
		"entity.user", "entity.bulletin", "entity.webhook", "entity.file"}
	for _, k := range auditKinds {
		ids = append(ids, "log.kind."+k.name)
		for _, a := range k.actions {
			ids = append(ids, "audit."+a)
		}
	}
	for _, id := range ids {
		if m, ok := catalog[id]; !ok || m[0] == "" || m[1] == "" {
			t.Errorf("message %q missing or incomplete in the catalog", id)
		}
	}
}

func TestActionGroups(t *testing.T) {
	selected := func(groups []actionGroup) (n int, value string) {
		for _, g := range groups {
			for _, o := range g.Options {
				if o.Selected {
					n, value = n+1, o.Value
				}
			}
		}
		return n, value
	}
	for _, sel := range []string{"report.", "user.update", "bulk_load", "thing.happen"} {
		if n, v := selected(actionGroups("zh", sel)); n != 1 || v != sel {
			t.Errorf("%s: %d selected (%q), want it alone", sel, n, v)
		}
	}
	g := actionGroups("zh", "")
	if n, _ := selected(g); n != 0 || g[0].Label != "报送" || g[0].Options[0] != (actionOption{"report.", "报送：全部", false}) {
		t.Errorf("groups %+v: want 报送 first, offering all its actions", g[0])
	}
}

func TestPagerOf(t *testing.T) {
	q := url.Values{"actor": {"admin"}}
	labels := func(p pager) (s string) {
		for _, l := range p.Links {
			if l.Current {
				s += "[" + l.Label + "]"
			} else {
				s += l.Label
			}
		}
		return s
	}
	cases := []struct {
		page, total int
		want        string
		prev, next  bool
	}{
		{1, 10, "", false, false},
		{1, 11, "[1]2", false, true},
		{5, 100, "1…34[5]67…10", true, true},
		{10, 100, "1…89[10]", true, false},
	}
	for _, c := range cases {
		p := pagerOf("/audit", q, duban.Page{Page: c.page, PerPage: 10}, c.total)
		if got := labels(p); got != c.want || (p.Prev != "") != c.prev || (p.Next != "") != c.next {
			t.Errorf("page %d of %d: %q prev %q next %q, want %q", c.page, c.total, got, p.Prev, p.Next, c.want)
		}
	}
	if p := pagerOf("/audit", q, duban.Page{Page: 2, PerPage: 10}, 30); p.Next != "/audit?actor=admin&page=3" || p.Prev != "/audit?actor=admin&page=1" {
		t.Errorf("links %q %q do not keep the filter", p.Prev, p.Next)
	}
}
