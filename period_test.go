package duban

import "testing"

func TestParsePeriod(t *testing.T) {
	tests := []struct {
		cadence    Cadence
		in         string
		start, end string
		wantErr    bool
	}{
		{Monthly, "2021-07", "2021-07-01", "2021-07-31", false},
		{Monthly, "2021-02", "2021-02-01", "2021-02-28", false},
		{Monthly, "2021-7", "", "", true},
		{Monthly, "2021-Q3", "", "", true},
		{Quarterly, "2021-Q3", "2021-07-01", "2021-09-30", false},
		{Quarterly, "2021-Q4", "2021-10-01", "2021-12-31", false},
		{Quarterly, "2021-Q5", "", "", true},
		{Quarterly, "2021-07", "", "", true},
		{Weekly, "2021-W28", "2021-07-12", "2021-07-18", false},
		{Weekly, "2021-W01", "2021-01-04", "2021-01-10", false},
		{Weekly, "2020-W53", "2020-12-28", "2021-01-03", false},
		{Weekly, "2021-W53", "", "", true}, // 2021 has 52 ISO weeks
		{Weekly, "2021-07", "", "", true},
		{Cadence("yearly"), "2021", "", "", true},
	}
	for _, tt := range tests {
		p, err := ParsePeriod(tt.cadence, tt.in)
		if (err != nil) != tt.wantErr {
			t.Errorf("%s %q: err = %v, want error %v", tt.cadence, tt.in, err, tt.wantErr)
			continue
		}
		if err != nil {
			continue
		}
		if p.Start.String() != tt.start || p.End.String() != tt.end || p.String() != tt.in {
			t.Errorf("%s %q = %s..%s (%s), want %s..%s", tt.cadence, tt.in, p.Start, p.End, p, tt.start, tt.end)
		}
	}
}

func TestPeriodsBetween(t *testing.T) {
	ps := PeriodsBetween(Monthly, MustDate("2021-01-15"), MustDate("2021-07-15"))
	if len(ps) != 7 || ps[0].String() != "2021-01" || ps[6].String() != "2021-07" {
		t.Fatalf("monthly: %v", ps)
	}
	qs := PeriodsBetween(Quarterly, MustDate("2021-01-01"), MustDate("2021-12-31"))
	if len(qs) != 4 || qs[3].String() != "2021-Q4" || qs[1].Prev().String() != "2021-Q1" {
		t.Fatalf("quarterly: %v", qs)
	}
}
