package duban

// UnitKind is the level of a responsible unit (责任单位).
type UnitKind string

const (
	UnitGovernment UnitKind = "government" // 区委、区政府 (district, city …)
	UnitDepartment UnitKind = "department" // 委、局、办
	UnitStreet     UnitKind = "street"     // 街道、镇、乡
	UnitCommunity  UnitKind = "community"  // 社区、村
	UnitCompany    UnitKind = "company"    // 区属平台公司 etc.
)

var unitKindLabels = map[UnitKind]string{
	UnitGovernment: "政府", UnitDepartment: "部门", UnitStreet: "街道/镇",
	UnitCommunity: "社区/村", UnitCompany: "企业",
}

func (k UnitKind) Valid() bool   { _, ok := unitKindLabels[k]; return ok }
func (k UnitKind) Label() string { return unitKindLabels[k] }

// Unit is a responsible unit, in a tree.
type Unit struct {
	ID         int64    `json:"id"`
	Code       string   `json:"code"`
	Name       string   `json:"name"`
	ShortName  string   `json:"short_name,omitempty"`
	Kind       UnitKind `json:"kind"`
	ParentCode string   `json:"parent_code,omitempty"`
	Phone      string   `json:"phone,omitempty"`
	Address    string   `json:"address,omitempty"`
}

func (u *Unit) Validate() []FieldError {
	var errs []FieldError
	if !validCode(u.Code) {
		errs = append(errs, FieldError{Field: "id", Message: "必填，只能包含字母、数字、-、_、. (required; letters, digits, - _ . only)"})
	}
	if u.Name == "" {
		errs = append(errs, FieldError{Field: "name", Message: "必填 (required)"})
	}
	if !u.Kind.Valid() {
		errs = append(errs, FieldError{Field: "kind", Message: "未知单位类型 (want government, department, street, community or company)"})
	}
	return errs
}

// PersonRole is what a person is to the plan.
type PersonRole string

const (
	RoleLeader  PersonRole = "leader"  // 责任领导
	RoleContact PersonRole = "contact" // 联络员
)

func (r PersonRole) Valid() bool { return r == RoleLeader || r == RoleContact }

// Person is a leader or contact belonging to a unit.
type Person struct {
	ID       int64      `json:"id"`
	Code     string     `json:"code"`
	Name     string     `json:"name"`
	Title    string     `json:"title,omitempty"` // 职务
	UnitCode string     `json:"unit_code"`
	Role     PersonRole `json:"role"`
	Phone    string     `json:"phone,omitempty"`
	Email    string     `json:"email,omitempty"`
}

func (p *Person) Validate() []FieldError {
	var errs []FieldError
	if !validCode(p.Code) {
		errs = append(errs, FieldError{Field: "id", Message: "必填，只能包含字母、数字、-、_、. (required; letters, digits, - _ . only)"})
	}
	if p.Name == "" {
		errs = append(errs, FieldError{Field: "name", Message: "必填 (required)"})
	}
	if p.UnitCode == "" {
		errs = append(errs, FieldError{Field: "unit", Message: "必填 (required)"})
	}
	if !p.Role.Valid() {
		errs = append(errs, FieldError{Field: "role", Message: "未知角色 (want leader or contact)"})
	}
	return errs
}

// UnitLabel names a unit inside a Chinese message: its name in corner
// brackets, or its code set off by spaces when the name is unknown.
func UnitLabel(code, name string) string {
	if name != "" {
		return "「" + name + "」"
	}
	return " " + code + " "
}
