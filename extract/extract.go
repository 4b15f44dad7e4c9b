// Package extract reads a Chinese government work plan from its own text:
// its title, areas and tasks, and the quantitative targets in it (value,
// unit, comparator, deadline, commitment), explaining every number it took
// or skipped. It is pure and deterministic: the same text and options give
// the same result.
//
// The text is folded (full-width digits and punctuation to half-width),
// split into lines and joined again where a line or page break cut a word
// or sentence. Markdown headings and 一、 （一） 第一部分 numbering become
// areas (the first such style met) and tasks (every other style, and
// 1. （1） ① items). A paragraph under an area but no task heading becomes a
// task per sentence that holds targets, or one task if it holds none.
//
// Every number is then judged in its clause (between ，；。), its segment
// (between ；。) and its sentence: a number with a unit (个, 条, %, 万人 …)
// is a target unless it is an ordinal, a code or rating (4A级, 5G), inside
// quotation or title marks, a count of the plan's own sections (6个方面,
// 四大, 八项重点工作), a name (713所, 57中), a generic 一, or a past result
// (the closest time word before it is 去年, 2020年, 已建成 …), reported
// progress (截至9月底, 目前, 已…, 完成率, a 进展情况 column: kept as the
// Progress of the target before it with its unit), a size class
// (1000亿元以上的企业2家) or a restatement of a figure already taken. The
// deadline is the closest time expression before it in its clause (unless
// only 今年), else after it in its clause, else written after it for its
// clause or table row (（11月底前完成）, …，11月底前完成, 完成时限：11月底, a
// deadline cell), else before it in its segment, else in a lead-in before a
// colon ("今年主要目标是："), else in an enclosing heading, else the end of
// the plan year. Stretches no plan is written like (dense.go) are reported
// whole.
package extract

import "github.com/duban-dev/duban"

// Options tune extraction.
type Options struct {
	// Year is the plan year; relative deadlines (年底前, 6月底前, 3年内) are
	// resolved against it. Zero means: infer it from the title, a heading,
	// a lead-in or the document's date.
	Year int
}

// Result is what Extract found.
type Result struct {
	Plan      PlanOutline `json:"plan"`
	Targets   []Target    `json:"targets"`
	Decisions []Decision  `json:"decisions,omitempty"`
}

// PlanOutline is the plan's structure: title, year, framework slogan parts
// and areas with their tasks. Targets lists the indexes into
// Result.Targets of the plan-level (headline) targets: those of a general
// section (总体要求, 主要预期目标) or of a stand-alone call-out such as "2021年 经济增长目标 7.5%以上".
type PlanOutline struct {
	Title string `json:"title"`
	Year  int    `json:"year"`
	// YearFrom says where Year came from: "option" when it was given,
	// else "title", "heading", "lead-in" or "document date", or "" when
	// the text states none. YearEvidence quotes the words it was read from.
	YearFrom     string   `json:"year_from"`
	YearEvidence string   `json:"year_evidence,omitempty"`
	Framework    []string `json:"framework"`
	Targets      []int    `json:"targets,omitempty"`
	Areas        []Area   `json:"areas"`
}

// Area is a top-level section (领域/方面).
type Area struct {
	Title string `json:"title"`
	Tasks []Task `json:"tasks"`
}

// Task is a task heading, or a sentence of the plan. Targets lists the
// indexes into Result.Targets of the targets it holds.
type Task struct {
	Title   string `json:"title"`
	Targets []int  `json:"targets,omitempty"`
}

// Target is one quantitative target found in the text.
type Target struct {
	Subject    string           `json:"subject"`
	Value      float64          `json:"value"`
	Unit       string           `json:"unit"`
	Comparator duban.Comparator `json:"comparator"`
	Deadline   *duban.Date      `json:"deadline"`
	Commitment duban.Commitment `json:"commitment"`
	// Quote is the clause holding the target as written, with the line
	// breaks that split it removed; Start and End are its offsets in runes
	// in the original input (End exclusive).
	Quote string   `json:"quote"`
	Path  []string `json:"path"`
	Start int      `json:"start"`
	End   int      `json:"end"`
	// Progress is what the text reports as done towards the target, when
	// a progress statement is attached to it (截至9月底已完成8所, a 进展情况
	// column); nil when it reports none.
	Progress *Progress `json:"progress,omitempty"`
}

// Progress is a reported state of a target: a number the text states as
// reached, not as committed.
type Progress struct {
	Value float64     `json:"value"`
	Unit  string      `json:"unit"`
	AsOf  *duban.Date `json:"as_of"` // 截至9月底; nil when not stated
	Quote string      `json:"quote"`
}

// Decision records why a number in the text was or was not taken.
type Decision struct {
	Text   string `json:"text"`  // the number and its unit as written
	Start  int    `json:"start"` // rune offsets in the original input
	End    int    `json:"end"`
	Taken  bool   `json:"taken"`
	Reason string `json:"reason"`
}

// Extract reads text as a plan. It never panics and never fails: text with
// nothing recognisable gives an empty outline.
func Extract(text string, opts Options) *Result {
	d := newDocument(text)
	blocks := d.blocks()
	found := yearFound{opts.Year, YearFromOption, ""}
	if opts.Year == 0 {
		found = inferYear(d, blocks)
	}
	b := newBuilder(d, found.year)
	b.res.Plan.YearFrom, b.res.Plan.YearEvidence = found.from, found.evidence
	for i := range blocks {
		b.add(&blocks[i])
	}
	return b.result()
}
