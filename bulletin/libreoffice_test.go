package bulletin_test

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/duban-dev/duban/bulletin"
)

// TestLibreOfficeReadsDOCX proves a real word processor opens the DOCX we
// write by hand: LibreOffice Writer converts it to plain text, which must
// hold the title, the document number and a ranked unit.
func TestLibreOfficeReadsDOCX(t *testing.T) {
	bin, err := exec.LookPath("libreoffice")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("libreoffice is not installed; .ci/run installs libreoffice-writer")
		}
		t.Skip("libreoffice not installed")
	}
	d := juneBulletin(t)
	var buf bytes.Buffer
	if err := bulletin.DOCX(&buf, d); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	doc := filepath.Join(dir, "bulletin.docx")
	if err := os.WriteFile(doc, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, "-env:UserInstallation=file://"+filepath.Join(dir, "profile"),
		"--headless", "--convert-to", "txt:Text (encoded):UTF8", "--outdir", dir, doc)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("libreoffice: %v\n%s", err, out)
	}
	text, err := os.ReadFile(filepath.Join(dir, "bulletin.txt"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{d.Title(), "二七督〔2021〕1号"} {
		if !strings.Contains(string(text), want) {
			t.Errorf("LibreOffice's text lacks %q; it starts %.300q", want, text)
		}
	}
}
