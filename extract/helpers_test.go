package extract

import (
	"strings"
	"testing"
)

// checkOffsets asserts that every quote is the input between its offsets,
// less the line breaks and spaces that cut it.
func checkOffsets(t *testing.T, text string, r *Result) {
	t.Helper()
	runes := []rune(text)
	strip := func(s string) string {
		return strings.Map(func(r rune) rune {
			if r == '\n' || r == '\r' || r == ' ' || r == '\t' || r == '\u3000' {
				return -1
			}
			return r
		}, s)
	}
	for _, tg := range r.Targets {
		if tg.Start < 0 || tg.End > len(runes) || tg.Start >= tg.End {
			t.Errorf("target %q: offsets [%d,%d) out of range", tg.Quote, tg.Start, tg.End)
			continue
		}
		if got := strip(string(runes[tg.Start:tg.End])); got != strip(tg.Quote) {
			t.Errorf("target offsets [%d,%d) give %q, quote is %q", tg.Start, tg.End, got, tg.Quote)
		}
	}
	for _, d := range r.Decisions {
		if d.Start < 0 || d.End > len(runes) || d.Start >= d.End {
			t.Errorf("decision %q: offsets [%d,%d) out of range", d.Text, d.Start, d.End)
		}
	}
}

func checkBundle(t *testing.T, r *Result) {
	t.Helper()
	year := r.Plan.Year
	if year == 0 {
		r.Plan.Year = 2000 // a draft needs a year; the CLI asks for --year
		defer func() { r.Plan.Year = year }()
	}
	b := r.Bundle("draft")
	if err := b.Validate(); err != nil {
		t.Errorf("draft bundle invalid: %v", err)
	}
	if len(b.Indicators) != len(r.Targets) {
		t.Errorf("bundle has %d indicators for %d targets", len(b.Indicators), len(r.Targets))
	}
}
