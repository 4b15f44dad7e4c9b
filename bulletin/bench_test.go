package bulletin_test

import (
	"context"
	"io"
	"testing"

	"github.com/duban-dev/duban"
	"github.com/duban-dev/duban/bulletin"
	"github.com/duban-dev/duban/tracker"
)

// BenchmarkBuildAndRenderHTML builds the demo plan's June bulletin from the
// store (a fresh evaluation each time) and renders its HTML.
func BenchmarkBuildAndRenderHTML(b *testing.B) {
	e := mustErqi(b)
	ctx := context.Background()
	for b.Loop() {
		svc := bulletin.NewService(e.db, tracker.NewService(e.db))
		d, err := svc.Prepare(ctx, e.planID, "2021-06", duban.Date{})
		if err != nil {
			b.Fatal(err)
		}
		if err := bulletin.HTML(io.Discard, d); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRenderPDF prints the June bulletin with headless Chromium.
func BenchmarkRenderPDF(b *testing.B) {
	e := mustErqi(b)
	d, err := e.svc.Prepare(context.Background(), e.planID, "2021-06", duban.Date{})
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if err := bulletin.PDF(context.Background(), io.Discard, d); err != nil {
			b.Fatal(err)
		}
	}
}
