package files

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"hash"
	"io"
	"os"
	"path/filepath"

	"github.com/duban-dev/duban"
)

// upload is a received file in a temporary file beside its final place.
type upload struct {
	path, id, contentType string
	size                  int64
}

// receive copies r to a temporary file while hashing it, then checks its
// size and type. On error the temporary file is removed.
func (s *Store) receive(r io.Reader, name string) (*upload, error) {
	f, err := os.CreateTemp(s.root, ".upload-*")
	if err != nil {
		return nil, fmt.Errorf("files: %w", err)
	}
	u := &upload{path: f.Name()}
	if err := s.fill(f, r, name, u); err != nil {
		f.Close()
		os.Remove(u.path)
		return nil, err
	}
	if err := f.Close(); err != nil {
		os.Remove(u.path)
		return nil, fmt.Errorf("files: %w", err)
	}
	return u, nil
}

func (s *Store) fill(f *os.File, r io.Reader, name string, u *upload) error {
	h := sha256.New()
	n, err := io.Copy(io.MultiWriter(f, h), io.LimitReader(r, s.maxSize+1))
	if err != nil {
		return fmt.Errorf("files: receive: %w", err)
	}
	switch {
	case n > s.maxSize:
		return &duban.Error{Code: duban.ETOOLARGE, Message: fmt.Sprintf("附件超过 %d MB (file larger than %d MB)",
			s.maxSize>>20, s.maxSize>>20), Fields: []duban.FieldError{{Field: "file", Message: "文件过大 (too large)"}}}
	case n == 0:
		return fileError("文件为空 (the file is empty)")
	}
	u.size, u.id = n, hexSum(h)
	if u.contentType, err = detect(f, n, name); err != nil {
		return err
	}
	return f.Sync()
}

func hexSum(h hash.Hash) string { return hex.EncodeToString(h.Sum(nil)) }

// keep moves the upload to its content address unless the same bytes are
// already there.
func (s *Store) keep(u *upload) error {
	final := s.path(u.id)
	if _, err := os.Stat(final); err == nil {
		return nil
	}
	dir := filepath.Dir(final)
	if err := os.MkdirAll(dir, 0o750); err != nil {
		return fmt.Errorf("files: %w", err)
	}
	if err := os.Rename(u.path, final); err != nil {
		return fmt.Errorf("files: %w", err)
	}
	return syncDir(dir)
}

// syncDir makes a rename in dir durable.
func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return fmt.Errorf("files: %w", err)
	}
	defer d.Close()
	if err := d.Sync(); err != nil {
		return fmt.Errorf("files: sync %s: %w", dir, err)
	}
	return nil
}
