package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"runtime/pprof"
	"strings"
	"time"

	"github.com/duban-dev/duban"
	"github.com/duban-dev/duban/auth"
	"github.com/duban-dev/duban/store"
	"github.com/duban-dev/duban/synth"
)

const genDefaultPassword = "duban-load"

// runGen writes a synthetic national dataset into an empty database.
func runGen(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs, dsn := newFlags("gen", stderr)
	var c synth.Config
	fs.IntVar(&c.Districts, "districts", 10, "区县数，每区一个计划 (districts, one plan each)")
	fs.IntVar(&c.Items, "items-per-district", 300, "每区指标数 (indicators per district)")
	fs.IntVar(&c.Months, "months", 12, "每个指标的月报数 (months of reports)")
	fs.Uint64Var(&c.Seed, "seed", 1, "随机种子 (seed)")
	password := fs.String("password", genDefaultPassword, "所有账号的密码 (password of every account)")
	quiet := fs.Bool("quiet", false, "不显示进度条 (no progress bar)")
	cpuProfile := fs.String("cpuprofile", "", "把 CPU 剖析写入文件 (write a CPU profile to FILE)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *cpuProfile != "" {
		stop, err := startCPUProfile(*cpuProfile)
		if err != nil {
			return err
		}
		defer stop()
	}
	if err := c.Validate(); err != nil {
		return err
	}
	db, err := store.Open(ctx, *dsn)
	if err != nil {
		return err
	}
	defer db.Close()
	hash, err := auth.HashPassword(*password) // one slow hash shared by every account
	if err != nil {
		return err
	}
	// The generator allocates fast and keeps little: collecting less often
	// saves a fifth of its CPU for a few hundred MB more.
	defer debug.SetGCPercent(debug.SetGCPercent(400))
	started := time.Now()
	bar := &progressBar{w: stderr, total: c.Districts, started: started, quiet: *quiet}
	counts, err := db.BulkLoad(ctx, &synth.Dataset{Config: c, PasswordHash: hash}, "gen", bar.update)
	bar.end()
	if err != nil {
		return err
	}
	printGenSummary(stdout, counts, time.Since(started))
	return storeGenStatuses(ctx, db, c.AsOf(), stdout)
}

// storeGenStatuses judges every generated plan as of the data's last day
// and stores its state (results with their next change, rollups, the
// plan's stamp) as a live system would hold it, so the first `duban jobs`
// or `serve` on the dataset only moves it forward instead of judging
// every plan whole.
func storeGenStatuses(ctx context.Context, db *store.DB, asOf duban.Date, stdout io.Writer) error {
	started := time.Now()
	n, err := db.RebuildStatuses(ctx, asOf, "gen")
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "已判定并存储 %d 个计划的状态（截至 %s）(stored the state of %d plans as of %s) in %.1f s\n", n, asOf, n, asOf, time.Since(started).Seconds())
	return nil
}

func printGenSummary(w io.Writer, counts map[string]int, took time.Duration) {
	total := 0
	var parts []string
	for _, name := range []string{"plans", "units", "nodes", "indicators", "reports", "notices", "users", "indicator_status"} {
		total += counts[name]
		parts = append(parts, fmt.Sprintf("%s %d", name, counts[name]))
	}
	total += counts["people"]
	fmt.Fprintf(w, "已生成 (generated) %d 行 (rows) in %.1f s — %.0f 行/秒 (rows/s)\n  %s\n",
		total, took.Seconds(), float64(total)/took.Seconds(), strings.Join(parts, ", "))
}

// progressBar draws one line on stderr, rewritten in place.
type progressBar struct {
	w       io.Writer
	total   int
	started time.Time
	quiet   bool
}

func (b *progressBar) update(parts, rows int, phase string) {
	if b.quiet {
		return
	}
	if phase != "copy" {
		fmt.Fprintf(b.w, "\n%6.1f s  %s", time.Since(b.started).Seconds(), phase)
		return
	}
	const width = 30
	filled := width * parts / max(b.total, 1)
	secs := time.Since(b.started).Seconds()
	fmt.Fprintf(b.w, "\r[%s%s] %d/%d 区 (districts)  %d 行 (rows)  %.0f 行/秒 (rows/s) ",
		strings.Repeat("#", filled), strings.Repeat(".", width-filled), parts, b.total, rows, float64(rows)/max(secs, 0.001))
}

func (b *progressBar) end() {
	if !b.quiet {
		fmt.Fprintln(b.w)
	}
}

// startCPUProfile profiles the process until the returned stop is called.
func startCPUProfile(path string) (func(), error) {
	f, err := os.Create(path)
	if err != nil {
		return nil, err
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, err
	}
	return func() { pprof.StopCPUProfile(); f.Close() }, nil
}
