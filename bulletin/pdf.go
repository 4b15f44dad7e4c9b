package bulletin

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"time"

	"github.com/duban-dev/duban"
)

// chromiumNames are the executables tried, in order, when DUBAN_CHROMIUM
// does not name one.
var chromiumNames = []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"}

// FindChromium returns the path of a headless-capable Chromium, or an error
// that says how to install one.
func FindChromium() (string, error) {
	if p := os.Getenv("DUBAN_CHROMIUM"); p != "" {
		return exec.LookPath(p)
	}
	for _, name := range chromiumNames {
		if p, err := exec.LookPath(name); err == nil {
			return p, nil
		}
	}
	return "", duban.Errorf(duban.EINTERNAL,
		"未找到 Chromium，无法生成 PDF；请安装 chromium 软件包或设置 DUBAN_CHROMIUM (chromium not found: install the chromium package or set DUBAN_CHROMIUM)")
}

// pdfTimeout bounds one print; Chromium starts in about half a second.
const pdfTimeout = 90 * time.Second

// PDF renders the bulletin's HTML and prints it to PDF with headless
// Chromium (A4, the page's own margins, no browser header or footer).
func PDF(ctx context.Context, w io.Writer, d *Data) error {
	var page bytes.Buffer
	if err := HTML(&page, d); err != nil {
		return err
	}
	return PrintPDF(ctx, w, page.Bytes())
}

// PrintPDF prints a self-contained HTML page (no external resources) to
// PDF with headless Chromium, as PDF does for bulletins; other printable
// documents (督办单) use it too.
func PrintPDF(ctx context.Context, w io.Writer, page []byte) error {
	bin, err := FindChromium()
	if err != nil {
		return err
	}
	dir, err := os.MkdirTemp("", "duban-pdf-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	in, out := filepath.Join(dir, "page.html"), filepath.Join(dir, "page.pdf")
	if err := os.WriteFile(in, page, 0o600); err != nil {
		return err
	}
	ctx, cancel := context.WithTimeout(ctx, pdfTimeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, "--headless", "--no-sandbox", "--disable-gpu",
		"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
		"--user-data-dir="+filepath.Join(dir, "profile"), "--no-pdf-header-footer", "--print-to-pdf="+out,
		"file://"+in)
	var stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stderr, &stderr
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("bulletin: chromium print-to-pdf: %w: %s", err, tail(stderr.Bytes(), 500))
	}
	f, err := os.Open(out)
	if err != nil {
		return fmt.Errorf("bulletin: chromium wrote no PDF: %w: %s", err, tail(stderr.Bytes(), 500))
	}
	defer f.Close()
	_, err = io.Copy(w, f)
	return err
}

func tail(b []byte, n int) string {
	if len(b) > n {
		b = b[len(b)-n:]
	}
	return string(b)
}
