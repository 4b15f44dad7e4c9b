package duban

import "time"

// Role is what a signed-in user may do.
type Role string

const (
	RoleAdmin      Role = "admin"      // everything
	RoleSupervisor Role = "supervisor" // 督查室: review, notices, report for any unit
	RoleReader     Role = "leader"     // 区领导: read all
	RoleReporter   Role = "reporter"   // 责任单位: write only its own unit's items
	RolePublic     Role = "public"     // not signed in: public plans only
)

func (r Role) Valid() bool {
	return r == RoleAdmin || r == RoleSupervisor || r == RoleReader || r == RoleReporter
}

// User is an account that signs in.
type User struct {
	ID           int64     `json:"id"`
	Username     string    `json:"username"`
	DisplayName  string    `json:"display_name"`
	Role         Role      `json:"role"`
	UnitCode     string    `json:"unit_code,omitempty"` // reporters
	PasswordHash string    `json:"-"`
	CreatedAt    time.Time `json:"created_at"`
	// Disabled accounts cannot sign in; disabling one ends its sessions.
	// Accounts are never deleted: the audit log names them.
	Disabled bool `json:"disabled"`
}

// UserPatch changes an account; nil fields stay as they are.
type UserPatch struct {
	DisplayName  *string
	Role         *Role
	UnitCode     *string
	PasswordHash *string // a new password, hashed; ends the account's sessions
	Disabled     *bool
}

// Apply returns u with the patch applied. A role other than reporter
// leaves the account without a unit.
func (p UserPatch) Apply(u User) User {
	setIf(&u.DisplayName, p.DisplayName)
	setIf(&u.Role, p.Role)
	setIf(&u.UnitCode, p.UnitCode)
	setIf(&u.PasswordHash, p.PasswordHash)
	setIf(&u.Disabled, p.Disabled)
	if u.Role != RoleReporter {
		u.UnitCode = ""
	}
	return u
}

func setIf[T any](dst *T, v *T) {
	if v != nil {
		*dst = *v
	}
}

func (u *User) Validate() []FieldError {
	var errs []FieldError
	if !validCode(u.Username) {
		errs = append(errs, FieldError{Field: "username", Message: "必填，只能包含字母、数字、-、_、. (required; letters, digits, - _ . only)"})
	}
	if !u.Role.Valid() {
		errs = append(errs, FieldError{Field: "role", Message: "未知角色 (want admin, supervisor, leader or reporter)"})
	}
	if u.Role == RoleReporter && u.UnitCode == "" {
		errs = append(errs, FieldError{Field: "unit", Message: "填报用户须属于一个单位 (a reporter needs a unit)"})
	}
	return errs
}
