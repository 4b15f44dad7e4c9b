package demo

import "github.com/duban-dev/duban"

// Usernames of the fixed demo accounts.
const (
	AdminUsername      = "admin"
	SupervisorUsername = "duchashi"
	LeaderUsername     = "lingdao"
)

// Users returns the demo accounts for a plan: an administrator, the
// supervision office (督查室), a district leader, and one reporter for every
// unit that leads at least one node, in the order of b.Units. Passwords are
// left to the caller.
func Users(b *duban.Bundle) []duban.User {
	users := []duban.User{
		{Username: AdminUsername, DisplayName: "系统管理员", Role: duban.RoleAdmin},
		{Username: SupervisorUsername, DisplayName: "区委区政府督查室", Role: duban.RoleSupervisor},
		{Username: LeaderUsername, DisplayName: "区领导", Role: duban.RoleReader},
	}
	leads := map[string]bool{}
	for _, n := range b.Nodes {
		leads[n.LeadUnit] = true
	}
	for _, u := range b.Units {
		if !leads[u.Code] {
			continue
		}
		users = append(users, duban.User{
			Username:    ReporterUsername(u.Code),
			DisplayName: unitShortName(u) + "填报员",
			Role:        duban.RoleReporter,
			UnitCode:    u.Code,
		})
	}
	return users
}

// ReporterUsername is the demo reporter account of a unit: the unit code,
// prefixed with "u-" only where it would clash with a fixed account.
func ReporterUsername(unitCode string) string {
	switch unitCode {
	case AdminUsername, SupervisorUsername, LeaderUsername:
		return "u-" + unitCode
	}
	return unitCode
}

func unitShortName(u duban.Unit) string {
	if u.ShortName != "" {
		return u.ShortName
	}
	return u.Name
}
