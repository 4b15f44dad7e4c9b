package ui_test

import (
	"html"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/duban-dev/duban/demo"
)

var (
	hiddenParts = regexp.MustCompile(`(?is)<(script|style)[^>]*>.*?</(script|style)>`)
	anyTag      = regexp.MustCompile(`(?s)<[^>]*>`)
	titleAttr   = regexp.MustCompile(`\s(?:title|aria-label|alt|placeholder)="([^"]*)"`)
	// bareNumber is a record named by its database id: 督办单 15, 报送 226.
	// A count ("督办单 0 件") is not an id.
	bareNumber = regexp.MustCompile(`(督办单|报送|通报)\s*#?\d+(\s*[件项次份个条%])?`)
	// englishGloss is an English explanation in brackets after Chinese:
	// 必填 (required).
	englishGloss = regexp.MustCompile(`\p{Han}[\p{Han}，、：；\s]*[（(]\s*[A-Za-z][A-Za-z ,;:'/.-]*[a-z]{2}[A-Za-z ,;:'/.-]*[)）]`)
)

// unitKindWord is a unit type stored in English, shown as it is.
var unitKindWord = regexp.MustCompile(`^(government|department|street|community|company)$`)

// visibleText is what a reader sees of a page: its text and the titles,
// labels and alternative texts of its elements, one line per element.
func visibleText(body string) string {
	body = hiddenParts.ReplaceAllString(body, "")
	var attrs []string
	for _, m := range titleAttr.FindAllStringSubmatch(body, -1) {
		attrs = append(attrs, m[1])
	}
	text := anyTag.ReplaceAllString(body, "\n")
	return html.UnescapeString(text + "\n" + strings.Join(attrs, "\n"))
}

// codeWord matches one code (a unit code or a username) standing alone.
func codeWord(code string) *regexp.Regexp {
	return regexp.MustCompile(`(^|[^A-Za-z0-9_.-])` + regexp.QuoteMeta(code) + `($|[^A-Za-z0-9_.@-])`)
}

// TestPagesShowNames walks every page as every role, in Chinese, and fails
// on a unit code or a username shown where a name belongs, a record named
// by its bare id ("督办单 15") or an English gloss inside Chinese text.
func TestPagesShowNames(t *testing.T) {
	w := newWalk(t)
	e := w.e
	_, _, _, otherID := e.pick(t)
	other := "/indicators/" + strconv.FormatInt(otherID, 10)
	var codes []*regexp.Regexp
	var codeNames []string
	for _, u := range e.bundle.Units {
		codes, codeNames = append(codes, codeWord(u.Code)), append(codeNames, u.Code)
	}
	for _, u := range demo.Users(e.bundle) {
		codes, codeNames = append(codes, codeWord(u.Username)), append(codeNames, u.Username)
	}
	for _, r := range w.roles {
		c := e.client()
		if r.user != "" {
			c.login(r.user)
		}
		var paths []string
		for _, p := range w.paths(r) {
			paths = append(paths, p.path)
		}
		if r.role == "reporter" {
			paths = append(paths, other+"/report") // refused: names the unit that leads it
		}
		for _, p := range paths {
			if strings.Contains(p, "lang=en") {
				continue // English pages: TestEnglishPagesTranslate
			}
			res := c.get(withLang(p, "zh"))
			for _, line := range strings.Split(visibleText(res.body), "\n") {
				line = strings.TrimSpace(line)
				if line == "" {
					continue
				}
				if m := bareNumber.FindStringSubmatch(line); m != nil && m[2] == "" {
					t.Errorf("%s as %s: record named by its id %q in %q", p, r.role, m[0], line)
				}
				if unitKindWord.MatchString(line) {
					t.Errorf("%s as %s: English unit type in %q", p, r.role, line)
				}
				if m := englishGloss.FindString(line); m != "" {
					t.Errorf("%s as %s: English gloss %q in %q", p, r.role, m, line)
				}
				if strings.HasPrefix(p, "/admin") {
					continue // the administrator manages accounts by username and units by code
				}
				for i, re := range codes {
					if re.MatchString(line) {
						t.Errorf("%s as %s: code %q shown in %q", p, r.role, codeNames[i], line)
					}
				}
			}
		}
	}
}

// withLang sets the page's language in its query.
func withLang(p, lang string) string {
	u, _ := url.Parse(p)
	q := u.Query()
	q.Set("lang", lang)
	u.RawQuery = q.Encode()
	return u.String()
}

// chineseWords are what an English page must not show of notices and
// periods: level and state words and Chinese period names.
var chineseWords = regexp.MustCompile(`提醒|督办|约谈|已下发|已签收|已反馈|已办结|\d{4}年第?\d+(月|季度|周)`)

// TestEnglishPagesTranslate opens every page in English as the role that
// uses it, and the notices page and the report form as a unit's reporter,
// and fails on their Chinese words (the data, such as item names and
// notice texts, stays as written).
func TestEnglishPagesTranslate(t *testing.T) {
	w := newWalk(t)
	want := map[string]string{"GET /notices": "Issued", "GET /indicators/{id}/report": "2021"}
	users := map[string]string{}
	for _, r := range w.roles {
		users[r.role] = r.user
	}
	pages := append(w.pages, walkPage{"GET /notices", "/notices", "reporter"})
	for _, p := range pages {
		if officialDocument[p.route] {
			continue
		}
		c := w.e.client()
		if u := users[p.owner]; u != "" {
			c.login(u)
		}
		res := c.get(withLang(p.path, "en"))
		text := visibleText(res.body)
		for _, line := range strings.Split(text, "\n") {
			if m := chineseWords.FindString(line); m != "" && !dataLine(line) {
				t.Errorf("%s as %s: %q untranslated in %q", p.path, p.owner, m, strings.TrimSpace(line))
			}
		}
		if !strings.Contains(text, want[p.route]) {
			t.Errorf("%s as %s: no %q", p.path, p.owner, want[p.route])
		}
	}
}

// officialDocument are the pages that show a Chinese document as it is
// printed (the bulletin draft, the printed notice): no English version.
var officialDocument = map[string]bool{"GET /plans/{id}/bulletins/preview.html": true, "GET /notices/{id}/print": true}

// dataLine tells a line of stored text (a notice's own wording, a plan's
// title) from the page's words: it is long Chinese prose.
func dataLine(line string) bool {
	return len([]rune(strings.TrimSpace(line))) > 12
}
