package demo

import (
	"fmt"
	"math/rand/v2"

	"github.com/duban-dev/duban"
)

// ProblemSeed is a simulated problem: raised by the project's lead unit on
// RaisedOn, then moved by the supervision office.
type ProblemSeed struct {
	NodeCode string
	Input    duban.ProblemInput // NodeID is left to the caller
	RaisedOn duban.Date
	Then     []ProblemMove
}

// ProblemMove is one later step of a simulated problem.
type ProblemMove struct {
	Action duban.ProblemAction
	Step   duban.ProblemStep
}

var problemTexts = map[duban.ProblemCategory][]string{
	"land":       {"建设用地指标尚未落实，影响%s开工", "地块规划条件未明确，%s无法办理用地手续"},
	"approvals":  {"%s施工许可审批材料需多部门会审", "%s环评批复等待市级审查"},
	"demolition": {"%s红线内仍有%d户未签约，征迁滞后", "%s地上附着物清点存在争议"},
	"funds":      {"%s专项债资金到位不足，年度投资缺口约%d万元", "%s融资方案未获批，资金链紧张"},
	"utilities":  {"%s施工用电接入排期较晚", "%s雨污管网接驳需协调市政部门"},
	"planning":   {"%s规划方案调整需报区规委会审议"},
}

var problemHelpers = map[duban.ProblemCategory]string{
	"land": "zrzy", "approvals": "spj", "demolition": "zjj", "funds": "czj", "utilities": "cgj", "planning": "zrzy",
}

// Problems simulates the open problem ledger at asOf: about one project in
// eight has raised one in the last six weeks; some are assigned, answered
// or solved, and some are past their deadline.
func Problems(b *duban.Bundle, asOf duban.Date, seed int64) []ProblemSeed {
	r := rand.New(rand.NewPCG(uint64(seed), 16))
	var out []ProblemSeed
	for i := range b.Nodes {
		n := &b.Nodes[i]
		if n.Kind != duban.KindProject || n.Project == nil || n.LeadUnit == "" || r.IntN(8) != 0 {
			continue
		}
		out = append(out, problemFor(r, n, asOf))
	}
	return out
}

func problemFor(r *rand.Rand, n *duban.Node, asOf duban.Date) ProblemSeed {
	cats := []duban.ProblemCategory{"funds", "utilities"}
	if n.Project.Stage.Rank() < duban.StageStarted.Rank() {
		cats = []duban.ProblemCategory{"land", "approvals", "demolition", "planning"}
	}
	cat := cats[r.IntN(len(cats))]
	texts := problemTexts[cat]
	title := fmt.Sprintf(texts[r.IntN(len(texts))], n.Title, 5+r.IntN(60))
	raised := asOf.AddDays(-3 - r.IntN(40))
	due := raised.AddDays(10 + r.IntN(30))
	s := ProblemSeed{NodeCode: n.Code, RaisedOn: raised, Input: duban.ProblemInput{Category: cat,
		Title: trimArgs(title), Detail: "模拟数据：演示用问题", NeedsUnit: problemHelpers[cat], NeedsLeader: n.Leader, Deadline: due}}
	switch x := r.Float64(); {
	case x < 0.35:
	case x < 0.65:
		s.Then = []ProblemMove{{duban.ProblemAssign, duban.ProblemStep{}}}
	case x < 0.82:
		s.Then = []ProblemMove{{duban.ProblemAssign, duban.ProblemStep{}}, {duban.ProblemAnswer, duban.ProblemStep{Text: "已对接，正在办理，预计两周内解决。"}}}
	default:
		s.Then = []ProblemMove{{duban.ProblemAssign, duban.ProblemStep{}}, {duban.ProblemAnswer, duban.ProblemStep{Text: "已解决。"}},
			{duban.ProblemClose, duban.ProblemStep{}}}
	}
	return s
}

// trimArgs drops a "%!(EXTRA …)" left by a text without a number.
func trimArgs(s string) string {
	for i := 0; i+2 < len(s); i++ {
		if s[i:i+3] == "%!(" {
			return s[:i]
		}
	}
	return s
}
