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
	inFlight map[string]int // reserved tries not yet decided
	max      int
	window   time.Duration
}

// NewThrottle allows max failures per key within window.
func NewThrottle(max int, window time.Duration) *Throttle {
	return &Throttle{failures: map[string][]time.Time{}, inFlight: map[string]int{}, max: max, window: window}
}

// Reserve takes a slot for one try before its password is checked: a try
// in flight counts as a failure until it is decided, so many parallel
// guesses cannot all pass the check before the first failure is recorded.
// It returns nil when the key has no slot left; otherwise the caller must
// end the try once (Succeed, Fail or Release).
func (t *Throttle) Reserve(key string, now time.Time) *Try {
	t.mu.Lock()
	defer t.mu.Unlock()
	if len(t.recent(key, now))+t.inFlight[key] >= t.max {
		return nil
	}
	t.inFlight[key]++
	return &Try{t: t, key: key}
}

// Try is a reserved sign-in attempt.
type Try struct {
	t    *Throttle
	key  string
	once sync.Once
}

// Succeed forgets the key's failures.
func (r *Try) Succeed() { r.end(func() { delete(r.t.failures, r.key) }) }

// Fail records a failed try at now.
func (r *Try) Fail(now time.Time) {
	r.end(func() { r.t.failures[r.key] = append(r.t.recent(r.key, now), now) })
}

// Release gives the slot back without an outcome (the server was busy or
// the request ended): no password was judged.
func (r *Try) Release() { r.end(func() {}) }

func (r *Try) end(fn func()) {
	r.once.Do(func() {
		r.t.mu.Lock()
		defer r.t.mu.Unlock()
		if r.t.inFlight[r.key]--; r.t.inFlight[r.key] <= 0 {
			delete(r.t.inFlight, r.key)
		}
		fn()
	})
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
