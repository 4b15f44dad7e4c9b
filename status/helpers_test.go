package status

import (
	"math"
	"testing"

	"github.com/duban-dev/duban"
)

func d(s string) duban.Date { return duban.MustDate(s) }

func f(v float64) *float64 { return &v }

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

func assertNear(t *testing.T, what string, got, want float64) {
	t.Helper()
	if !near(got, want) {
		t.Errorf("%s = %v, want %v", what, got, want)
	}
}
