package extract

import (
	"bytes"
	"strings"
	"testing"

	"github.com/duban-dev/duban"
)

func TestWriteFormats(t *testing.T) {
	r := Extract("新建停车场5个。", Options{Year: 2021})
	for _, f := range []struct{ format, want string }{
		{"", `"unit": "个"`}, {"json", `"unit": "个"`}, {"yaml", `unit: "个"`}, {"text", "新建停车场 = 5个"},
	} {
		var buf bytes.Buffer
		if err := Write(&buf, r, f.format); err != nil {
			t.Fatalf("%q: %v", f.format, err)
		}
		if !strings.Contains(buf.String(), f.want) {
			t.Errorf("%q: output lacks %q:\n%s", f.format, f.want, buf.String())
		}
	}
	err := Write(&bytes.Buffer{}, r, "xml")
	if duban.ErrorCode(err) != duban.EINVALID || duban.ErrorFields(err)[0].Field != "format" {
		t.Errorf("unknown format: got %v", err)
	}
}

func TestReadText(t *testing.T) {
	got, err := ReadText("-", strings.NewReader("新建停车场5个。"))
	if err != nil || got != "新建停车场5个。" {
		t.Errorf("stdin: %q, %v", got, err)
	}
	if got, err := ReadText("-", bytes.NewReader([]byte{0xd0, 0xc2, 0xbd, 0xa8})); err != nil || got != "新建" {
		t.Errorf("GBK bytes: %q, %v", got, err)
	}
	if _, err := ReadText("testdata/no-such-file.txt", nil); duban.ErrorCode(err) != duban.EINVALID ||
		!strings.Contains(duban.ErrorFields(err)[0].Message, "testdata/no-such-file.txt") {
		t.Errorf("missing file: got %v", err)
	}
}

func TestDraft(t *testing.T) {
	b, r, err := Draft(readSeed(t), 2021, "")
	if err != nil {
		t.Fatal(err)
	}
	if b.Plan.Code != "draft-2021" || b.Plan.PeriodEnd != duban.NewDate(2021, 12, 31) {
		t.Errorf("plan: %+v", b.Plan)
	}
	if len(b.Indicators) != len(r.Targets) || len(r.Targets) != 17 {
		t.Errorf("%d indicators for %d targets", len(b.Indicators), len(r.Targets))
	}
	codes := map[string]duban.Node{}
	for _, n := range b.Nodes {
		codes[n.Code] = n
	}
	if n, ok := codes["A1-T3-I1"]; !ok || n.Kind != duban.KindItem || n.ParentCode != "A1-T3" || n.Commitment != duban.Aspirational {
		t.Errorf("A1-T3-I1: %+v", n)
	}
	for _, in := range b.Indicators {
		if in.Unit == "%" && in.Kind != duban.Level || in.Unit == "个" && in.Kind != duban.Cumulative {
			t.Errorf("%s: unit %s kind %s", in.Code, in.Unit, in.Kind)
		}
	}
	if _, _, err := Draft("新建停车场5个。", 0, ""); duban.ErrorFields(err)[0].Field != "year" {
		t.Errorf("no year: got %v", err)
	}
}

func TestBundleTolerance(t *testing.T) {
	r := Extract("城镇调查失业率5.5%左右，新增就业1100万人左右。", Options{Year: 2021})
	b := r.Bundle("t")
	if err := b.Validate(); err != nil {
		t.Fatal(err)
	}
	want := []float64{0.5, 55}
	for i, in := range b.Indicators {
		if in.Comparator != duban.About || in.Tolerance != want[i] || in.Direction != duban.Keep {
			t.Errorf("%s: %s tolerance %v direction %s, want ~ %v keep", in.Code, in.Comparator, in.Tolerance, in.Direction, want[i])
		}
	}
}
