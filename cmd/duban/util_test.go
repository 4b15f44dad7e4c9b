package main

import (
	"strconv"

	"github.com/duban-dev/duban"
)

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

func mustDate(s string) duban.Date { return duban.MustDate(s) }
