package xlsx_test

import (
	"archive/zip"
	"bytes"
	"context"
	"fmt"
	"runtime"
	"testing"

	"github.com/duban-dev/duban"
	"github.com/duban-dev/duban/xlsx"
)

// zipBomb is a workbook-shaped zip whose sheet unpacks to size bytes of
// one repeated character.
func zipBomb(t testing.TB, size int) []byte {
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	w, err := zw.Create("xl/worksheets/sheet1.xml")
	if err != nil {
		t.Fatal(err)
	}
	chunk := bytes.Repeat([]byte(" "), 1<<20)
	for n := 0; n < size; n += len(chunk) {
		w.Write(chunk)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestUploadRefusesAZipBombUnread: a workbook that would unpack to 200 MB
// is refused from its zip directory, allocating little.
func TestUploadRefusesAZipBombUnread(t *testing.T) {
	fx := newFixture(t)
	bomb := zipBomb(t, 200<<20)
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	_, err := fx.svc.UploadReports(context.Background(), bytes.NewReader(bomb), fx.user(t, "admin"), asOf)
	runtime.ReadMemStats(&after)
	if duban.ErrorCode(err) != duban.ETOOLARGE {
		t.Fatalf("err = %v, want too_large", err)
	}
	if grew := after.TotalAlloc - before.TotalAlloc; grew > 16<<20 {
		t.Errorf("refusing a %d KB bomb allocated %d MB", len(bomb)>>10, grew>>20)
	}
}

// TestUploadRefusesMoreRowsThanABatch: a template of 10 001 rows is
// refused as a whole, naming the bound, and nothing is written.
func TestUploadRefusesMoreRowsThanABatch(t *testing.T) {
	fx := newFixture(t)
	unit, _ := monthlyUnit(t, fx)
	f := fx.template(t, unit, "2021-07")
	rows, _ := f.GetRows(xlsx.SheetTemplate)
	first := rows[1]
	for r := len(rows) + 1; r <= xlsx.MaxUploadRows+2; r++ {
		row := make([]any, len(first))
		for i, v := range first {
			row[i] = v
		}
		if err := f.SetSheetRow(xlsx.SheetTemplate, fmt.Sprintf("A%d", r), &row); err != nil {
			t.Fatal(err)
		}
	}
	ctx := context.Background()
	_, before, _ := fx.db.ListReportsFiltered(ctx, duban.ReportFilter{Page: duban.Page{PerPage: 1}.Normalize()})
	_, err := fx.svc.UploadReports(ctx, bytes.NewReader(saveBook(t, f)), fx.user(t, unit), asOf)
	if duban.ErrorCode(err) != duban.ETOOLARGE || !bytes.Contains([]byte(err.Error()), []byte("10000")) {
		t.Fatalf("err = %v, want too_large naming 10000", err)
	}
	if _, after, _ := fx.db.ListReportsFiltered(ctx, duban.ReportFilter{Page: duban.Page{PerPage: 1}.Normalize()}); after != before {
		t.Fatalf("%d reports were written", after-before)
	}
}
