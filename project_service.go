package duban

import "context"

// ProjectService stores what runs the major projects beyond reports: the
// dated steps of each project, the problem ledger and the decisions of
// dispatch meetings. Every write is audited in its transaction.
type ProjectService interface {
	// FindNode returns a node with its plan id, ENOTFOUND if there is none.
	FindNode(ctx context.Context, id int64) (*Node, error)
	// ProjectSteps returns the steps of every project of the plan by node id,
	// in position order.
	ProjectSteps(ctx context.Context, planID int64) (map[int64][]ProjectStep, error)
	// SaveProjectSteps sets steps of one project node, all or nothing.
	SaveProjectSteps(ctx context.Context, actor *User, nodeID int64, ins []ProjectStepInput) ([]ProjectStep, error)
	// ImportProjectSteps applies step dates of many projects (by node code)
	// in one transaction and counts the projects that changed; dryRun
	// writes nothing.
	ImportProjectSteps(ctx context.Context, actor *User, planID int64, byCode map[string][]ProjectStepInput, dryRun bool) (int, error)
	// PrepSteps is the plan's list of 前期手续 (DefaultPrepSteps when unset).
	PrepSteps(ctx context.Context, planID int64) ([]string, error)
	SetPrepSteps(ctx context.Context, actor *User, planID int64, names []string) error

	CreateProblem(ctx context.Context, actor *User, in ProblemInput, today Date) (*Problem, error)
	ApplyProblem(ctx context.Context, actor *User, id int64, act ProblemAction, s ProblemStep) (*Problem, error)
	FindProblem(ctx context.Context, id int64) (*Problem, error)
	ListProblems(ctx context.Context, f ProblemFilter) ([]Problem, int, error)

	CreateDecision(ctx context.Context, actor *User, planID int64, in DecisionInput) (*Decision, error)
	CompleteDecision(ctx context.Context, actor *User, id int64, result string) (*Decision, error)
	ListDecisions(ctx context.Context, f DecisionFilter) ([]Decision, int, error)
}
