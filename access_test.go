package duban

import "testing"

func TestAccess(t *testing.T) {
	admin := &User{Role: RoleAdmin}
	sup := &User{Role: RoleSupervisor}
	lead := &User{Role: RoleReader}
	rep := &User{Role: RoleReporter, UnitCode: "zjj"}
	own, other := &Notice{UnitCode: "zjj"}, &Notice{UnitCode: "jyj"}
	tests := []struct {
		name string
		got  bool
		want bool
	}{
		{"public reads public plan", CanReadPlan(nil, &Plan{Public: true}), true},
		{"public cannot read private plan", CanReadPlan(nil, &Plan{}), false},
		{"reporter reads private plan", CanReadPlan(rep, &Plan{}), true},
		{"supervisor reviews", CanReview(sup), true},
		{"leader does not review", CanReview(lead), false},
		{"reporter does not review", CanReview(rep), false},
		{"public does not review", CanReview(nil), false},
		{"admin issues notices", CanIssueNotice(admin), true},
		{"reporter issues no notices", CanIssueNotice(rep), false},
		{"leader reads audit", CanReadAudit(lead), true},
		{"reporter does not read audit", CanReadAudit(rep), false},
		{"reporter uploads", CanUpload(rep), true},
		{"leader does not upload", CanUpload(lead), false},
		{"only admin administers", CanAdminister(sup), false},
		{"reporter signs own notice", CanActOnNotice(rep, own, ActSign), true},
		{"reporter cannot sign other unit's notice", CanActOnNotice(rep, other, ActSign), false},
		{"reporter cannot close", CanActOnNotice(rep, own, ActClose), false},
		{"supervisor escalates", CanActOnNotice(sup, other, ActEscalate), true},
		{"leader cannot reply", CanActOnNotice(lead, own, ActReply), false},
		{"unknown action", KnownNoticeAction("delete"), false},
		{"reporter sees own unit", SeesUnit(rep, "zjj"), true},
		{"reporter does not see other unit", SeesUnit(rep, "jyj"), false},
		{"leader sees every unit", SeesUnit(lead, "jyj"), true},
		{"public sees no unit", SeesUnit(nil, "jyj"), false},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%s: got %v, want %v", tt.name, tt.got, tt.want)
		}
	}
	if UnitScope(rep) != "zjj" || UnitScope(sup) != "" {
		t.Errorf("UnitScope: reporter %q, supervisor %q", UnitScope(rep), UnitScope(sup))
	}
}
