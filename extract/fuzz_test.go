package extract

import (
	"bytes"
	"encoding/json"
	"io"
	"testing"
	"unicode/utf8"
)

func FuzzExtract(f *testing.F) {
	for _, c := range corpus {
		f.Add(c.text, c.year)
	}
	f.Add(readSeed(f), 2021)
	for _, s := range []string{
		"", "\n\n", "#", "（一）", "1.", "百分之", "十", "一万万亿", "1,", "1.2.3万亿", "第", "“十四五", "2021年6月31日前",
		"| 1 | 2 |", "\xff\xfe", "二〇二一年", "3年内", "千分之三", "１２３４５６７８９０１２３４５６７８９０１２３４５亿元",
	} {
		f.Add(s, 2021)
		f.Add(s, 0)
	}
	f.Fuzz(func(t *testing.T, text string, year int) {
		if year < 0 || year > 3000 {
			year %= 3000
			if year < 0 {
				year = -year
			}
		}
		r := Extract(text, Options{Year: year})
		n := utf8.RuneCountInString(text)
		for _, tg := range r.Targets {
			if tg.Start < 0 || tg.End > n || tg.Start >= tg.End {
				t.Fatalf("target offsets [%d,%d) outside %d runes", tg.Start, tg.End, n)
			}
			if len(tg.Path) != 2 && len(tg.Path) != 0 {
				t.Fatalf("target path %v", tg.Path)
			}
		}
		if placed := len(r.Plan.Targets) + taskTargets(r); placed != len(r.Targets) {
			t.Fatalf("%d targets placed in the outline, %d found", placed, len(r.Targets))
		}
		for _, d := range r.Decisions {
			if d.Start < 0 || d.End > n || d.Start >= d.End {
				t.Fatalf("decision offsets [%d,%d) outside %d runes", d.Start, d.End, n)
			}
		}
		for _, w := range []func(io.Writer, *Result) error{WriteJSON, WriteYAML, WriteText} {
			if err := w(io.Discard, r); err != nil {
				t.Fatal(err)
			}
		}
		if r.Plan.Year >= 1949 && r.Plan.Year <= 2200 {
			if err := r.Bundle("draft").Validate(); err != nil {
				t.Fatalf("bundle: %v", err)
			}
		}
		var std, ours bytes.Buffer
		enc := json.NewEncoder(&std)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		if enc.Encode(r) == nil { // it refuses infinite values, which WriteJSON writes as 0
			WriteJSON(&ours, r)
			if !bytes.Equal(std.Bytes(), ours.Bytes()) {
				t.Fatalf("WriteJSON differs from encoding/json:\n%s\n%s", ours.String(), std.String())
			}
		}
		again := Extract(text, Options{Year: year})
		var a, b bytes.Buffer
		WriteJSON(&a, r)
		WriteJSON(&b, again)
		if !bytes.Equal(a.Bytes(), b.Bytes()) {
			t.Fatal("not deterministic")
		}
	})
}

func taskTargets(r *Result) int {
	n := 0
	for _, a := range r.Plan.Areas {
		for _, tk := range a.Tasks {
			n += len(tk.Targets)
		}
	}
	return n
}
