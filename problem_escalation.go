package duban

// MaxProblemLevel is how many times a problem is escalated at most (the
// lead unit's leader, the district leader in charge, the district
// government's meeting); past it an overdue problem stays on every list as
// overdue.
const MaxProblemLevel = 3

// ProblemEscalationDays is the time a problem gets at its new level when it
// is escalated because its deadline passed.
const ProblemEscalationDays = 7

// ProblemEscalationNote is the text recorded with an automatic escalation.
const ProblemEscalationNote = "超过解决期限，自动升级 (deadline passed; escalated automatically)"

// EscalateOverdue raises a problem open past its deadline on today one
// level with a deadline ProblemEscalationDays from today. It reports
// false, changing nothing, when the problem is not overdue or already at
// MaxProblemLevel. The new deadline lies after today, so a second run on
// the same day finds nothing to do.
func (p *Problem) EscalateOverdue(today Date) bool {
	if !p.Overdue(today) || p.Level >= MaxProblemLevel {
		return false
	}
	return p.Apply(ProblemEscalate, ProblemStep{Deadline: today.AddDays(ProblemEscalationDays)}) == nil
}

// LevelLabel names how far a problem has been escalated.
func (p *Problem) LevelLabel() string {
	if p.Level <= 0 {
		return "未升级"
	}
	return []string{"", "一级升级", "二级升级", "三级升级"}[min(p.Level, MaxProblemLevel)]
}
