package forecast

import "testing"

// TestNumAgreesWithItsShare: a forecast value and its share of the target
// read together: 12.1 of 10 is not written 12.
func TestNumAgreesWithItsShare(t *testing.T) {
	for v, want := range map[float64]string{12.1: "12.1", 12.02: "12", 9.75: "9.8", 270: "270", 12643.4: "12643", 0.5: "0.5"} {
		if got := num(v); got != want {
			t.Errorf("num(%v) = %q, want %q", v, got, want)
		}
	}
}
