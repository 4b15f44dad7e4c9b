package signin

import (
	"bytes"
	"context"
	"log/slog"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/duban-dev/duban"
	"github.com/duban-dev/duban/auth"
)

// countingUsers finds one account and counts the look-ups, each of which
// is followed by a password hash.
type countingUsers struct {
	duban.UserService
	hash    string
	lookups atomic.Int32
}

func (c *countingUsers) FindUserByUsername(ctx context.Context, username string) (*duban.User, error) {
	c.lookups.Add(1)
	return &duban.User{ID: 1, Username: username, PasswordHash: c.hash}, nil
}

var testHash = sync.OnceValue(func() string { h, _ := auth.HashPassword("right-password-1"); return h })

func testService(users duban.UserService, log *bytes.Buffer) *Service {
	s := New(users, nil, func() time.Time { return time.Date(2021, 7, 15, 9, 0, 0, 0, time.UTC) })
	s.Logger = slog.New(slog.NewTextHandler(log, nil))
	return s
}

// TestParallelGuessesAreCountedBeforeHashing: 40 wrong passwords at once
// for one account check at most the throttle's five; the rest are refused
// before any hashing, and every failure is logged with the address.
func TestParallelGuessesAreCountedBeforeHashing(t *testing.T) {
	users := &countingUsers{hash: testHash()}
	var log bytes.Buffer
	s := testService(users, &log)
	var wg sync.WaitGroup
	var throttled atomic.Int32
	start := make(chan struct{})
	for range 40 {
		wg.Go(func() {
			<-start
			_, err := s.SignIn(context.Background(), "zjj", "wrong-guess", "203.0.113.7")
			if duban.ErrorCode(err) == duban.ETOOMANY {
				throttled.Add(1)
			}
		})
	}
	close(start)
	wg.Wait()
	if n := users.lookups.Load(); n > 5 {
		t.Errorf("%d passwords were checked, want at most 5", n)
	}
	if throttled.Load() < 35 {
		t.Errorf("%d of 40 were throttled, want at least 35", throttled.Load())
	}
	if got := strings.Count(log.String(), "sign-in failed"); got != 40 || !strings.Contains(log.String(), "addr=203.0.113.7") {
		t.Errorf("%d failures logged, want 40 with the address: %.300s", got, log.String())
	}
}

// TestHashingWaitsForASlot: with every hashing slot taken a sign-in waits
// HashWait, then is refused as busy without counting as a wrong password.
func TestHashingWaitsForASlot(t *testing.T) {
	users := &countingUsers{hash: testHash()}
	s := testService(users, new(bytes.Buffer))
	defer func(d time.Duration) { HashWait = d }(HashWait)
	HashWait = 20 * time.Millisecond
	for range MaxHashing {
		hashSlots <- struct{}{}
	}
	for range 6 { // more than the throttle allows: busy tries are not failures
		_, err := s.SignIn(context.Background(), "zjj", "right-password-1", "203.0.113.8")
		if duban.ErrorCode(err) != duban.ETOOMANY || !strings.Contains(duban.ErrorMessage(err), "繁忙") {
			t.Fatalf("with every slot taken: %v", err)
		}
	}
	for range MaxHashing {
		<-hashSlots
	}
	if try := s.throttle.Reserve("zjj|203.0.113.8", s.Now()); try == nil {
		t.Fatal("busy tries were counted as failures")
	}
}

// TestAtMostMaxHashingRunAtOnce holds every running hash until MaxHashing
// of them run, and checks none beyond that starts meanwhile.
func TestAtMostMaxHashingRunAtOnce(t *testing.T) {
	var running, most atomic.Int32
	release := make(chan struct{})
	full := make(chan struct{}, MaxHashing*3)
	var wg sync.WaitGroup
	for range MaxHashing * 3 {
		wg.Go(func() {
			_ = withHashSlot(context.Background(), func() {
				n := running.Add(1)
				for m := most.Load(); n > m && !most.CompareAndSwap(m, n); m = most.Load() {
				}
				full <- struct{}{}
				<-release
				running.Add(-1)
			})
		})
	}
	for range MaxHashing {
		<-full
	}
	if n := running.Load(); n != int32(MaxHashing) {
		t.Fatalf("%d hashing at once, want %d", n, MaxHashing)
	}
	close(release)
	wg.Wait()
	if most.Load() > int32(MaxHashing) {
		t.Fatalf("%d ran at once, bound is %d", most.Load(), MaxHashing)
	}
}

func TestCommonPasswordsRefused(t *testing.T) {
	for _, pw := range []string{"12345678", "password", "Password123", "qwerty123", "11111111", "abc12345",
		"88888888", "woaini1314", "WOAINI1314", "1qaz2wsx", "admin123", "zhengzhou2021", "20212022"} {
		_, err := HashNewPassword("password", pw)
		if duban.ErrorCode(err) != duban.EINVALID || len(duban.ErrorFields(err)) == 0 || duban.ErrorFields(err)[0].Field != "password" {
			t.Errorf("%q: %v, want a field error on password", pw, err)
		}
	}
	if _, err := HashNewPassword("password", "二七区督办-chunfeng-7"); err != nil {
		t.Errorf("a fine password: %v", err)
	}
}
