package signin

import (
	"testing"
	"time"
)

func TestThrottle(t *testing.T) {
	t0 := time.Date(2021, 7, 15, 9, 0, 0, 0, time.UTC)
	th := NewThrottle(3, 15*time.Minute)
	steps := []struct {
		do    string // fail, reset or check
		key   string
		at    time.Duration
		allow bool
	}{
		{"check", "a", 0, true},
		{"fail", "a", 0, false},
		{"fail", "a", time.Minute, false},
		{"check", "a", 2 * time.Minute, true},
		{"fail", "a", 2 * time.Minute, false},
		{"check", "a", 3 * time.Minute, false}, // three failures in the window
		{"check", "b", 3 * time.Minute, true},  // other keys are not affected
		{"check", "a", 16 * time.Minute, true}, // the first two fell out of the window
		{"fail", "a", 16 * time.Minute, false},
		{"fail", "a", 16 * time.Minute, false},
		{"check", "a", 16 * time.Minute, false},
		{"reset", "a", 16 * time.Minute, false},
		{"check", "a", 16 * time.Minute, true},
	}
	for i, s := range steps {
		now := t0.Add(s.at)
		switch s.do {
		case "fail":
			th.Fail(s.key, now)
		case "reset":
			th.Reset(s.key)
		case "check":
			if got := th.Allow(s.key, now); got != s.allow {
				t.Errorf("step %d: Allow(%s) at +%v = %v, want %v", i, s.key, s.at, got, s.allow)
			}
		}
	}
}
