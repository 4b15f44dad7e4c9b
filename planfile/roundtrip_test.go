package planfile

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/duban-dev/duban"
)

var update = flag.Bool("update", false, "rewrite golden files in testdata/")

func ptr(v float64) *float64 { return &v }

// richBundle uses every field of the format, with strings YAML would misread
// unquoted.
func richBundle() *duban.Bundle {
	return &duban.Bundle{
		Plan: duban.Plan{
			Code: "erqi-2021", Title: "二七区2021年重点工作计划", Issuer: "中共郑州市二七区委 郑州市二七区人民政府",
			Year: 2021, PeriodStart: duban.MustDate("2021-01-01"), PeriodEnd: duban.MustDate("2021-12-31"),
			Framework: []string{"一个目标", "两个定位", "三个二七, 六个出彩"}, Public: true, Profile: "gap",
			Description: "第一行\n  缩进的第二行\n",
			Bulletin:    &duban.BulletinSchedule{Cadence: duban.Monthly, Day: 5, Prefix: "二七督", Issuer: "二七区委督查室"},
		},
		Units: []duban.Unit{
			{Code: "erqi", Name: "二七区人民政府", ShortName: "区政府", Kind: duban.UnitGovernment},
			{Code: "fgw", Name: "二七区发展和改革委员会", ShortName: "发改委", Kind: duban.UnitDepartment,
				ParentCode: "erqi", Phone: "0371-68123456", Address: "郑州市二七区兴华南街"},
			{Code: "tjj", Name: "统计局", Kind: duban.UnitDepartment, ParentCode: "erqi", Phone: "12345"},
		},
		People: []duban.Person{
			{Code: "leader-econ", Name: "张三", Title: "副区长", UnitCode: "erqi", Role: duban.RoleLeader,
				Phone: "13800000000", Email: "zhang@example.org"},
		},
		Mechanisms: []duban.Mechanism{
			{Code: "sandingsitui", Name: "三定四推五落实", Description: "定领导: 定单位", Roles: []string{"责任领导", "牵头单位"},
				Cadence: duban.Weekly, Checklist: []string{"进度", "- 问题"}, Stages: []string{"洽谈", "签约"}},
		},
		Nodes: []duban.Node{
			{Code: "goal", Kind: duban.KindGoal, Title: "建设现代化国际化生态化新城区", Description: "true",
				LeadUnit: "fgw", CoUnits: []string{"tjj", "erqi"}, Leader: "leader-econ",
				Start: duban.MustDate("2021-01-01"), Deadline: duban.MustDate("2021-12-31"),
				Commitment: duban.Firm, Weight: 2.5, SourceQuote: "# 原文: 经济增长7.5%以上", Tags: []string{"经济", "yes"},
				Mechanisms: []string{"sandingsitui"},
				Project: &duban.Project{TotalInvestment: 120000, YearInvestment: 30000.5, CompletedInvestment: 1,
					Stage: duban.StageBuilding, Address: "[西南]", Lat: ptr(34.72), Lng: ptr(0)}},
			{Code: "A1", ParentCode: "goal", Kind: duban.KindArea, Title: "主导产业升级", Order: 0, Commitment: duban.Aspirational},
			{Code: "A1-1", ParentCode: "A1", Kind: duban.KindItem, Title: "小微企业园", Order: 0, Project: &duban.Project{}},
			{Code: "A2", ParentCode: "goal", Kind: duban.KindArea, Title: "城市品质提升", Order: 1},
		},
		Indicators: []duban.Indicator{
			{NodeCode: "goal", Code: "gdp", Name: "地区生产总值增速", Unit: "%", Baseline: ptr(2.3), Target: ptr(7.5),
				Comparator: duban.AtLeast, Direction: duban.Increase, Kind: duban.Level, Cadence: duban.Quarterly,
				Milestones: []duban.Milestone{
					{Date: duban.MustDate("2021-06-30"), Value: ptr(3.5), Description: "上半年"},
					{Date: duban.MustDate("2021-09-30"), Value: ptr(0)},
					{Date: duban.MustDate("2021-12-31"), Description: "全年: 7.5"},
				}},
			{NodeCode: "goal", Code: "air", Name: "优良天数", Unit: "天", Baseline: ptr(0), Target: ptr(250),
				Comparator: duban.About, Tolerance: 0.25, Direction: duban.Increase, Kind: duban.Cumulative, Cadence: duban.Monthly},
			{NodeCode: "A1-1", Code: "A1-1", Name: "新启动建设小微企业园", Unit: "个", Target: ptr(10),
				Comparator: duban.Equal, Direction: duban.Increase, Kind: duban.Cumulative, Cadence: duban.Weekly},
			{NodeCode: "A2", Code: "A2", Name: "空气质量", Kind: duban.MilestoneOnly, Comparator: duban.AtMost,
				Direction: duban.Keep, Cadence: duban.Monthly,
				Milestones: []duban.Milestone{{Date: duban.MustDate("2021-12-31"), Description: "全市前列"}}},
		},
	}
}

func encode(t *testing.T, b *duban.Bundle) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := Encode(&buf, b); err != nil {
		t.Fatalf("Encode: %v", err)
	}
	return buf.Bytes()
}

func decode(t *testing.T, name string, data []byte) *duban.Bundle {
	t.Helper()
	b, err := Decode(name, bytes.NewReader(data))
	if err != nil {
		t.Fatalf("Decode:\n%v", err)
	}
	return b
}

func TestRichBundleRoundTrip(t *testing.T) {
	want := richBundle()
	if err := want.Validate(); err != nil {
		t.Fatalf("the test bundle itself is invalid: %v", err)
	}
	first := encode(t, want)
	got := decode(t, "rich.yaml", first)
	if !reflect.DeepEqual(got, want) {
		t.Errorf("decoded bundle differs from the encoded one\n got: %+v\nwant: %+v\nfile:\n%s", got, want, first)
	}
	if second := encode(t, got); !bytes.Equal(first, second) {
		t.Errorf("encode → decode → encode not byte-identical:\n%s\n---\n%s", first, second)
	}
}

// TestGoldenFilesAreCanonical decodes each testdata/*.yaml and encodes it
// again: the result must be the file itself. -update rewrites them.
func TestGoldenFilesAreCanonical(t *testing.T) {
	paths, _ := filepath.Glob("testdata/*.yaml")
	if len(paths) == 0 {
		t.Fatal("no testdata/*.yaml")
	}
	for _, path := range paths {
		t.Run(filepath.Base(path), func(t *testing.T) {
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			out := encode(t, decode(t, filepath.Base(path), data))
			if *update {
				if err := os.WriteFile(path, out, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			if !bytes.Equal(out, data) {
				t.Errorf("%s is not canonical; encoded it reads:\n%s", path, out)
			}
			if again := encode(t, decode(t, path, out)); !bytes.Equal(again, out) {
				t.Errorf("second round trip differs")
			}
		})
	}
}

// TestHandwrittenShortForm decodes a file relying on every default and
// shorthand and compares its canonical form with a golden file.
func TestHandwrittenShortForm(t *testing.T) {
	data, err := os.ReadFile("testdata/handwritten/short.yml")
	if err != nil {
		t.Fatal(err)
	}
	out := encode(t, decode(t, "short.yml", data))
	golden := "testdata/handwritten/short.golden"
	if *update {
		if err := os.WriteFile(golden, out, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(out, want) {
		t.Errorf("canonical form differs from %s:\n%s", golden, out)
	}
	if again := encode(t, decode(t, golden, out)); !bytes.Equal(again, out) {
		t.Errorf("canonical form of the short file is not stable")
	}
}

func TestEncodeStartsWithHeader(t *testing.T) {
	out := string(encode(t, richBundle()))
	if !strings.HasPrefix(out, header+"format: "+Format+"\nplan:\n  id: erqi-2021\n") {
		t.Errorf("unexpected start:\n%s", out[:min(len(out), 200)])
	}
}
