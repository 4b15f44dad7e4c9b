package ui

import (
	"context"
	"fmt"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/duban-dev/duban"
	"github.com/duban-dev/duban/status"
)

// Person is the display name of an account or of one of the program's own
// actors (the status tracker, the automatic supervision job), for pages that would otherwise
// show a username; an unknown account stays as it is.
func (p *page) Person(username string) string {
	if username == "" {
		return username
	}
	if s := tr(p.Lang, "actor."+username); s != "actor."+username {
		return s // the program's own actors
	}
	if p.people == nil {
		return username
	}
	return p.people(username)
}

// NoticeLevel is a notice level's word in the page's language.
func (p *page) NoticeLevel(l duban.NoticeLevel) string {
	return orCode(p.Lang, "notice.level."+strconv.Itoa(int(l)), l.Label())
}

// NoticeState is a notice state's word in the page's language.
func (p *page) NoticeState(s duban.NoticeState) string {
	return orCode(p.Lang, "notice.state."+string(s), s.Label())
}

// UnitKind is a unit type's word in the page's language: 街道, street.
func (p *page) UnitKind(k duban.UnitKind) string {
	return orCode(p.Lang, "unit.kind."+string(k), k.Label())
}

// Period names a reporting period in the page's language: 2021年第3季度,
// or Q3 2021 in English.
func (p *page) Period(c duban.Cadence, period string) string { return periodWord(p.Lang, c, period) }

// PeriodName is Period for a period written alone: its form tells its
// cadence (2021-06, 2021-Q3, 2021-W26).
func (p *page) PeriodName(period string) string { return periodName(p.Lang, period) }

func periodName(lang, period string) string {
	c := duban.Monthly
	switch {
	case strings.Contains(period, "Q"):
		c = duban.Quarterly
	case strings.Contains(period, "W"):
		c = duban.Weekly
	}
	return periodWord(lang, c, period)
}

func periodWord(lang string, c duban.Cadence, period string) string {
	if lang != langEN || status.ValidPeriod(c, period) != nil {
		return status.PeriodLabel(c, period)
	}
	y, n := period[:4], period[len(period)-2:]
	i, _ := strconv.Atoi(n)
	switch c {
	case duban.Monthly:
		return time.Month(i).String() + " " + y
	case duban.Quarterly:
		return "Q" + period[6:] + " " + y
	}
	return fmt.Sprintf("Week %d, %s", i, y)
}

// peopleNamer looks the accounts up once per page, on first use.
func (h *Handler) peopleNamer(ctx context.Context) func(string) string {
	var once sync.Once
	names := map[string]string{}
	return func(username string) string {
		once.Do(func() {
			users, err := h.cfg.Users.ListUsers(ctx)
			if err != nil {
				h.cfg.Logger.Error("list users", "err", err)
				return
			}
			for _, u := range users {
				if u.DisplayName != "" {
					names[u.Username] = u.DisplayName
				}
			}
		})
		if n, ok := names[username]; ok {
			return n
		}
		return username
	}
}

// gloss is an English explanation in brackets after Chinese text, as the
// domain writes its messages for both languages: 必填 (required).
var gloss = regexp.MustCompile(`\s*[（(]([A-Za-z][^（）()\p{Han}]*[a-z][^（）()\p{Han}]*)[)）]`)

// localMessage keeps the part of a bilingual message in the page's
// language: the Chinese without its English glosses, or in English the
// gloss of a message made of one Chinese phrase and its gloss.
func localMessage(lang, msg string) string {
	ms := gloss.FindAllStringSubmatchIndex(msg, -1)
	if len(ms) == 0 {
		return msg
	}
	if lang == langEN {
		if len(ms) == 1 && ms[0][1] == len(msg) {
			en := msg[ms[0][2]:ms[0][3]]
			return strings.ToUpper(en[:1]) + en[1:]
		}
		return msg
	}
	return gloss.ReplaceAllString(msg, "")
}

// localizer is every view: render keeps the page's language in its error
// messages.
type localizer interface{ localize() }

func (p *page) localize() {
	p.Error = localMessage(p.Lang, p.Error)
	fields := make([]duban.FieldError, len(p.Fields))
	for i, f := range p.Fields {
		f.Message = localMessage(p.Lang, f.Message)
		fields[i] = f
	}
	p.Fields = fields
}

// unitName is a unit's short name (or name), in 「」; the code only when
// the directory does not know the unit.
func (h *Handler) unitName(r *http.Request, code string) string {
	return duban.UnitLabel(code, h.unitNames(r)[code])
}
