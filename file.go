package duban

import (
	"context"
	"io"
	"time"
)

// File is an uploaded attachment. Its ID is the hex SHA-256 of its bytes,
// so the same content is stored once whatever it is called.
type File struct {
	ID          string    `json:"id"`
	Name        string    `json:"name"`
	ContentType string    `json:"content_type"`
	Size        int64     `json:"size"`
	UploadedBy  string    `json:"uploaded_by"`
	UploadedAt  time.Time `json:"uploaded_at"`
}

// Attachment is a file as a report lists it.
type Attachment struct {
	ID          string `json:"id"`
	Name        string `json:"name"`
	ContentType string `json:"content_type"`
	Size        int64  `json:"size"`
}

// FileService keeps uploaded files: their bytes and their metadata.
type FileService interface {
	// SaveFile checks the type and size of the bytes read from r and
	// stores them; saving the same bytes again returns the stored file.
	SaveFile(ctx context.Context, actor *User, name string, r io.Reader) (*File, error)
	// OpenFile returns a file and its bytes (an io.ReadSeeker too);
	// ENOTFOUND if there is none. The caller closes the reader.
	OpenFile(ctx context.Context, id string) (*File, io.ReadCloser, error)
}

// FileIndex stores the metadata of files whose bytes are kept elsewhere.
type FileIndex interface {
	// CreateFile records a file unless one with its ID exists, and
	// returns the stored record.
	CreateFile(ctx context.Context, f *File) (*File, error)
	FindFile(ctx context.Context, id string) (*File, error)
}

// CanUpload reports whether the user may upload attachments: everyone who
// writes reports or reviews them, not leaders or the public.
func CanUpload(u *User) bool {
	return u != nil && (u.Role == RoleAdmin || u.Role == RoleSupervisor || u.Role == RoleReporter)
}
