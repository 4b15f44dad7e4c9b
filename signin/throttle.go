package signin

import (
	"sync"
	"time"
)

// Throttle counts failed sign-ins per key (username and client address)
// and refuses further tries after too many in a window.
type Throttle struct {
	mu       sync.Mutex
	failures map[string][]time.Time
	max      int
	window   time.Duration
}

// NewThrottle allows max failures per key within window.
func NewThrottle(max int, window time.Duration) *Throttle {
	return &Throttle{failures: map[string][]time.Time{}, max: max, window: window}
}

func (t *Throttle) recent(key string, now time.Time) []time.Time {
	kept := t.failures[key][:0]
	for _, at := range t.failures[key] {
		if now.Sub(at) < t.window {
			kept = append(kept, at)
		}
	}
	if len(kept) == 0 {
		delete(t.failures, key)
		return nil
	}
	t.failures[key] = kept
	return kept
}

// Allow reports whether key may try again.
func (t *Throttle) Allow(key string, now time.Time) bool {
	t.mu.Lock()
	defer t.mu.Unlock()
	return len(t.recent(key, now)) < t.max
}

// Fail records a failed try.
func (t *Throttle) Fail(key string, now time.Time) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.failures[key] = append(t.recent(key, now), now)
}

// Reset forgets the failures of key after a successful sign-in.
func (t *Throttle) Reset(key string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	delete(t.failures, key)
}
