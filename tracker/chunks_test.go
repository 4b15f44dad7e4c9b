package tracker

import (
	"context"
	"testing"

	"github.com/duban-dev/duban"
)

type recordingStatusStore struct{ writes [][]duban.IndicatorStatus }

func (r *recordingStatusStore) SaveIndicatorStatuses(context.Context, int64, []duban.IndicatorStatus, string) error {
	return nil
}

func (r *recordingStatusStore) UpdateIndicatorStatuses(_ context.Context, rows []duban.IndicatorStatus, _ string) error {
	r.writes = append(r.writes, rows)
	return nil
}

// A refresh writes its rows in short transactions, each row once.
func TestUpdateInChunks(t *testing.T) {
	for _, n := range []int{0, 1, refreshChunk, refreshChunk + 1, 5*refreshChunk + 7} {
		rows := make([]duban.IndicatorStatus, n)
		for i := range rows {
			rows[i].IndicatorID = int64(i + 1)
		}
		var st recordingStatusStore
		if err := updateInChunks(context.Background(), &st, rows); err != nil {
			t.Fatal(err)
		}
		seen := 0
		for _, w := range st.writes {
			if len(w) == 0 || len(w) > refreshChunk {
				t.Fatalf("%d rows: a write of %d", n, len(w))
			}
			for _, r := range w {
				seen++
				if r.IndicatorID != int64(seen) {
					t.Fatalf("%d rows: row %d out of order", n, seen)
				}
			}
		}
		if want := (n + refreshChunk - 1) / refreshChunk; seen != n || len(st.writes) != want {
			t.Errorf("%d rows: %d written in %d writes, want %d writes", n, seen, len(st.writes), want)
		}
	}
}
