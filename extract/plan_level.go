package extract

import "strings"

// generalTitles name the sections of a plan that state its overall
// requirements and headline targets rather than a field of work.
var generalTitles = []string{
	"总体要求", "指导思想", "总体思路", "主要预期目标", "主要目标", "预期目标", "总体目标", "发展目标",
}

// isGeneralTitle reports a heading of a general section, numbered or not:
// "2021年总体要求", "一、主要预期目标". A heading that only mentions a goal
// among other words ("围绕总体目标抓落实") is a normal heading.
func isGeneralTitle(title string) bool {
	t := []rune(strings.TrimSpace(title))
	if len(t) > 12 {
		return false
	}
	s := string(t)
	for _, g := range generalTitles {
		if strings.HasSuffix(s, g) {
			return true
		}
	}
	return false
}

// maxCallout is the longest stand-alone call-out in runes.
const maxCallout = 30

// isCallout reports a short stand-alone block that names a target without
// a sentence around it, as newspapers print headline figures beside the
// text ("2021年 / 经济增长目标 / 7.5%以上"). Such a figure is the plan's,
// not the section's it happens to sit in.
func isCallout(t []rune) bool {
	if len(t) > maxCallout {
		return false
	}
	for _, r := range t {
		switch r {
		case ',', ';', '。', '!', '?', ':', '、':
			return false
		}
	}
	s := string(t)
	return strings.Contains(s, "目标") || strings.Contains(s, "预期")
}

// planLevel reports whether targets found now belong to the plan: inside a
// general section. Targets before the first area heading still go to tasks
// of their own sentences, as a heading-less task list needs.
func (b *builder) planLevel() bool { return b.general }

// attachPlan records targets as the plan's own, with an empty path.
func (b *builder) attachPlan(found []found) {
	for _, f := range found {
		if b.restated(&f, true) {
			continue
		}
		f.target.Path = []string{}
		b.res.Plan.Targets = append(b.res.Plan.Targets, len(b.res.Targets))
		b.res.Targets = appendDoubling(b.res.Targets, f.target)
	}
}
