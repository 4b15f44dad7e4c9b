package forecast

import (
	"math"
	"testing"

	"github.com/duban-dev/duban"
)

func TestLinear(t *testing.T) {
	cases := []struct {
		name      string
		pts       []Point
		at        float64
		want      float64
		interval  bool
		ok        bool
		halfWidth float64 // 0: exact line
	}{
		{"one point", []Point{{1, 1}}, 5, 0, false, false, 0},
		{"same x", []Point{{1, 1}, {1, 2}}, 5, 0, false, false, 0},
		{"two points, no interval", []Point{{0, 0}, {10, 5}}, 20, 10, false, true, 0},
		{"exact line, no scatter to measure", []Point{{0, 1}, {1, 3}, {2, 5}, {3, 7}}, 10, 21, false, true, 0},
		// The line is y = 0.6 + 0.6x; residuals 0.4, −1.2, 1.2, −0.4 give
		// s = √(3.2/2); t(0.9, 2) = 1.886; at x0 = x̄ = 1.5 the half width is
		// 1.886·s·√(1 + 1/4).
		{"noisy", []Point{{0, 1}, {1, 0}, {2, 3}, {3, 2}}, 1.5, 1.5, true, true, 1.886 * math.Sqrt(1.6) * math.Sqrt(1.25)},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f, ok := Linear(c.pts, c.at)
			if ok != c.ok {
				t.Fatalf("ok = %v", ok)
			}
			if !ok {
				return
			}
			if math.Abs(f.Value-c.want) > 1e-9 || f.Interval != c.interval {
				t.Fatalf("value %v interval %v, want %v %v", f.Value, f.Interval, c.want, c.interval)
			}
			if math.Abs((f.High-f.Value)-c.halfWidth) > 1e-3 || math.Abs((f.Value-f.Low)-c.halfWidth) > 1e-3 {
				t.Fatalf("interval [%v, %v] around %v, want half width %v", f.Low, f.High, f.Value, c.halfWidth)
			}
		})
	}
}

func f64(v float64) *float64 { return &v }

func TestProjectWarnsBeforeTheYearEnd(t *testing.T) {
	d := duban.MustDate
	ind := duban.Indicator{ID: 7, Code: "lxq", Name: "老旧小区改造", Unit: "个", Baseline: f64(0), Target: f64(248),
		Comparator: duban.AtLeast, Direction: duban.Increase, Kind: duban.Cumulative, Cadence: duban.Monthly}
	start, end := d("2021-01-01"), d("2021-12-31")
	// 81 % of the linear pace: the year-end value is 0.81 × 248 ≈ 201.
	var obs []Observation
	for m := 1; m <= 6; m++ {
		e := duban.EndOfMonth(2021, timeMonth(m))
		obs = append(obs, Observation{e, 0.81 * 248 * float64(start.DaysUntil(e)+1) / 365})
	}
	r, ok := Project(Input{Indicator: ind, Start: start, Deadline: end, AsOf: d("2021-07-15"), Values: obs})
	if !ok {
		t.Fatal("no forecast")
	}
	if r.Warning != "以当前进度，预计年底完成 201/248个 (81%)" || !r.Short || !r.Miss || r.Points != 7 {
		t.Fatalf("%+v", r)
	}
	// Never below the latest value, even if the line bends down.
	flat := []Observation{{d("2021-01-31"), 100}, {d("2021-02-28"), 100}, {d("2021-03-31"), 100}}
	r, _ = Project(Input{Indicator: ind, Start: start, Deadline: end, AsOf: d("2021-04-15"), Values: flat})
	if r.Value < 100 || r.Low < 100 {
		t.Fatalf("forecast below the latest value: %+v", r)
	}
	level := ind
	level.Kind = duban.Level
	if _, ok := Project(Input{Indicator: level, Start: start, Deadline: end, AsOf: d("2021-07-15"), Values: obs}); ok {
		t.Fatal("a level indicator was forecast")
	}
	if _, ok := Project(Input{Indicator: ind, Start: start, Deadline: end, AsOf: d("2022-01-15"), Values: obs}); ok {
		t.Fatal("forecast after the deadline")
	}
}

// TestProjectFromAnAnchor: a project that spends 2 a month on 前期 until
// it begins building at the end of April, then 100 a month, is forecast
// from that day (≈ 8 + 8 × 100 = 808), where a line through the whole
// year lags far behind.
func TestProjectFromAnAnchor(t *testing.T) {
	d := duban.MustDate
	ind := duban.Indicator{ID: 9, Code: "tz", Name: "年度投资完成额", Unit: "万元", Baseline: f64(0), Target: f64(900),
		Comparator: duban.AtLeast, Direction: duban.Increase, Kind: duban.Cumulative, Cadence: duban.Monthly}
	start, end := d("2021-01-01"), d("2021-12-31")
	var obs []Observation
	v := 0.0
	for m := 1; m <= 7; m++ {
		if m <= 4 {
			v += 2
		} else {
			v += 100
		}
		obs = append(obs, Observation{duban.EndOfMonth(2021, timeMonth(m)), v})
	}
	whole, _ := Project(Input{Indicator: ind, Start: start, Deadline: end, AsOf: d("2021-08-10"), Values: obs})
	anchored, ok := Project(Input{Indicator: ind, Start: start, Deadline: end, AsOf: d("2021-08-10"), Values: obs, Anchor: &obs[3]})
	if !ok || anchored.Points != 4 || math.Abs(anchored.Value-808) > 15 || !anchored.Short {
		t.Fatalf("anchored at 开工: %+v", anchored)
	}
	if whole.Value > 700 {
		t.Fatalf("the whole-year line was expected to lag: %+v", whole)
	}
}

// A deadline in a later year is named with its year.
func TestDeadlineWord(t *testing.T) {
	d := duban.MustDate
	for _, c := range []struct {
		deadline, asOf, want string
	}{
		{"2021-12-31", "2021-07-15", "年底"},
		{"2023-12-31", "2021-07-15", "2023年底"},
		{"2022-06-30", "2021-07-15", "2022-06-30前"},
	} {
		if got := deadlineWord(Input{Deadline: d(c.deadline), AsOf: d(c.asOf)}); got != c.want {
			t.Errorf("%s as of %s: %q, want %q", c.deadline, c.asOf, got, c.want)
		}
	}
}

// Fewer than four points, or four on one line, give a forecast but no
// interval; four with scatter give one.
func TestNoIntervalWithoutScatter(t *testing.T) {
	for _, pts := range [][]Point{{{0, 0}, {90, 1.2}, {181, 1.9}}, {{0, 0}, {90, 1}, {180, 2}, {270, 3}}} {
		f, ok := Linear(pts, 1095)
		if !ok || f.Interval || f.Low != f.Value || f.High != f.Value {
			t.Fatalf("%v: %+v", pts, f)
		}
	}
	f, _ := Linear([]Point{{0, 0}, {90, 1.2}, {181, 1.9}, {273, 3.2}}, 1095)
	if !f.Interval || f.High-f.Low < 1 {
		t.Fatalf("with scatter: %+v", f)
	}
}
