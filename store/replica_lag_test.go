package store_test

import (
	"context"
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/duban-dev/duban/store"
)

// BenchmarkReplicaLag measures how long after a write commits on the
// primary a reader on a streaming standby (loopback) sees it: each
// iteration updates a row on the primary, then reads the standby until the
// new value shows. It reports the median, p99 and
// maximum lag; ns/op includes the write.
//
//	go test ./store -run '^$' -bench ReplicaLag -benchtime 500x
func BenchmarkReplicaLag(b *testing.B) {
	ctx := context.Background()
	c := startReplicatedCluster(b)
	primary := mustOpen(b, c.dsn(c.primaryPort))
	if err := store.Exec(ctx, primary, "CREATE TABLE lag_probe (n BIGINT NOT NULL)"); err != nil {
		b.Fatal(err)
	}
	if err := store.Exec(ctx, primary, "INSERT INTO lag_probe (n) VALUES (0)"); err != nil {
		b.Fatal(err)
	}
	replica := mustOpen(b, c.dsn(c.standbyP))
	lags := make([]time.Duration, 0, b.N)
	b.ResetTimer()
	for i := 1; i <= b.N; i++ {
		if err := store.Exec(ctx, primary, fmt.Sprintf("UPDATE lag_probe SET n = %d", i)); err != nil {
			b.Fatal(err)
		}
		wrote := time.Now()
		for {
			n, err := store.QueryInt(ctx, replica, "SELECT n FROM lag_probe")
			if err != nil {
				b.Fatal(err)
			}
			if n == i {
				break
			}
			if time.Since(wrote) > 30*time.Second {
				b.Fatalf("the standby still shows %d 30 s after %d was written", n, i)
			}
		}
		lags = append(lags, time.Since(wrote))
	}
	b.StopTimer()
	slices.Sort(lags)
	b.ReportMetric(float64(lags[len(lags)/2].Microseconds())/1000, "p50-ms")
	b.ReportMetric(float64(lags[len(lags)*99/100].Microseconds())/1000, "p99-ms")
	b.ReportMetric(float64(lags[len(lags)-1].Microseconds())/1000, "max-ms")
}
