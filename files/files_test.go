package files_test

import (
	"archive/zip"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"image"
	"image/gif"
	"image/jpeg"
	"image/png"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/duban-dev/duban"
	"github.com/duban-dev/duban/files"
)

// memIndex is a duban.FileIndex in memory; the store package has its own
// tests of the SQL one.
type memIndex struct {
	mu    sync.Mutex
	files map[string]duban.File
}

func (m *memIndex) CreateFile(ctx context.Context, f *duban.File) (*duban.File, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if old, ok := m.files[f.ID]; ok {
		return &old, nil
	}
	m.files[f.ID] = *f
	return f, nil
}

func (m *memIndex) FindFile(ctx context.Context, id string) (*duban.File, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	f, ok := m.files[id]
	if !ok {
		return nil, duban.Errorf(duban.ENOTFOUND, "no file %s", id)
	}
	return &f, nil
}

var reporter = &duban.User{Username: "zjj", Role: duban.RoleReporter, UnitCode: "zjj"}

func newStore(t *testing.T, max int64) (*files.Store, string) {
	t.Helper()
	dir := t.TempDir()
	s, err := files.New(files.Config{Dir: dir, MaxSize: max, Index: &memIndex{files: map[string]duban.File{}}})
	if err != nil {
		t.Fatal(err)
	}
	return s, dir
}

func encoded(t *testing.T, enc func(io.Writer, image.Image) error) []byte {
	var b bytes.Buffer
	if err := enc(&b, image.NewRGBA(image.Rect(0, 0, 4, 4))); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func zipWith(t *testing.T, parts ...string) []byte {
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	for _, p := range parts {
		w, err := zw.Create(p)
		if err != nil {
			t.Fatal(err)
		}
		io.WriteString(w, "<x/>")
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestSaveFileTypes(t *testing.T) {
	s, _ := newStore(t, 0)
	pngBytes := encoded(t, png.Encode)
	jpegBytes := encoded(t, func(w io.Writer, m image.Image) error { return jpeg.Encode(w, m, nil) })
	gifBytes := encoded(t, func(w io.Writer, m image.Image) error { return gif.Encode(w, m, nil) })
	webp := append([]byte("RIFF\x1a\x00\x00\x00WEBPVP8 "), make([]byte, 16)...)
	docx := zipWith(t, "[Content_Types].xml", "word/document.xml")
	xlsx := zipWith(t, "[Content_Types].xml", "xl/workbook.xml")
	for _, tc := range []struct {
		name string
		data []byte
		want string // content type; "" when refused
	}{
		{"现场照片.png", pngBytes, "image/png"},
		{"photo.JPG", jpegBytes, "image/jpeg"},
		{"anim.gif", gifBytes, "image/gif"},
		{"a.webp", webp, "image/webp"},
		{"进展说明.pdf", []byte("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n"), "application/pdf"},
		{"报告.docx", docx, files.TypeDOCX},
		{"台账.XLSX", xlsx, files.TypeXLSX},
		{"pic.png.exe", []byte("MZ\x90\x00\x03\x00\x00\x00"), ""},
		{"notes.txt", []byte("进度说明"), ""},
		{"page.png", []byte("<html><script>alert(1)</script></html>"), ""},
		{"archive.zip", zipWith(t, "a.txt"), ""},
		{"fake.docx", zipWith(t, "a.txt"), ""},
		{"sheet.docx", xlsx, ""},
	} {
		f, err := s.SaveFile(context.Background(), reporter, tc.name, bytes.NewReader(tc.data))
		if tc.want == "" {
			if duban.ErrorCode(err) != duban.EINVALID || len(duban.ErrorFields(err)) != 1 || duban.ErrorFields(err)[0].Field != "file" {
				t.Errorf("%s: err %v, want EINVALID on field file", tc.name, err)
			}
			continue
		}
		if err != nil {
			t.Errorf("%s: %v", tc.name, err)
			continue
		}
		sum := sha256.Sum256(tc.data)
		if f.ContentType != tc.want || f.ID != hex.EncodeToString(sum[:]) || f.Size != int64(len(tc.data)) || f.Name != tc.name {
			t.Errorf("%s: got %+v, want type %s", tc.name, f, tc.want)
		}
	}
}

func TestSaveFileStoresContentOnce(t *testing.T) {
	s, dir := newStore(t, 0)
	data := encoded(t, png.Encode)
	a, err := s.SaveFile(context.Background(), reporter, `C:\照片\a.png`, bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	b, err := s.SaveFile(context.Background(), reporter, "b.png", bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	if a.ID != b.ID || b.Name != "a.png" {
		t.Fatalf("same bytes: %+v and %+v", a, b)
	}
	path := filepath.Join(dir, "files", a.ID[:2], a.ID)
	if got, err := os.ReadFile(path); err != nil || !bytes.Equal(got, data) {
		t.Fatalf("stored bytes at %s: %v", path, err)
	}
	entries, _ := os.ReadDir(filepath.Join(dir, "files"))
	if len(entries) != 1 {
		t.Fatalf("files dir holds %d entries, want the one shard directory (no temporary files left)", len(entries))
	}
	f, rc, err := s.OpenFile(context.Background(), a.ID)
	if err != nil {
		t.Fatal(err)
	}
	defer rc.Close()
	got, _ := io.ReadAll(rc)
	if !bytes.Equal(got, data) || f.ContentType != "image/png" {
		t.Fatalf("open: %+v, %d bytes", f, len(got))
	}
}

func TestSaveFileRefusals(t *testing.T) {
	s, dir := newStore(t, 1024)
	big := append(encoded(t, png.Encode), make([]byte, 1024)...)
	for _, tc := range []struct {
		name  string
		actor *duban.User
		file  string
		data  []byte
		code  string
	}{
		{"too large", reporter, "big.png", big, duban.ETOOLARGE},
		{"empty", reporter, "empty.png", nil, duban.EINVALID},
		{"no name", reporter, "../", encoded(t, png.Encode), duban.EINVALID},
		{"leader", &duban.User{Username: "lingdao", Role: duban.RoleReader}, "a.png", encoded(t, png.Encode), duban.EFORBIDDEN},
		{"public", nil, "a.png", encoded(t, png.Encode), duban.EUNAUTHORIZED},
	} {
		_, err := s.SaveFile(context.Background(), tc.actor, tc.file, bytes.NewReader(tc.data))
		if got := duban.ErrorCode(err); got != tc.code {
			t.Errorf("%s: code %q, want %q (%v)", tc.name, got, tc.code, err)
		}
	}
	entries, _ := os.ReadDir(filepath.Join(dir, "files"))
	if len(entries) != 0 {
		t.Fatalf("refused uploads left %d entries", len(entries))
	}
}

func TestOpenFileUnknown(t *testing.T) {
	s, _ := newStore(t, 0)
	for _, id := range []string{"", "../../etc/passwd", strings.Repeat("a", 64), strings.Repeat("A", 64)} {
		if _, _, err := s.OpenFile(context.Background(), id); duban.ErrorCode(err) != duban.ENOTFOUND {
			t.Errorf("%q: %v, want ENOTFOUND", id, err)
		}
	}
}
