package ui_test

import (
	"encoding/json"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/duban-dev/duban"
	"github.com/duban-dev/duban/demo"
)

var (
	headItems = regexp.MustCompile(`id="head-items">(\d+)<`)
	tableRow  = regexp.MustCompile(`(?s)<tr[^>]*><th scope="row">([^<]*)</th>(.*?)</tr>`)
	cellNum   = regexp.MustCompile(`<td>(\d+)</td>`)
)

// section cuts the part of body from the first from to the next to.
func section(t *testing.T, body, from, to string) string {
	t.Helper()
	i := strings.Index(body, from)
	if i < 0 {
		t.Fatalf("no %q in the page", from)
	}
	j := strings.Index(body[i:], to)
	if j < 0 {
		t.Fatalf("no %q after %q", to, from)
	}
	return body[i : i+j]
}

// TestAreaBreakdownAddsUpToHeadline: the Erqi plan's 地区生产总值增速 hangs
// under its goal, outside the six areas; the dashboard's cards, its status
// table and chart, the wall's chart and the public page show it as a part
// of its own, so that the parts add up to the headline's 41 items.
func TestAreaBreakdownAddsUpToHeadline(t *testing.T) {
	e := newEnv(t)
	for _, lang := range []string{"", "?lang=en"} {
		c := e.client()
		c.login(demo.SupervisorUsername)
		body := c.get(e.path("/plans/{id}", e.planID) + lang).body
		m := headItems.FindStringSubmatch(body)
		if m == nil {
			t.Fatal("no headline count")
		}
		head, _ := strconv.Atoi(m[1])
		table := section(t, body, `aria-labelledby="h-areas"`, "</table>")
		rows, sum, outside := 0, 0, false
		for _, r := range tableRow.FindAllStringSubmatch(section(t, table, "<tbody>", "</tbody>"), -1) {
			cells := cellNum.FindAllStringSubmatch(r[2], -1)
			n, _ := strconv.Atoi(cells[len(cells)-1][1])
			parts := 0
			for _, c := range cells[:len(cells)-1] {
				k, _ := strconv.Atoi(c[1])
				parts += k
			}
			if parts != n {
				t.Errorf("%s: its status counts add up to %d, its count is %d", r[1], parts, n)
			}
			sum += n
			rows++
			outside = outside || r[1] == map[string]string{"": "其他（不属任何领域）", "?lang=en": "Outside the areas"}[lang]
		}
		if rows != 7 || !outside || sum != head || head != 41 {
			t.Errorf("%q: %d rows adding up to %d (outside row: %v), headline %d; want 6 areas and the outside row adding up to 41", lang, rows, sum, outside, head)
		}
		foot := cellNum.FindAllStringSubmatch(section(t, table, "<tfoot>", "</tfoot>"), -1)
		if got := foot[len(foot)-1][1]; got != m[1] {
			t.Errorf("%q: the table's total reads %s, the headline %s", lang, got, m[1])
		}
		if !strings.Contains(body, `id="outside"`) || !strings.Contains(section(t, body, `id="outside"`, "</article>"), "经济增长7.5%以上") {
			t.Errorf("%q: no card naming the item outside the areas", lang)
		}
		var charts struct {
			Areas struct {
				Labels []string
				Series []struct{ Data []float64 }
			}
		}
		js := section(t, body, `id="chart-data">`, "</script>")
		if err := json.Unmarshal([]byte(strings.TrimPrefix(js, `id="chart-data">`)), &charts); err != nil {
			t.Fatal(err)
		}
		if got := chartSum(charts.Areas.Series); got != head || len(charts.Areas.Labels) != 7 {
			t.Errorf("%q: the areas chart counts %d items in %d bars, the headline %d", lang, got, len(charts.Areas.Labels), head)
		}
	}

	c := e.client()
	c.login(demo.LeaderUsername)
	res := c.get(e.path("/plans/{id}/screen.json", e.planID))
	var wall struct {
		Items int
		Other string
		Chart struct {
			Labels []string
			Series []struct{ Data []float64 }
		}
	}
	if err := json.Unmarshal([]byte(res.body), &wall); err != nil {
		t.Fatalf("%d %v", res.status, err)
	}
	if got := chartSum(wall.Chart.Series); got != wall.Items || wall.Items != 41 || wall.Chart.Labels[len(wall.Chart.Labels)-1] != "其他" {
		t.Errorf("the wall's chart counts %d items, its headline %d; labels %v", got, wall.Items, wall.Chart.Labels)
	}
	if !strings.Contains(wall.Other, "其他（不属任何领域）：1项") {
		t.Errorf("the wall's line on the rest: %q", wall.Other)
	}
	pub := e.client().get(e.path("/public/plans/{id}", e.planID)).body
	if !strings.Contains(pub, "<h2>其他（不属任何领域）</h2>") {
		t.Errorf("the public page does not name the group of items outside the areas")
	}
}

func chartSum(series []struct{ Data []float64 }) int {
	n := 0.0
	for _, s := range series {
		for _, d := range s.Data {
			n += d
		}
	}
	return int(n)
}

// TestRateItemsShowValueAgainstTarget: 地区生产总值增速 is a level item,
// judged by its light and left out of the headline's progress; the tree,
// its own page, the public page and the attention lists show its value
// against its target, never a bar against 序时进度 nor a gap in points.
func TestRateItemsShowValueAgainstTarget(t *testing.T) {
	e := newEnv(t)
	gdp := e.indicatorOfKind(t, duban.Level)
	c := e.client()
	c.login(demo.SupervisorUsername)
	item := section(t, c.get(e.path("/plans/{id}/tree", e.planID)).body, `<a href="/indicators/`+strconv.FormatInt(gdp.ID, 10)+`">`, "</div>")
	if strings.Contains(item, `class="bar"`) || strings.Contains(item, "序时进度") || strings.Contains(item, "超前") ||
		!regexp.MustCompile(`当前 [0-9.]+%，目标不少于 7\.5%`).MatchString(item) {
		t.Errorf("the tree's rate item:\n%s", item)
	}
	page := c.get(e.path("/indicators/{id}", gdp.ID)).body
	card := section(t, page, `<section class="card">`, "</section>")
	if strings.Contains(card, `class="bar"`) || strings.Contains(card, "超前") || !strings.Contains(card, "目标 不少于 7.5%") ||
		!regexp.MustCompile(`<p class="why">当前 [0-9.]+%，目标不少于 7\.5%</p>`).MatchString(card) {
		t.Errorf("the rate item's page:\n%s", card)
	}
	en := section(t, c.get(e.path("/indicators/{id}?lang=en", gdp.ID)).body, `<section class="card">`, "</section>")
	if strings.Contains(en, "points ahead") || !regexp.MustCompile(`Value [0-9.]+%, target at least 7\.5%`).MatchString(en) {
		t.Errorf("the rate item's English page:\n%s", en)
	}
	pub := e.client().get(e.path("/public/plans/{id}", e.planID)).body
	row := section(t, pub, "<th scope=\"row\">经济增长7.5%以上", "</tr>")
	if strings.Contains(row, `class="bar"`) || !regexp.MustCompile(`当前值 [0-9.]+%`).MatchString(row) {
		t.Errorf("the public page's rate item:\n%s", row)
	}
}

// TestAreaCardLightSaysWorstItem: an area card's light is its worst item's
// (美好生活创造 is ahead of 序时进度 and shows 未报送), so the card says so.
func TestAreaCardLightSaysWorstItem(t *testing.T) {
	e := newEnv(t)
	c := e.client()
	c.login(demo.SupervisorUsername)
	// The language sticks to the session once chosen, so each pass names it.
	for lang, label := range map[string]string{"?lang=zh": "最差事项：", "?lang=en": "Worst item: "} {
		body := c.get(e.path("/plans/{id}", e.planID) + lang).body
		cards := regexp.MustCompile(`(?s)<article class="card area.*?</article>`).FindAllString(body, -1)
		if len(cards) != 7 {
			t.Fatalf("%q: %d area cards, want 6 and the one outside the areas", lang, len(cards))
		}
		for _, card := range cards {
			if !strings.Contains(card, `<p class="worst" title="`) || !strings.Contains(card, `">`+label+`<span class="light"`) {
				t.Errorf("%q: the card's light does not say it is the worst item's:\n%s", lang, card)
			}
		}
	}
}

// TestEnglishPagesReadEnglish: English pages name a milestone item's
// target without "exactly —", write no Chinese unit after a number in an
// item's target or explanation, and count one milestone in the singular.
func TestEnglishPagesReadEnglish(t *testing.T) {
	e := newEnv(t)
	c := e.client()
	c.login(demo.SupervisorUsername)
	ms := e.indicatorOfKind(t, duban.MilestoneOnly)
	page := c.get(e.path("/indicators/{id}?lang=en", ms.ID)).body
	if strings.Contains(page, "exactly —") || !strings.Contains(page, "<dd>by milestones</dd>") {
		t.Errorf("the milestone item's English page:\n%s", section(t, page, `<section class="card">`, "</section>"))
	}
	chineseUnit := regexp.MustCompile(`\d(万元|亿元|个|条|项|家|公里)`)
	plural := regexp.MustCompile(`(^|[^\d.])1 milestones`)
	tree := c.get(e.path("/plans/{id}/tree?lang=en", e.planID)).body
	for _, m := range regexp.MustCompile(`<span class="(?:why|rate)">([^<]*)</span>`).FindAllStringSubmatch(tree, -1) {
		if chineseUnit.MatchString(m[1]) || plural.MatchString(m[1]) {
			t.Errorf("English tree: %q", m[1])
		}
	}
	pub := e.client().get(e.path("/public/plans/{id}?lang=en", e.planID)).body
	for _, m := range regexp.MustCompile(`data-label="Target">([^<]*)</td>`).FindAllStringSubmatch(pub, -1) {
		if chineseUnit.MatchString(m[1]) || strings.Contains(m[1], "exactly —") {
			t.Errorf("English public page target: %q", m[1])
		}
	}
}

// TestDisplayLinkShownOnceWithCopy: a display link's token is kept only as
// a hash, so the page says a link is shown once, and the page that creates
// one shows its whole URL in a field with a copy button.
func TestDisplayLinkShownOnceWithCopy(t *testing.T) {
	e := newEnv(t)
	admin := e.client()
	admin.login(demo.AdminUsername)
	links := e.path("/plans/{id}/display-links", e.planID)
	if body := admin.get(links).body; !strings.Contains(body, `<p class="muted" id="links-once">链接只在创建时显示一次`) {
		t.Errorf("the links page does not say a link is shown only once")
	}
	res := admin.post(links, links, url.Values{"label": {"三楼会议室"}})
	m := regexp.MustCompile(`<input id="new-link-text" readonly value="(http://duban\.test/display/[A-Za-z0-9_-]{43})">`).FindStringSubmatch(res.body)
	if m == nil || !strings.Contains(res.body, `<button type="button" id="copy-link" data-copy="new-link-text"`) {
		t.Fatalf("the new link is not shown whole with a copy button:\n%.1500s", section(t, res.body, "<main", "</main>"))
	}
	if r := e.client().get(strings.TrimPrefix(m[1], "http://duban.test")); r.status != http.StatusOK || !strings.Contains(r.body, `class="wall"`) {
		t.Errorf("the URL in the field does not open the wall: %d", r.status)
	}
	if again := admin.get(links).body; strings.Contains(again, strings.TrimPrefix(m[1], "http://duban.test/display/")) {
		t.Errorf("the links page shows the token again")
	}
}
