package ui_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// TestIssueBulletinPreviewThenConfirm: the form previews (nothing stored,
// no number), the preview's confirm button issues; an unfinished period is
// refused with its end named unless forced.
func TestIssueBulletinPreviewThenConfirm(t *testing.T) {
	e := newEnv(t)
	c := e.client()
	c.login("duchashi")
	list := e.path("/plans/{id}/bulletins", e.planID)
	stored := func() int { return strings.Count(c.get(list).body, `href="/bulletins/`) / 5 }

	res := c.post(list, list, url.Values{"period": {"2021-06"}})
	for _, want := range []string{`id="draft"`, "预览稿", "关于2021年6月", `name="confirm" value="1"`, "2021-06-30", `preview.html?period=2021-06`} {
		if !strings.Contains(res.body, want) {
			t.Errorf("preview: %d, lacks %q", res.status, want)
		}
	}
	if res.status != http.StatusOK || stored() != 0 {
		t.Fatalf("the preview issued a bulletin: %d, %d stored", res.status, stored())
	}
	full := c.get(e.path("/plans/{id}/bulletins/preview.html?period=2021-06", e.planID))
	if full.status != http.StatusOK || !strings.Contains(full.body, "预览稿，未编号") || stored() != 0 {
		t.Errorf("whole draft: %d, %d stored", full.status, stored())
	}

	res = c.post(list, list, url.Values{"period": {"2021-07"}})
	if res.status != http.StatusBadRequest || !strings.Contains(res.body, "通报期 2021-07 至 2021-07-31 结束，数据截至 2021-07-15") {
		t.Errorf("unfinished period: %d, want 400 naming the period and its end", res.status)
	}
	if strings.Contains(res.body, "(the period") {
		t.Errorf("the Chinese page shows the English gloss")
	}
	res = c.post(list, list, url.Values{"period": {"2021-07"}, "force": {"1"}})
	if res.status != http.StatusOK || !strings.Contains(res.body, `name="force" value="1"`) {
		t.Errorf("forced preview: %d, want the draft keeping force", res.status)
	}
	res = c.post(list, list, url.Values{"period": {"2021-07"}, "force": {"1"}, "confirm": {"1"}})
	if res.status != http.StatusSeeOther || stored() != 1 {
		t.Errorf("forced confirm: %d, %d stored, want issued", res.status, stored())
	}
	rep := e.client()
	_, _, unit, _ := e.pick(t)
	rep.login(reporterOf(unit))
	if res := rep.get(e.path("/plans/{id}/bulletins/preview.html?period=2021-06", e.planID)); res.status != http.StatusForbidden {
		t.Errorf("a reporter previews: %d, want 403", res.status)
	}
}
