package bulletin_test

import (
	"archive/zip"
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/duban-dev/duban/bulletin"
)

// artefacts is $DUBAN_ARTIFACTS/bulletin, or a temporary directory.
func artefacts(t *testing.T) string {
	t.Helper()
	dir := os.Getenv("DUBAN_ARTIFACTS")
	if dir == "" {
		return t.TempDir()
	}
	dir = filepath.Join(dir, "bulletin")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

// docxPart reads one part of a DOCX package.
func docxPart(t *testing.T, docx []byte, name string) string {
	t.Helper()
	z, err := zip.NewReader(bytes.NewReader(docx), int64(len(docx)))
	if err != nil {
		t.Fatal(err)
	}
	f, err := z.Open(name)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	defer f.Close()
	b, _ := io.ReadAll(f)
	return string(b)
}

// TestDOCXNamesFangSong: the body is set in 仿宋, and the font table names
// the faces a word processor may use in its place.
func TestDOCXNamesFangSong(t *testing.T) {
	var buf bytes.Buffer
	if err := bulletin.DOCX(&buf, juneBulletin(t)); err != nil {
		t.Fatal(err)
	}
	styles, fonts := docxPart(t, buf.Bytes(), "word/styles.xml"), docxPart(t, buf.Bytes(), "word/fontTable.xml")
	if !strings.Contains(styles, `w:eastAsia="仿宋"`) {
		t.Errorf("the body font is not 仿宋: %.300s", styles)
	}
	for _, face := range []string{`w:name="仿宋"`, `w:val="FangSong"`, `w:name="仿宋_GB2312"`, `w:name="STFangsong"`} {
		if !strings.Contains(fonts, face) {
			t.Errorf("the font table lacks %s", face)
		}
	}
	doc := docxPart(t, buf.Bytes(), "word/document.xml")
	for _, want := range []string{`<w:footerReference w:type="default" r:id="rId2"/>`, `<w:tblGrid><w:gridCol`, `<w:tblLayout w:type="fixed"/>`, `<w:noBreakHyphen/>`} {
		if !strings.Contains(doc, want) {
			t.Errorf("document.xml lacks %s", want)
		}
	}
	if f := docxPart(t, buf.Bytes(), "word/footer1.xml"); !strings.Contains(f, "PAGE") {
		t.Errorf("the footer has no page number: %s", f)
	}
}

// TestDOCXPrintsWithLibreOffice converts the June bulletin's DOCX to PDF
// with LibreOffice and reads it back laid out: every page has its number
// in the footer, and no percentage or date of the tables is broken across
// lines. It keeps the PDF and PNGs of its pages as artefacts and logs the
// fonts LibreOffice embedded.
func TestDOCXPrintsWithLibreOffice(t *testing.T) {
	for _, tool := range []string{"soffice", "pdftotext", "pdfinfo", "pdffonts", "pdftoppm"} {
		needTool(t, tool)
	}
	d := juneBulletin(t)
	var buf bytes.Buffer
	if err := bulletin.DOCX(&buf, d); err != nil {
		t.Fatal(err)
	}
	dir, tmp := artefacts(t), t.TempDir()
	docx := filepath.Join(dir, "bulletin-2021-06.docx")
	if err := os.WriteFile(docx, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	out, err := exec.CommandContext(ctx, "soffice", "-env:UserInstallation=file://"+filepath.Join(tmp, "profile"),
		"--headless", "--convert-to", "pdf", "--outdir", dir, docx).CombinedOutput()
	if err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	pdf := strings.TrimSuffix(docx, ".docx") + ".pdf"
	pages := pdfPages(t, pdf)
	text := run(t, "pdftotext", "-layout", pdf, "-")
	sheets := strings.Split(strings.TrimRight(text, "\f"), "\f")
	if len(sheets) != pages || pages < 3 {
		t.Fatalf("%d pages of text for %d pages", len(sheets), pages)
	}
	for i, s := range sheets {
		if want := fmt.Sprintf(`—\s*%d\s*—`, i+1); !regexp.MustCompile(want).MatchString(s) {
			t.Errorf("page %d has no page number — %d — in its footer", i+1, i+1)
		}
	}
	for _, v := range tableValues(d) {
		if !regexp.MustCompile(`(^|[^0-9.])` + regexp.QuoteMeta(v) + `($|[^0-9%])`).MatchString(text) {
			t.Errorf("%q is broken across lines (or missing) in the PDF", v)
		}
	}
	fonts := run(t, "pdffonts", pdf)
	t.Logf("LibreOffice embedded:\n%s", fonts)
	if !regexp.MustCompile(`(?m)^\S+\+\S+`).MatchString(fonts) {
		t.Errorf("no embedded font: %s", fonts)
	}
	run(t, "pdftoppm", "-r", "60", "-png", pdf, filepath.Join(dir, "bulletin-2021-06-page"))
}

// tableValues are the percentages and dates the DOCX tables print.
func tableValues(d *bulletin.Data) []string {
	var out []string
	for _, r := range d.Ranking.Rows {
		out = append(out, fmt.Sprintf("%.1f%%", r.Completion*100), fmt.Sprintf("%.1f%%", r.OnTime*100))
	}
	for _, it := range append(append([]bulletin.Item{}, d.Red...), d.Overdue...) {
		out = append(out, fmt.Sprintf("%.1f%%", it.Actual*100), fmt.Sprintf("%.1f%%", it.Expected*100))
		if !it.Deadline.IsZero() {
			out = append(out, it.Deadline.String())
		}
	}
	return out
}

func pdfPages(t *testing.T, pdf string) int {
	t.Helper()
	m := regexp.MustCompile(`(?m)^Pages:\s+(\d+)`).FindStringSubmatch(run(t, "pdfinfo", pdf))
	if m == nil {
		t.Fatal("pdfinfo: no page count")
	}
	n, _ := strconv.Atoi(m[1])
	return n
}

func run(t *testing.T, name string, args ...string) string {
	t.Helper()
	out, err := exec.Command(name, args...).Output()
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return string(out)
}

// TestPDFSaysWhichFace prints the bulletin with Chromium and checks that
// the faces the product reports are the ones pdffonts finds, and that the
// report says whether a 仿宋 face was used (fc-match tells whether one is
// installed here).
func TestPDFSaysWhichFace(t *testing.T) {
	needTool(t, "pdffonts")
	needTool(t, "fc-match")
	if _, err := bulletin.FindChromium(); err != nil {
		needTool(t, "chromium")
	}
	var pdf bytes.Buffer
	if err := bulletin.PDF(context.Background(), &pdf, juneBulletin(t)); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(artefacts(t), "bulletin-2021-06-chromium.pdf")
	if err := os.WriteFile(path, pdf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	faces := bulletin.PDFFaces(pdf.Bytes())
	listed := run(t, "pdffonts", path)
	if len(faces) == 0 {
		t.Fatalf("no faces found; pdffonts says:\n%s", listed)
	}
	for _, f := range faces {
		if !strings.Contains(listed, "+"+f) {
			t.Errorf("face %q is not in pdffonts' list:\n%s", f, listed)
		}
	}
	report := bulletin.FontReport(faces)
	installed := strings.Contains(strings.ToLower(run(t, "fc-match", "FangSong")), "fang")
	if got := strings.HasPrefix(report, "正文字体："); got != installed {
		t.Errorf("report %q, but a 仿宋 face installed: %v", report, installed)
	}
	t.Log(report)
	want := "; fangsong=no"
	if installed {
		want = "; fangsong=yes"
	}
	if h := bulletin.FontHeader(pdf.Bytes()); h != strings.Join(faces, ", ")+want {
		t.Errorf("X-Duban-Fonts %q, want the faces and %q", h, want)
	}
}
