package bulletin_test

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/xml"
	"image/png"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/duban-dev/duban"
	"github.com/duban-dev/duban/bulletin"
)

// juneBulletin is the demo plan's first bulletin.
func juneBulletin(t *testing.T) *bulletin.Data {
	t.Helper()
	e := mustErqi(t)
	_, d, err := e.svc.Create(context.Background(), e.supervisor, e.planID, "2021-06", duban.Date{})
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// needTool fails under CI and skips elsewhere when a tool is missing.
func needTool(t *testing.T, name string) {
	t.Helper()
	if _, err := exec.LookPath(name); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("%s is required in CI (.ci/run installs it): %v", name, err)
		}
		t.Skipf("%s not installed", name)
	}
}

// wantPDFPages is how many A4 pages the June bulletin of the demo plan
// prints on (with the fonts .ci/run installs).
const wantPDFPages = 6

func TestPDFPagesAreNotBlank(t *testing.T) {
	needTool(t, "pdftoppm")
	if _, err := bulletin.FindChromium(); err != nil {
		needTool(t, "chromium")
	}
	d := juneBulletin(t)
	var pdf bytes.Buffer
	if err := bulletin.PDF(context.Background(), &pdf, d); err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(pdf.Bytes(), []byte("%PDF-")) {
		t.Fatalf("not a PDF: %q", pdf.Bytes()[:min(20, pdf.Len())])
	}
	dir := t.TempDir()
	in := filepath.Join(dir, "b.pdf")
	if err := os.WriteFile(in, pdf.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command("pdftoppm", "-r", "30", "-png", in, filepath.Join(dir, "page")).CombinedOutput(); err != nil {
		t.Fatalf("pdftoppm: %v\n%s", err, out)
	}
	pages, _ := filepath.Glob(filepath.Join(dir, "page-*.png"))
	if len(pages) != wantPDFPages {
		t.Errorf("%d pages, want %d", len(pages), wantPDFPages)
	}
	for _, p := range pages {
		if n := inkedPixels(t, p); n < 500 {
			t.Errorf("%s is nearly blank: %d non-white pixels", filepath.Base(p), n)
		}
	}
	first := inkedPixels(t, pages[0])
	t.Logf("%d pages; page 1 has %d non-white pixels", len(pages), first)
}

// inkedPixels counts the pixels of a PNG that are not (nearly) white.
func inkedPixels(t *testing.T, path string) int {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			r, g, bl, _ := img.At(x, y).RGBA()
			if r < 0xE000 || g < 0xE000 || bl < 0xE000 {
				n++
			}
		}
	}
	return n
}

func TestPDFWithoutChromium(t *testing.T) {
	t.Setenv("DUBAN_CHROMIUM", "/nonexistent/chromium")
	err := bulletin.PDF(context.Background(), io.Discard, &bulletin.Data{})
	if err == nil {
		t.Fatal("no error without Chromium")
	}
	if _, err := bulletin.FindChromium(); err == nil {
		t.Fatal("FindChromium found a missing binary")
	}
	t.Setenv("DUBAN_CHROMIUM", "")
	t.Setenv("PATH", t.TempDir())
	_, err = bulletin.FindChromium()
	if err == nil || !strings.Contains(err.Error(), "未找到 Chromium") {
		t.Fatalf("error = %v, want one that says Chromium is missing", err)
	}
}

func TestDOCXReopens(t *testing.T) {
	d := juneBulletin(t)
	var buf bytes.Buffer
	if err := bulletin.DOCX(&buf, d); err != nil {
		t.Fatal(err)
	}
	z, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		t.Fatal(err)
	}
	parts := map[string]string{}
	for _, f := range z.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(rc)
		rc.Close()
		parts[f.Name] = string(b)
	}
	for _, name := range []string{"[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/styles.xml"} {
		if parts[name] == "" {
			t.Fatalf("missing part %s", name)
		}
		if err := xml.Unmarshal([]byte(parts[name]), new(any)); err != nil && !strings.Contains(err.Error(), "unknown") {
			t.Fatalf("%s is not well-formed XML: %v", name, err)
		}
	}
	paras, rows := wordText(t, parts["word/document.xml"])
	if !contains(paras, d.Title()) || !contains(paras, "二七督〔2021〕1号") {
		t.Errorf("document lacks the title or number; paragraphs start %q", paras[:min(6, len(paras))])
	}
	top := d.Ranking.Rows[0]
	want := []string{"1", top.Name}
	found := false
	for _, r := range rows {
		if len(r) > 2 && r[0] == want[0] && r[1] == want[1] {
			found = true
		}
	}
	if !found {
		t.Errorf("no ranking row %q among %d table rows", want, len(rows))
	}
}

// wordText reads the paragraphs' text and the table rows' cell texts.
func wordText(t *testing.T, doc string) (paras []string, rows [][]string) {
	t.Helper()
	dec := xml.NewDecoder(strings.NewReader(doc))
	var text strings.Builder
	var row []string
	inCell := false
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return paras, rows
		}
		if err != nil {
			t.Fatalf("document.xml: %v", err)
		}
		switch e := tok.(type) {
		case xml.StartElement:
			switch e.Name.Local {
			case "p":
				text.Reset()
			case "tr":
				row = nil
			case "tc":
				inCell = true
			}
		case xml.CharData:
			text.Write(e)
		case xml.EndElement:
			switch e.Name.Local {
			case "p":
				if inCell {
					row = append(row, text.String())
				} else {
					paras = append(paras, text.String())
				}
			case "tc":
				inCell = false
			case "tr":
				rows = append(rows, row)
			}
		}
	}
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

func TestXLSXReopens(t *testing.T) {
	d := juneBulletin(t)
	var buf bytes.Buffer
	if err := bulletin.XLSX(&buf, d); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sheets := f.GetSheetList()
	for _, want := range []string{"概况", "分领域", "滞后事项", "争先排名"} {
		if !contains(sheets, want) {
			t.Fatalf("sheets %v lack %s", sheets, want)
		}
	}
	if v, _ := f.GetCellValue("概况", "A1"); v != d.Title() {
		t.Errorf("title cell = %q", v)
	}
	rows, err := f.GetRows("争先排名")
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != len(d.Ranking.Rows)+1 || rows[0][1] != "责任单位" || rows[1][1] != d.Ranking.Rows[0].Name {
		t.Fatalf("ranking sheet rows = %v", rows[:min(3, len(rows))])
	}
	if v, _ := f.GetCellValue("争先排名", "I2", excelize.Options{RawCellValue: true}); v != "100" {
		t.Errorf("top score cell = %q, want the number 100", v)
	}
	if v, _ := f.GetCellValue("分领域", "C2", excelize.Options{RawCellValue: true}); !strings.HasPrefix(v, "0.") {
		t.Errorf("progress cell = %q, want a fraction under a percent format", v)
	}
}
