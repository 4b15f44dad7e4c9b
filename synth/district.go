package synth

import (
	"fmt"
	"math/rand/v2"
	"time"

	"github.com/duban-dev/duban"
)

var areaTitles = [AreasPerPlan]string{
	"经济高质量发展", "城市建设管理", "民生保障改善", "生态环境保护", "社会治理创新", "深化改革开放",
}

var unitNames = [UnitsPerDistrict]string{
	"发展和改革委员会", "财政局", "教育局", "住房和城乡建设局", "生态环境局",
	"卫生健康委员会", "民政局", "城市管理局", "商务局", "自然资源局",
}

// created is the fixed creation time of every synthetic record.
var created = time.Date(Year, 1, 5, 1, 0, 0, 0, time.UTC)

// district builds district d's records except reports and statuses.
type district struct {
	c      Config
	d      int
	region Region
	rng    *rand.Rand
	part   *duban.DatasetPart
}

func newDistrict(c Config, d int) *district {
	return &district{c: c, d: d, region: RegionOf(d), rng: rand.New(rand.NewPCG(c.Seed, uint64(d))),
		part: &duban.DatasetPart{}}
}

func (x *district) units() {
	for u := 0; u < UnitsPerDistrict; u++ {
		code := UnitCode(x.d, u)
		x.part.Units = append(x.part.Units, duban.Unit{ID: UnitID(x.d, u), Code: code,
			Name: x.region.District + unitNames[u], ShortName: unitNames[u], Kind: duban.UnitDepartment})
		x.part.People = append(x.part.People, duban.Person{ID: UnitID(x.d, u), Code: code + "-p",
			Name: fmt.Sprintf("联络员%02d", u+1), Title: "联络员", UnitCode: code, Role: duban.RoleContact})
	}
}

func (x *district) plan() {
	x.part.Plans = append(x.part.Plans, duban.Plan{ID: PlanID(x.d), Code: PlanCode(x.d),
		Title: x.region.Name() + "2021年重点工作任务", Issuer: x.region.District + "人民政府", Year: Year,
		PeriodStart: duban.NewDate(Year, 1, 1), PeriodEnd: duban.NewDate(Year, 12, 31),
		RegionCode: x.region.Code, RegionName: x.region.Name(), Province: x.region.Province,
		CreatedAt: created, UpdatedAt: created})
}

// tree writes areas and tasks in pre-order: each area followed by its block
// of tasks; then the indicators, five to a task.
func (x *district) tree() {
	tasks := x.c.Tasks()
	planID, j := PlanID(x.d), 0
	for a := 0; a < AreasPerPlan; a++ {
		areaCode := fmt.Sprintf("A%d", a+1)
		x.part.Nodes = append(x.part.Nodes, duban.Node{ID: x.c.NodeID(x.d, j), PlanID: planID, Code: areaCode,
			Kind: duban.KindArea, Title: areaTitles[a], Order: a + 1, UpdatedAt: created})
		j++
		for t := a * tasks / AreasPerPlan; t < (a+1)*tasks/AreasPerPlan; t++ {
			x.part.Nodes = append(x.part.Nodes, x.task(t, j, areaCode))
			j++
		}
	}
	for i := 0; i < x.c.Items; i++ {
		x.part.Indicators = append(x.part.Indicators, x.indicator(i))
	}
}

func (x *district) task(t, j int, area string) duban.Node {
	deadline := duban.NewDate(Year, 12, 31)
	if t%10 == 3 {
		deadline = duban.NewDate(Year, 6, 30)
	}
	unit := UnitCode(x.d, TaskUnit(t))
	return duban.Node{ID: x.c.NodeID(x.d, j), PlanID: PlanID(x.d), Code: taskCode(t), ParentCode: area,
		Kind: duban.KindTask, Title: fmt.Sprintf("%s重点任务%d", x.region.District, t+1), Order: t + 1,
		LeadUnit: unit, Leader: unit + "-p", Start: duban.NewDate(Year, 1, 1), Deadline: deadline,
		Commitment: duban.Firm, UpdatedAt: created}
}

func taskCode(t int) string { return fmt.Sprintf("T%04d", t+1) }

func (x *district) indicator(i int) duban.Indicator {
	target := float64(10 + x.rng.IntN(990))
	zero, half := 0.0, target/2
	return duban.Indicator{ID: x.c.IndicatorID(x.d, i), PlanID: PlanID(x.d),
		NodeID: x.c.NodeID(x.d, x.taskPos(i/IndicatorsPerTask)), NodeCode: taskCode(i / IndicatorsPerTask),
		Code: fmt.Sprintf("I%04d", i+1), Name: fmt.Sprintf("指标%d", i+1), Unit: "个",
		Baseline: &zero, Target: &target, Comparator: duban.AtLeast, Direction: duban.Increase,
		Kind: duban.Cumulative, Cadence: duban.Monthly,
		Milestones: []duban.Milestone{{Date: duban.NewDate(Year, 6, 30), Value: &half, Description: "完成年度目标的一半"}}}
}

// taskPos is the pre-order position of task t: after its own area and the
// areas before it.
func (x *district) taskPos(t int) int {
	tasks := x.c.Tasks()
	for a := 0; a < AreasPerPlan; a++ {
		if t < (a+1)*tasks/AreasPerPlan {
			return t + a + 1
		}
	}
	return t + AreasPerPlan
}

func (x *district) users(hash string) {
	for u := 0; u < UnitsPerDistrict; u++ {
		x.part.Users = append(x.part.Users, duban.User{ID: UserID(x.d, u), Username: UnitCode(x.d, u),
			DisplayName: x.part.Units[u].Name, Role: duban.RoleReporter, UnitCode: UnitCode(x.d, u),
			PasswordHash: hash, CreatedAt: created})
	}
}

// GlobalUserList are the national accounts, written with the first district.
func GlobalUserList(hash string) []duban.User {
	return []duban.User{
		{ID: 1, Username: AdminUsername, DisplayName: "系统管理员", Role: duban.RoleAdmin, PasswordHash: hash, CreatedAt: created},
		{ID: 2, Username: SupervisorUsername, DisplayName: "督查室", Role: duban.RoleSupervisor, PasswordHash: hash, CreatedAt: created},
		{ID: 3, Username: LeaderUsername, DisplayName: "领导", Role: duban.RoleReader, PasswordHash: hash, CreatedAt: created},
	}
}
