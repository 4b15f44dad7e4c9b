// Package files keeps uploaded attachments: the bytes content-addressed on
// disk under the data directory (DIR/files/ab/abcdef…, named by their
// SHA-256), the metadata in a duban.FileIndex. Only image, PDF and Office
// types are accepted, recognised by their bytes, not by what the client says.
package files

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/duban-dev/duban"
)

// DefaultMaxSize is the largest file accepted unless configured otherwise.
const DefaultMaxSize = 10 << 20

// Config says where files live and how large they may be.
type Config struct {
	Dir     string // the data directory; files go under Dir/files
	MaxSize int64  // bytes; DefaultMaxSize when zero
	Index   duban.FileIndex
}

// Store implements duban.FileService.
type Store struct {
	root    string
	maxSize int64
	index   duban.FileIndex
}

var _ duban.FileService = (*Store)(nil)

// New creates the file directory if needed.
func New(cfg Config) (*Store, error) {
	if cfg.MaxSize <= 0 {
		cfg.MaxSize = DefaultMaxSize
	}
	root := filepath.Join(cfg.Dir, "files")
	if err := os.MkdirAll(root, 0o750); err != nil {
		return nil, fmt.Errorf("files: %w", err)
	}
	return &Store{root: root, maxSize: cfg.MaxSize, index: cfg.Index}, nil
}

// MaxSize is the largest file accepted, in bytes.
func (s *Store) MaxSize() int64 { return s.maxSize }

// SaveFile checks the bytes read from r and stores them under their hash;
// the same bytes are kept once. Nothing is kept when a check fails.
func (s *Store) SaveFile(ctx context.Context, actor *duban.User, name string, r io.Reader) (*duban.File, error) {
	if actor == nil {
		return nil, duban.Errorf(duban.EUNAUTHORIZED, "请先登录 (sign in first)")
	}
	if !duban.CanUpload(actor) {
		return nil, duban.Errorf(duban.EFORBIDDEN, "当前角色不能上传附件 (your role may not upload files)")
	}
	name = cleanName(name)
	if name == "" {
		return nil, fileError("须有文件名 (the file needs a name)")
	}
	tmp, err := s.receive(r, name)
	if err != nil {
		return nil, err
	}
	defer os.Remove(tmp.path) // gone after the rename; removes a refused upload
	if err := s.keep(tmp); err != nil {
		return nil, err
	}
	return s.index.CreateFile(ctx, &duban.File{ID: tmp.id, Name: name, ContentType: tmp.contentType,
		Size: tmp.size, UploadedBy: actor.Username})
}

// OpenFile returns a file's metadata and its bytes, an *os.File.
func (s *Store) OpenFile(ctx context.Context, id string) (*duban.File, io.ReadCloser, error) {
	if !validID(id) {
		return nil, nil, duban.Errorf(duban.ENOTFOUND, "文件不存在 (file not found): %.80s", id)
	}
	f, err := s.index.FindFile(ctx, id)
	if err != nil {
		return nil, nil, err
	}
	rc, err := os.Open(s.path(id))
	if err != nil {
		return nil, nil, fmt.Errorf("files: open %s: %w", id, err)
	}
	return f, rc, nil
}

func (s *Store) path(id string) string { return filepath.Join(s.root, id[:2], id) }

func validID(id string) bool {
	if len(id) != sha256.Size*2 {
		return false
	}
	_, err := hex.DecodeString(id)
	return err == nil && strings.ToLower(id) == id
}

func fileError(msg string) error {
	return duban.Invalid("附件有误 (invalid file)", duban.FieldError{Field: "file", Message: msg})
}

// cleanName keeps the last path element of a client's file name, without
// control characters, at most 200 characters.
func cleanName(name string) string {
	if i := strings.LastIndexAny(name, `/\`); i >= 0 {
		name = name[i+1:]
	}
	name = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) || r == utf8.RuneError {
			return -1
		}
		return r
	}, name)
	name = strings.TrimSpace(name)
	if name == "." || name == ".." {
		return ""
	}
	if utf8.RuneCountInString(name) > 200 {
		name = string([]rune(name)[:200])
	}
	return name
}
