// Package forecast projects where a cumulative indicator will stand at its
// deadline from its approved reports. It is pure: inputs in, numbers out.
//
// Method: an ordinary least-squares line y = a + b·x through the
// indicator's baseline at its start (x = 0), or a given anchor such as the
// last value before a project's 开工, and each approved cumulative value
// at the end of its period (x = days since the start), evaluated at
// the deadline. The interval is the 80 % prediction interval of that line,
// ŷ ± t(0.90, n−2) · s · √(1 + 1/n + (x₀ − x̄)² / Sxx), with s the residual
// standard error. A cumulative value never falls, so the forecast is never
// below the latest reported value, and it is never negative.
package forecast

import "math"

// Method and MethodEN name the method in words, for pages and documents.
const (
	Method   = "最小二乘线性拟合（起点为基数，项目自开工起），80% 预测区间"
	MethodEN = "least-squares line through the baseline (a project's from its 开工) and the approved values, 80% prediction interval"
)

// Point is a value at a day index (days since the start).
type Point struct {
	X, Y float64
}

// Fit is a line fitted to points and its prediction at one x.
type Fit struct {
	N         int     `json:"n"` // points used
	Slope     float64 `json:"slope"`
	Intercept float64 `json:"intercept"`
	At        float64 `json:"at"`
	Value     float64 `json:"value"`
	Low       float64 `json:"low"`
	High      float64 `json:"high"`
	Interval  bool    `json:"interval"` // false with too few points for one, or a perfect fit (Low = High = Value)
}

// Linear fits a least-squares line to pts and predicts at x0. It needs two
// points with different x; a prediction interval needs four (two degrees
// of freedom: with one, a single residual sets the width) not all on one
// line (with no scatter there is no measure of it, and a zero-width
// interval would claim certainty).
func Linear(pts []Point, x0 float64) (Fit, bool) {
	n := float64(len(pts))
	if len(pts) < 2 {
		return Fit{}, false
	}
	var mx, my float64
	for _, p := range pts {
		mx += p.X
		my += p.Y
	}
	mx, my = mx/n, my/n
	var sxx, sxy float64
	for _, p := range pts {
		sxx += (p.X - mx) * (p.X - mx)
		sxy += (p.X - mx) * (p.Y - my)
	}
	if sxx == 0 {
		return Fit{}, false
	}
	b := sxy / sxx
	a := my - b*mx
	f := Fit{N: len(pts), Slope: b, Intercept: a, At: x0, Value: a + b*x0}
	f.Low, f.High = f.Value, f.Value
	if len(pts) >= 4 {
		var sse float64
		for _, p := range pts {
			r := p.Y - (a + b*p.X)
			sse += r * r
		}
		if s := math.Sqrt(sse / (n - 2)); s > 1e-9*math.Max(1, math.Abs(my)) {
			half := tQuantile90(len(pts)-2) * s * math.Sqrt(1+1/n+(x0-mx)*(x0-mx)/sxx)
			f.Low, f.High, f.Interval = f.Value-half, f.Value+half, true
		}
	}
	return f, true
}

// t90 holds the 0.90 quantiles of Student's t for 1…30 degrees of freedom.
var t90 = []float64{3.078, 1.886, 1.638, 1.533, 1.476, 1.440, 1.415, 1.397, 1.383, 1.372,
	1.363, 1.356, 1.350, 1.345, 1.341, 1.337, 1.333, 1.330, 1.328, 1.325,
	1.323, 1.321, 1.319, 1.318, 1.316, 1.315, 1.314, 1.313, 1.311, 1.310}

func tQuantile90(df int) float64 {
	if df >= 1 && df <= len(t90) {
		return t90[df-1]
	}
	return 1.2816 // the normal quantile
}
