package bulletin_test

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"

	"github.com/duban-dev/duban"
	"github.com/duban-dev/duban/bulletin"
)

// TestBulletinsOfTheDemoPlan issues the June bulletin on 5 July, lets the
// notice rules run on 15 July, then issues a mid-July bulletin: the second
// compares with the first. Both engines give the same documents.
func TestBulletinsOfTheDemoPlan(t *testing.T) {
	forEachDSN(t, testBulletinsOfTheDemoPlan)
}

func testBulletinsOfTheDemoPlan(t *testing.T, dsn string) {
	e := mustErqiOn(t, dsn)
	ctx := context.Background()
	first, d1, err := e.svc.Create(ctx, e.supervisor, e.planID, "2021-06", duban.Date{})
	if err != nil {
		t.Fatal(err)
	}
	if first.Number != "二七督〔2021〕1号" || d1.AsOf.String() != "2021-06-30" || d1.Changes != nil {
		t.Fatalf("first bulletin %+v as of %s, changes %+v", first, d1.AsOf, d1.Changes)
	}
	var html1 bytes.Buffer
	if err := bulletin.HTML(&html1, d1); err != nil {
		t.Fatal(err)
	}
	golden(t, "erqi-2021-06.golden.html", html1.Bytes())
	golden(t, "erqi-2021-06.golden.txt", bulletinText(d1))
	if h := d1.Headline; h == nil || (h.Behind*2 > len(h.Parts) && strings.Contains(d1.Overview(), "超出")) {
		t.Errorf("the overview says ahead while most areas are behind: %s", d1.Overview())
	}

	e.clock = time.Date(2021, 7, 15, 9, 0, 0, 0, beijing)
	e.issueNotices(t)
	second, d2, err := e.svc.Create(ctx, e.supervisor, e.planID, "2021-07", duban.MustDate("2021-07-15"))
	if err != nil {
		t.Fatal(err)
	}
	if second.Number != "二七督〔2021〕2号" || d2.Changes == nil || d2.Changes.PreviousPeriod != "2021-06" {
		t.Fatalf("second bulletin %+v, changes %+v", second, d2.Changes)
	}
	if len(d2.Changes.Lights) == 0 || len(d2.Changes.Moves) == 0 || d2.Notices.Issued == 0 {
		t.Fatalf("second bulletin shows no change: %d lights, %d moves, %d notices",
			len(d2.Changes.Lights), len(d2.Changes.Moves), d2.Notices.Issued)
	}
	var html2 bytes.Buffer
	if err := bulletin.HTML(&html2, d2); err != nil {
		t.Fatal(err)
	}
	golden(t, "erqi-2021-07.golden.html", html2.Bytes())
	golden(t, "erqi-2021-07.golden.txt", bulletinText(d2))

	// The stored data renders the same document again.
	_, loaded, err := e.svc.Load(ctx, second.ID)
	if err != nil {
		t.Fatal(err)
	}
	var again bytes.Buffer
	if err := bulletin.HTML(&again, loaded); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(again.Bytes(), html2.Bytes()) {
		t.Fatal("a stored bulletin renders differently from the one just built")
	}
	for _, want := range []string{"二七督〔2021〕2号", "2021年7月15日", "与2021年6月通报相比", "上升", "好转"} {
		if !strings.Contains(html2.String(), want) {
			t.Errorf("second bulletin lacks %q", want)
		}
	}
}

// bulletinText is the bulletin's sentences, one a line, for a golden file
// a reviewer can read.
func bulletinText(d *bulletin.Data) []byte {
	lines := []string{d.Title(), d.Opening(), d.Overview(), d.HowLine()}
	lines = append(lines, d.AreaLines()...)
	lines = append(lines, d.NoticeLine(), d.RankingIntro(), d.ChangesLine())
	return []byte(strings.Join(lines, "\n") + "\n")
}
