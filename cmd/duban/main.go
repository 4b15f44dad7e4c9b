// Command duban runs the duban plan-supervision server and its tools.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	"github.com/duban-dev/duban"
)

// version is set at build time with -ldflags "-X main.version=...".
var version = "dev"

const usage = `duban — 督办：计划任务督查督办系统

用法 (usage):
  duban demo    [--addr 127.0.0.1:8080] [--db FILE] [--as-of YYYY-MM-DD] [--password P] [--seed N] [--data DIR]
  duban serve   [--db DSN] [--read-db REPLICA] [--migrate=false] [--addr ADDR] [--data DIR] [--max-upload-mb N]
                [--pprof 127.0.0.1:6060] [--notice-policy unit|item] [--notice-closed-years]
  duban migrate [--db DSN]
  duban jobs    [--db DSN] [--today YYYY-MM-DD] [--notice-policy unit|item] [--notice-closed-years]
  duban plan import [--db DSN] FILE
  duban plan import [--db DSN] --from-text FILE --year YYYY [--code CODE]
  duban extract [--year YYYY] [--format json|yaml|text] FILE|-
  duban plan export [--db DSN] [--plan ID|CODE] [--format yaml] [--out FILE]
  duban plan export [--db DSN] [--plan ID|CODE] --format xlsx --out F.xlsx [--as-of YYYY-MM-DD]
  duban plan import [--db DSN] [--dry-run] F.xlsx
  duban report template [--db DSN] --unit UNIT --period YYYY-MM --out F.xlsx
  duban report upload [--db DSN] [--user U] F.xlsx
  duban bulletin [--db DSN] --plan ID|CODE --period YYYY-MM [--as-of YYYY-MM-DD] [--format html|pdf|docx|xlsx] [--out F] [--issue]
  duban gen     [--db DSN] --districts N --items-per-district M --months K [--seed S] [--password P]
  duban rollup  [--db DSN] [--by province|area] [--as-of YYYY-MM-DD] [--refresh]
  duban load    --addr 127.0.0.1:PORT --duration D --rate R --mix submit=50,batch=5,dashboard=25,tree=10,list=10 --users N
                [--districts N --items-per-district M --months K  (as given to gen)] [--password P] [--max-requests N]
  duban user add  [--db DSN] --username U [--role admin|supervisor|leader|reporter] [--unit CODE] [--name N]
  duban user set  [--db DSN] --username U [--role R] [--unit CODE] [--name N] [--disable|--enable] [--reset-password]
  duban user list [--db DSN]
                (passwords come from $DUBAN_PASSWORD or the first line of stdin, never from a flag)
  duban version

--db takes a SQLite file path or a postgres:// URL; default $DUBAN_DB or duban.db.
`

type command func(ctx context.Context, args []string, stdout, stderr io.Writer) error

var commands = map[string]command{
	"demo":    runDemo,
	"serve":   runServe,
	"migrate": runMigrate,
	"jobs":    runJobs,
	"plan":    runPlan,
	"version": runVersion,
	"extract": runExtract,
	"report":  runReport,
	"gen":     runGen,
	"rollup":  runRollup,
	"load":    runLoad,
	"user":    runUser,
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Stdout, os.Stderr); err != nil {
		if !errors.Is(err, flag.ErrHelp) { // the flag set has printed the usage
			fmt.Fprintln(os.Stderr, "duban:", err)
		}
		os.Exit(exitCode(err))
	}
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		fmt.Fprint(stdout, usage)
		return nil
	}
	if args[0] == "--version" || args[0] == "-version" || args[0] == "-v" {
		return runVersion(ctx, nil, stdout, stderr)
	}
	cmd, ok := commands[args[0]]
	if !ok {
		fmt.Fprint(stderr, usage)
		return fmt.Errorf("未知命令 %q (unknown command)", args[0])
	}
	return cmd(ctx, args[1:], stdout, stderr)
}

func exitCode(err error) int {
	if errors.Is(err, flag.ErrHelp) {
		return 0
	}
	if duban.ErrorCode(err) == duban.EINVALID {
		return 2
	}
	return 1
}

func runVersion(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fmt.Fprintln(stdout, "duban", version)
	return nil
}

// newFlags returns a flag set that prints errors to stderr and a --db flag
// with the shared default.
func newFlags(name string, stderr io.Writer) (*flag.FlagSet, *string) {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	def := os.Getenv("DUBAN_DB")
	if def == "" {
		def = "duban.db"
	}
	db := fs.String("db", def, "SQLite 文件路径或 postgres:// 地址 (SQLite file or postgres:// URL)")
	return fs, db
}
