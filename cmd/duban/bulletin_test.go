package main

import (
	"bytes"
	"context"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/duban-dev/duban"
)

func TestBulletinCommand(t *testing.T) {
	dir := t.TempDir()
	demoDB := filepath.Join(dir, "demo.db")
	ctx := context.Background()
	db, _, err := seedDemo(ctx, demoOptions{db: demoDB, password: "x", asOf: mustDate("2021-07-15"), seed: 2021})
	if err != nil {
		t.Fatal(err)
	}
	db.Close()
	// The demo opens with June's bulletin issued on its schedule.
	june := mustRun(t, "bulletin", "--db", demoDB, "--plan", "1", "--period", "2021-06")
	if !strings.Contains(june, "二七督〔2021〕1号") || !strings.Contains(june, "关于2021年6月") {
		t.Fatalf("the demo's June bulletin is not rendered: %.300s", june)
	}
	preview := mustRun(t, "bulletin", "--db", demoDB, "--plan", "erqi-2021", "--period", "2021-05")
	if !strings.Contains(preview, "（预览稿，未编号）") || !strings.Contains(preview, "关于2021年5月") {
		t.Fatalf("preview lacks its mark or title: %.300s", preview)
	}
	out := filepath.Join(dir, "b.docx")
	mustRun(t, "bulletin", "--db", demoDB, "--plan", "erqi-2021", "--period", "2021-05", "--issue", "--format", "docx", "--out", out)
	if b, err := os.ReadFile(out); err != nil || !bytes.HasPrefix(b, []byte("PK")) {
		t.Fatalf("docx not written: %v", err)
	}
	issued := mustRun(t, "bulletin", "--db", demoDB, "--plan", "1", "--period", "2021-05")
	if !strings.Contains(issued, "二七督〔2021〕2号") {
		t.Fatalf("the issued bulletin is not rendered again: %.300s", issued)
	}
	for _, bad := range [][]string{
		{"--plan", "erqi-2021", "--period", "June"},
		{"--plan", "erqi-2021", "--period", "2021-06", "--format", "odt"},
		{"--plan", "erqi-2021", "--period", "2021-06", "--as-of", "7月"},
	} {
		err := run(ctx, append([]string{"bulletin", "--db", demoDB}, bad...), io.Discard, io.Discard)
		if duban.ErrorCode(err) != duban.EINVALID || exitCode(err) != 2 {
			t.Errorf("%v: %v, want an invalid-input error", bad, err)
		}
	}
}

func TestBulletinScheduleIssuesDueBulletins(t *testing.T) {
	dir := t.TempDir()
	db, _, err := seedDemo(context.Background(), demoOptions{db: filepath.Join(dir, "demo.db"), password: "x",
		asOf: mustDate("2021-07-15"), seed: 2021})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	ctx, cancel := context.WithCancel(context.Background())
	var logs syncBuffer
	done := make(chan struct{})
	// The demo issued June's bulletin; on 6 August July's is due.
	aug6 := func() time.Time { return time.Date(2021, 8, 6, 9, 0, 0, 0, time.UTC) }
	go func() {
		runBulletinSchedule(ctx, db, slog.New(slog.NewTextHandler(&logs, nil)), time.Hour, aug6)
		close(done)
	}()
	var list []duban.Bulletin
	for deadline := time.Now().Add(30 * time.Second); len(list) < 2 && time.Now().Before(deadline); {
		time.Sleep(20 * time.Millisecond)
		if list, err = db.ListBulletins(context.Background(), 1); err != nil {
			t.Fatal(err)
		}
	}
	cancel()
	<-done
	if len(list) != 2 || list[0].Period != "2021-07" || list[0].CreatedBy != "duban-schedule" {
		t.Fatalf("bulletins = %+v; logs %s", list, logs.String())
	}
	if !strings.Contains(logs.String(), "bulletin issued on schedule") {
		t.Fatalf("logs: %s", logs.String())
	}
}
