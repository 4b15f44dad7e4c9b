package xlsx_test

import (
	"context"
	"encoding/csv"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"
)

// TestLibreOfficeReadsExport proves a real spreadsheet program opens the
// exported workbook: LibreOffice converts its first sheet to CSV, which must
// hold every node's row with the Chinese intact.
func TestLibreOfficeReadsExport(t *testing.T) {
	bin, err := exec.LookPath("libreoffice")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("libreoffice is not installed; .ci/run installs libreoffice-calc")
		}
		t.Skip("libreoffice not installed")
	}
	fx := newFixture(t)
	_, data := fx.export(t)
	dir := t.TempDir()
	book := filepath.Join(dir, "plan.xlsx")
	if err := os.WriteFile(book, data, 0o644); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	// 44,34,76: comma-separated, double quotes, UTF-8; the last token saves
	// cells as shown.
	cmd := exec.CommandContext(ctx, bin, "-env:UserInstallation=file://"+filepath.Join(dir, "profile"),
		"--headless", "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true",
		"--outdir", dir, book)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("libreoffice: %v\n%s", err, out)
	}
	f, err := os.Open(filepath.Join(dir, "plan.csv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.FieldsPerRecord = -1
	recs, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != len(fx.bundle.Nodes)+1 || recs[0][0] != "编号" || recs[0][13] != "状态" {
		t.Fatalf("csv has %d rows, header %v; want %d rows", len(recs), recs[0], len(fx.bundle.Nodes)+1)
	}
	for i, n := range fx.bundle.Nodes {
		rec := recs[i+1]
		if rec[0] != n.Code || rec[2] != n.Title {
			t.Fatalf("csv row %d = %q %q, want %q %q", i+2, rec[0], rec[2], n.Code, n.Title)
		}
		if !n.Deadline.IsZero() && rec[9] != n.Deadline.String() {
			t.Fatalf("csv row %d deadline %q, want %s", i+2, rec[9], n.Deadline)
		}
	}
}
