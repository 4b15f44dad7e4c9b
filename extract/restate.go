package extract

import (
	"strings"

	"github.com/duban-dev/duban"
)

// targetKey groups targets that state the same figure.
type targetKey struct {
	value    float64
	unit     string
	cmp      duban.Comparator
	deadline string
}

func keyOf(t *Target) targetKey {
	k := targetKey{value: t.Value, unit: t.Unit, cmp: t.Comparator}
	if t.Deadline != nil {
		k.deadline = t.Deadline.String()
	}
	return k
}

// restated reports a target that states again one taken before: a
// headline restated in a call-out or a summary (经济增长目标7.5%以上 after
// 地区生产总值增长7.5%以上). Its decision is turned to a skip. The same
// figure is a restatement when one subject holds the other, or when either
// is a plan-level figure and the subjects end in the same word (…增长).
func (b *builder) restated(f *found, planLevel bool) bool {
	if b.seen == nil {
		b.seen = map[targetKey][]int{}
	}
	key := keyOf(&f.target)
	for _, k := range b.seen[key] {
		g := &b.res.Targets[k]
		if sameFigure(g.Subject, f.target.Subject, planLevel || len(g.Path) == 0) {
			b.untake(f.numStart)
			return true
		}
	}
	b.seen[key] = append(b.seen[key], len(b.res.Targets))
	return false
}

func sameFigure(a, b string, planLevel bool) bool {
	if a == "" || b == "" {
		return false
	}
	if strings.Contains(a, b) || strings.Contains(b, a) {
		return true
	}
	ra, rb := []rune(a), []rune(b)
	return planLevel && len(ra) >= 2 && len(rb) >= 2 && string(ra[len(ra)-2:]) == string(rb[len(rb)-2:])
}

// untake turns the decision of the number at input offset start into a
// skip for restating.
func (b *builder) untake(start int) {
	for k := len(b.res.Decisions) - 1; k >= 0; k-- {
		if d := &b.res.Decisions[k]; d.Start == start && d.Taken {
			d.Taken, d.Reason = false, reasonRestated
			return
		}
	}
}
