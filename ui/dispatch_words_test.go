package ui_test

import (
	"context"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/duban-dev/duban/demo"
)

// TestDispatchListSaysWhatEachLightJudges: each section's light column is
// named for what it judges (a step's light under 节点状态, not read as the
// project's); section 一 counts its red and its unreported items by name;
// the period reads as a Chinese (or English) label; a decision's owner is
// the unit's name, never its code; the number column does not wrap.
func TestDispatchListSaysWhatEachLightJudges(t *testing.T) {
	e := newProjectEnv(t)
	c := e.client()
	c.login(demo.SupervisorUsername)
	page := "/plans/" + pjItoa(e.planID) + "/dispatch?mechanism=sdsw"
	res := c.get(page)
	if res.status != 200 {
		t.Fatalf("%d %.500s", res.status, res.body)
	}
	for sec, head := range map[string]string{"lagging": "事项状态", "step": "节点状态", "problem": "问题状态"} {
		block := dpSection(res.body, sec)
		if !strings.Contains(block, `<th class="dp-light">`+head+`</th>`) || !strings.Contains(block, `<td class="dp-light" data-label="`+head+`">`) {
			t.Errorf("section %s: no light column named %s: %.600s", sec, head, block)
		}
	}
	if !strings.Contains(dpSection(res.body, "step"), `<th class="dp-n">#</th>`) {
		t.Error("the number column has no class to keep it on one line")
	}
	m := regexp.MustCompile(`一、滞后及未报送事项（滞后 (\d+) 项、未报送 (\d+) 项，仅计「三定四推五落实」机制覆盖的 \d+ 个事项）`).FindStringSubmatch(res.body)
	if m == nil {
		t.Fatalf("section 一's heading does not name its unreported items: %.300s", res.body[strings.Index(res.body, `id="lagging-scope"`):])
	}
	lagging := dpSection(res.body, "lagging")
	rows := strings.Count(lagging, `<tr id="d`)
	red, none := mustAtoi(t, m[1]), mustAtoi(t, m[2])
	if red+none != rows || none == 0 || red == 0 {
		t.Fatalf("heading says %d red and %d unreported, section has %d rows", red, none, rows)
	}
	if strings.Contains(res.body, "2021-W28") || !strings.Contains(res.body, "调度周期 2021年第28周（") {
		t.Error("the period is shown as its code, not 2021年第28周")
	}
	// The chosen language sticks to the session: English on its own.
	ec := e.client()
	ec.login(demo.SupervisorUsername)
	if en := ec.get(page + "&lang=en"); strings.Contains(en.body, "2021-W28") || !strings.Contains(en.body, "Week 28, 2021") {
		t.Error("the English period is not readable")
	}
	// A decision followed up on a later list names its owner unit.
	units, err := e.db.ListUnits(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	name := ""
	for _, u := range units {
		if u.Code == "zrzy" {
			name = u.ShortName
			if name == "" {
				name = u.Name
			}
		}
	}
	node := regexp.MustCompile(`<tr id="d(\d+)"`).FindStringSubmatch(lagging)
	post := c.post(page, "/plans/"+pjItoa(e.planID)+"/decisions", url.Values{"mechanism": {"sdsw"}, "period": {"2021-W28"},
		"node_id": {node[1]}, "text": {"周五前协调用地指标"}, "owner": {"zrzy"}, "due": {"2021-07-23"}})
	if post.status != 303 {
		t.Fatalf("record: %d %.300s", post.status, post.body)
	}
	follow := dpSection(c.get(page).body, "follow_up")
	if name == "" || !strings.Contains(follow, "2021年第28周调度决定：周五前协调用地指标（"+name+"负责，2021-07-23 前）") || strings.Contains(follow, "zrzy") {
		t.Fatalf("the follow-up does not name its owner %q: %.800s", name, follow)
	}
}

// dpSection is the dispatch list's section with the key.
func dpSection(body, key string) string {
	i := strings.Index(body, `<section class="dp-section" id="sec-`+key+`">`)
	if i < 0 {
		return ""
	}
	j := strings.Index(body[i:], "</section>")
	return body[i : i+j]
}
