package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"time"

	"github.com/duban-dev/duban/loadgen"
)

// runLoad drives a local server with a bounded open-loop mix of requests.
func runLoad(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("load", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var c loadgen.Config
	fs.StringVar(&c.Addr, "addr", "127.0.0.1:8080", "服务器地址，只能是本机 (server address; loopback only)")
	fs.DurationVar(&c.Duration, "duration", 10*time.Second, "持续时间 (how long to send)")
	fs.Float64Var(&c.Rate, "rate", 100, "每秒请求数，开环 (requests per second, open loop)")
	mix := fs.String("mix", "submit=50,batch=5,dashboard=25,tree=10,list=10", "操作=权重 (op=weight, ops: submit batch dashboard tree list)")
	fs.IntVar(&c.Users, "users", 50, "登录的填报用户数 (reporters to sign in as)")
	fs.StringVar(&c.Password, "password", genDefaultPassword, "duban gen 设置的密码 (the password given to duban gen)")
	fs.IntVar(&c.Dataset.Districts, "districts", 10, "duban gen 的区县数 (districts given to duban gen)")
	fs.IntVar(&c.Dataset.Items, "items-per-district", 300, "duban gen 的每区指标数 (items given to duban gen)")
	fs.IntVar(&c.Dataset.Months, "months", 12, "duban gen 的月数 (months given to duban gen)")
	fs.IntVar(&c.MaxRequests, "max-requests", 1_000_000, "请求总数上限 (hard cap on requests)")
	fs.Uint64Var(&c.Seed, "seed", 1, "随机种子 (seed)")
	fs.BoolVar(&c.AnyDistrict, "any-district", false, "驾驶舱和计划树随机读取所有区县，而非登录用户本区 (dashboards and trees of random districts among all --districts)")
	fs.BoolVar(&c.Today, "today", false, "按服务器当日读取（不带 as_of） (read dashboards and trees as of the server's day, without as_of)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	var err error
	if c.Mix, err = loadgen.ParseMix(*mix); err != nil {
		return err
	}
	if err := c.Validate(); err != nil {
		return err
	}
	fmt.Fprintf(stderr, "登录 %d 个用户… (signing in %d users)\n", c.Users, c.Users)
	res, err := loadgen.Run(ctx, c, nil)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "目标 (target) %.0f 次/秒 for %s, mix %s\n", c.Rate, c.Duration, *mix)
	res.Print(stdout)
	return nil
}
