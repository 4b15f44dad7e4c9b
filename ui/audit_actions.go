package ui

import "fmt"

// auditKinds are the actions the audit log knows, by kind: the page's
// action filter offers each kind ("report.", every report action) and each
// action.
var auditKinds = []struct {
	name    string // the kind is name + "."; "other" has no kind
	actions []string
}{
	{"report", []string{"report.submit", "report.submit_batch", "report.approve", "report.return", "report.insert"}},
	{"notice", []string{"notice.issue", "notice.sign", "notice.reply", "notice.close", "notice.escalate"}},
	{"status", []string{"status.change", "status.refresh"}},
	{"plan", []string{"plan.import"}},
	{"user", []string{"user.create", "user.update"}},
	{"bulletin", []string{"bulletin.create"}},
	{"file", []string{"file.upload"}},
	{"webhook", []string{"webhook.create", "webhook.update"}},
	{"other", []string{"bulk_load"}},
}

type actionGroup struct {
	Label   string
	Options []actionOption
}

type actionOption struct {
	Value, Label string
	Selected     bool
}

// actionGroups are the options of the action filter with selected chosen;
// an action the list does not know is offered by its code.
func actionGroups(lang, selected string) []actionGroup {
	groups := make([]actionGroup, 0, len(auditKinds))
	known := selected == ""
	option := func(g *actionGroup, value, label string) {
		g.Options = append(g.Options, actionOption{value, label, value == selected})
		known = known || value == selected
	}
	for _, k := range auditKinds {
		g := actionGroup{Label: tr(lang, "log.kind."+k.name)}
		if k.name != "other" {
			option(&g, k.name+".", fmt.Sprintf(tr(lang, "log.kind_all"), g.Label))
		}
		for _, a := range k.actions {
			option(&g, a, orCode(lang, "audit."+a, a))
		}
		groups = append(groups, g)
	}
	if !known {
		option(&groups[len(groups)-1], selected, selected)
	}
	return groups
}
