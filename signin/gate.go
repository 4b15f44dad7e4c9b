package signin

import (
	"context"
	"runtime"
	"time"

	"github.com/duban-dev/duban"
)

// Password hashing (argon2id, 19 MiB and two passes each) is the costliest
// thing the server does. Without a bound, 100 parallel sign-ins took 1.27
// GB and starved every other request, so at most MaxHashing run at once
// in the whole process; a try that waits longer than HashWait for a slot
// is refused as busy. The bound is a process-wide resource, like the CPU
// it protects, hence package state.
var (
	MaxHashing = max(2, runtime.NumCPU())
	HashWait   = 3 * time.Second
	hashSlots  = make(chan struct{}, MaxHashing)
)

// errBusy is what a user sees when every hashing slot stayed taken.
func errBusy() error {
	return duban.Errorf(duban.ETOOMANY, "服务器繁忙：同时登录的人过多，请几秒后重试 (server busy checking passwords; retry in a few seconds)")
}

// withHashSlot runs fn while holding one hashing slot.
func withHashSlot(ctx context.Context, fn func()) error {
	timer := time.NewTimer(HashWait)
	defer timer.Stop()
	select {
	case hashSlots <- struct{}{}:
	case <-timer.C:
		return errBusy()
	case <-ctx.Done():
		return ctx.Err()
	}
	defer func() { <-hashSlots }()
	fn()
	return nil
}
