package duban

// Who may do what. The JSON API and the HTML pages both ask these
// functions, so a rule is written once. A nil user is the public.

// CanReadPlan reports whether the user may read the plan: every signed-in
// role reads every plan; the public reads public plans only.
func CanReadPlan(u *User, p *Plan) bool { return u != nil || p.Public }

// CanReview reports whether the user may approve or return reports.
func CanReview(u *User) bool { return hasRole(u, RoleAdmin, RoleSupervisor) }

// CanIssueNotice reports whether the user may issue notices or run the
// notice rules.
func CanIssueNotice(u *User) bool { return hasRole(u, RoleAdmin, RoleSupervisor) }

// CanIssueBulletin reports whether the user may issue a bulletin (通报).
func CanIssueBulletin(u *User) bool { return hasRole(u, RoleAdmin, RoleSupervisor) }

// CanReadAudit reports whether the user may read the audit log.
func CanReadAudit(u *User) bool { return hasRole(u, RoleAdmin, RoleSupervisor, RoleReader) }

// CanReportForUnit reports whether the user may fill in a unit's reports
// (its template, its uploads): administrators and supervisors for any
// unit, a reporter for its own.
func CanReportForUnit(u *User, unitCode string) bool {
	return hasRole(u, RoleAdmin, RoleSupervisor) || (hasRole(u, RoleReporter) && u.UnitCode != "" && u.UnitCode == unitCode)
}

// CanReadRollup reports whether the user may read rollups across plans
// (by province or area): leaders, supervisors and administrators.
func CanReadRollup(u *User) bool { return hasRole(u, RoleAdmin, RoleSupervisor, RoleReader) }

// CanAdminister reports whether the user may manage users and import plans.
func CanAdminister(u *User) bool { return hasRole(u, RoleAdmin) }

// noticeActors says who may take each step: the addressed unit signs for
// and replies; supervisors close and escalate.
var noticeActors = map[NoticeAction][]Role{
	ActSign:     {RoleReporter, RoleAdmin, RoleSupervisor},
	ActReply:    {RoleReporter, RoleAdmin, RoleSupervisor},
	ActClose:    {RoleAdmin, RoleSupervisor},
	ActEscalate: {RoleAdmin, RoleSupervisor},
}

// KnownNoticeAction reports whether act is a lifecycle step.
func KnownNoticeAction(act NoticeAction) bool { _, ok := noticeActors[act]; return ok }

// CanActOnNotice reports whether the user's role may take the step on the
// notice; a reporter acts only on its own unit's notices.
func CanActOnNotice(u *User, n *Notice, act NoticeAction) bool {
	return hasRole(u, noticeActors[act]...) && SeesUnit(u, n.UnitCode)
}

// SeesUnit reports whether the user may see a unit's reports and notices:
// a reporter sees only its own unit, other roles see every unit.
func SeesUnit(u *User, unitCode string) bool {
	return u != nil && (u.Role != RoleReporter || u.UnitCode == unitCode)
}

// UnitScope is the unit a listing of reports or notices must be narrowed
// to for the user ("" for every unit).
func UnitScope(u *User) string {
	if u != nil && u.Role == RoleReporter {
		return u.UnitCode
	}
	return ""
}

func hasRole(u *User, roles ...Role) bool {
	if u == nil {
		return false
	}
	for _, r := range roles {
		if u.Role == r {
			return true
		}
	}
	return false
}
