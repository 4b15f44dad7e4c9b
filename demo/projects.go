package demo

import (
	"fmt"
	"hash/fnv"
	"math"
	"math/rand/v2"
	"slices"
	"strconv"

	"github.com/duban-dev/duban"
)

// The demo's major projects (重大项目). The plan names 25 projects; the
// district's list of 270 is not public, so AddProjects generates the rest,
// each tagged 模拟数据 and described as simulated, and gives every project
// an investment indicator. All dates, sums, stages and coordinates of the
// generated projects are simulated.

// StatedProjects is the number of major projects the plan's text names
// (加快推进270个重大项目).
const StatedProjects = 270

// ProjectParent is the node the generated projects are filed under.
const ProjectParent = "a1-9"

// SimulatedTag marks generated projects and their data.
const SimulatedTag = "模拟数据"

// InvestmentCode is the code of a project's investment indicator.
func InvestmentCode(nodeCode string) string { return nodeCode + "-tz" }

// AddProjects gives every project of the plan an investment indicator and
// generates projects under ProjectParent until the plan holds total. The
// same seed gives the same projects.
func AddProjects(b *duban.Bundle, total int, seed int64) {
	at := slices.IndexFunc(b.Nodes, func(n duban.Node) bool { return n.Code == ProjectParent })
	if at < 0 {
		return
	}
	have := 0
	for _, n := range b.Nodes {
		if n.Kind == duban.KindProject {
			have++
		}
	}
	r := rand.New(rand.NewPCG(uint64(seed), 270))
	var gen []duban.Node
	titles := map[string]bool{}
	for i := 1; have+len(gen) < total; i++ {
		gen = append(gen, generatedProject(r, i, &b.Nodes[at], titles))
	}
	b.Nodes = slices.Insert(b.Nodes, at+1, gen...)
	for i := range b.Nodes {
		if n := &b.Nodes[i]; n.Kind == duban.KindProject && n.Project != nil {
			y := yearOf(b, n, seed)
			b.Indicators = append(b.Indicators, investmentIndicator(n, y.milestones(n.Project.YearInvestment, duban.CompletionStage(pipelineOf(b, n)))))
		}
	}
	planProjectCount(b)
}

// investmentIndicator is the project's year's investment, reported monthly
// and judged against its investment plan (milestones).
func investmentIndicator(n *duban.Node, plan []duban.Milestone) duban.Indicator {
	zero, target := 0.0, n.Project.YearInvestment
	return duban.Indicator{Code: InvestmentCode(n.Code), NodeCode: n.Code, Name: "年度投资完成额", Unit: duban.InvestmentUnit,
		Baseline: &zero, Target: &target, Comparator: duban.AtLeast, Direction: duban.Increase,
		Kind: duban.Cumulative, Cadence: duban.Monthly, Milestones: plan}
}

var (
	projectPlaces = []string{"马寨", "侯寨", "嵩山路", "大学路", "航海路", "长江路", "京广路", "陇海路", "二七广场", "德化街",
		"建中街", "五里堡", "人和路", "福华街", "蜜蜂张", "淮河路", "解放路", "铭功路", "齐礼阎", "樱桃沟", "南三环", "华南城", "尖岗", "贾鲁河"}
	projectKinds = []struct {
		name string
		unit string
	}{
		{"城中村改造项目", "zjj"}, {"安置房建设项目", "zjj"}, {"道路提升工程", "jtj"}, {"智慧产业园", "gxj"},
		{"商业综合体", "swj"}, {"学校新建项目", "jyj"}, {"社区卫生服务中心", "wjw"}, {"污水管网改造工程", "cgj"},
		{"公园绿地建设项目", "cgj"}, {"老旧小区改造片区", "zjj"}, {"现代物流园", "swj"}, {"数字经济产业园", "kjj"},
		{"科创中心", "kjj"}, {"停车场建设项目", "cgj"}, {"文化街区", "wglj"}, {"康养中心", "mzj"},
	}
	projectLeaders = []string{"l-cw", "l-cj", "l-ny", "l-sh", "l-kj"}
)

func generatedProject(r *rand.Rand, i int, parent *duban.Node, titles map[string]bool) duban.Node {
	kind := projectKinds[r.IntN(len(projectKinds))]
	place := projectPlaces[r.IntN(len(projectPlaces))]
	title := place + kind.name
	for phase := 2; titles[title]; phase++ {
		title = place + kind.name + "（" + strconv.Itoa(phase) + "期）"
	}
	titles[title] = true
	mech, stage := "sdsw", drawStage(r, false)
	if kind.unit == "swj" || kind.unit == "kjj" || r.IntN(8) == 0 {
		mech, stage = "swyt", drawStage(r, true)
	}
	total := math.Round((5000+r.Float64()*r.Float64()*295000)/100) * 100
	year := math.Round(total*(0.12+0.3*r.Float64())/100) * 100
	if stage == duban.StagePlanning {
		year = math.Round(year/3/100) * 100
	}
	lat := 34.625 + 0.13*r.Float64()
	lng := 113.565 + 0.115*r.Float64()
	code := fmt.Sprintf("p-g%03d", i)
	return duban.Node{
		Code: code, ParentCode: parent.Code, Kind: duban.KindProject, Title: title, Order: i,
		Description: "模拟数据：演示用生成的重大项目，名称、投资、阶段、坐标均为模拟 (simulated project)",
		LeadUnit:    kind.unit, Leader: projectLeaders[r.IntN(len(projectLeaders))],
		Start: parent.Start, Deadline: parent.Deadline, Tags: []string{SimulatedTag, "重大项目"}, Mechanisms: []string{mech},
		Project: &duban.Project{TotalInvestment: total, YearInvestment: year, Stage: stage,
			Address: "二七区" + place + "一带（模拟）", Lat: round4(lat), Lng: round4(lng)},
	}
}

func round4(v float64) *float64 { v = math.Round(v*1e4) / 1e4; return &v }

// drawStage draws the stage at the start of the year: most projects are
// under construction (续建), some just broken ground, signed or being
// prepared (新开工 this year); none is complete yet, since the year's
// investment is still ahead of it. An investment promotion (招商) project
// has no 在建 or 竣工 stage.
func drawStage(r *rand.Rand, promotion bool) duban.ProjectStage {
	x := r.Float64()
	if promotion {
		switch {
		case x < 0.3:
			return duban.StagePlanning
		case x < 0.7:
			return duban.StageSigned
		}
		return duban.StageStarted
	}
	switch {
	case x < 0.1:
		return duban.StagePlanning
	case x < 0.3:
		return duban.StageSigned
	case x < 0.45:
		return duban.StageStarted
	}
	return duban.StageBuilding
}

// projectRand is seeded by the seed and the project's code.
func projectRand(seed int64, code string) *rand.Rand {
	h := fnv.New64a()
	h.Write([]byte("project/" + code))
	return rand.New(rand.NewPCG(uint64(seed), h.Sum64()))
}
