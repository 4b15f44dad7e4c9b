package web

import (
	"errors"
	"io"
	"net/http"

	"github.com/duban-dev/duban"
	"github.com/duban-dev/duban/files"
)

func (s *Server) routesFiles() {
	s.handle("POST /api/v1/files", s.handleUploadFile)
	s.handle("GET /api/v1/files/{id}", s.handleDownloadFile)
}

// uploadOverhead is room for the multipart framing around the file.
const uploadOverhead = 64 << 10

// handleUploadFile streams the multipart field "file" into the file store.
func (s *Server) handleUploadFile(w http.ResponseWriter, r *http.Request) {
	u := s.requireRole(w, r, duban.CanUpload)
	if u == nil {
		return
	}
	r.Body = http.MaxBytesReader(w, r.Body, s.cfg.MaxUpload+uploadOverhead)
	name, part, err := filePart(r)
	if err == nil {
		var f *duban.File
		if f, err = s.cfg.Files.SaveFile(r.Context(), u, name, part); err == nil {
			writeJSON(w, http.StatusCreated, f)
			return
		}
	}
	var tooBig *http.MaxBytesError
	if errors.As(err, &tooBig) {
		err = duban.Errorf(duban.ETOOLARGE, "附件过大 (file too large)")
	}
	s.writeError(w, r, err)
}

// filePart finds the form field "file" and returns its file name and bytes.
func filePart(r *http.Request) (string, io.Reader, error) {
	mr, err := r.MultipartReader()
	if err != nil {
		return "", nil, duban.Invalid("须以 multipart/form-data 上传 (want a multipart/form-data body)",
			duban.FieldError{Field: "file", Message: err.Error()})
	}
	for {
		p, err := mr.NextPart()
		if err == io.EOF {
			return "", nil, duban.Invalid("缺少文件 (no file)", duban.FieldError{Field: "file", Message: "必填 (required)"})
		}
		if err != nil {
			var tooBig *http.MaxBytesError
			if errors.As(err, &tooBig) {
				return "", nil, err
			}
			return "", nil, duban.Invalid("请求体有误 (bad multipart body)", duban.FieldError{Field: "file", Message: err.Error()})
		}
		if p.FormName() == "file" {
			return p.FileName(), p, nil
		}
	}
}

// handleDownloadFile serves a file to signed-in users with its stored type,
// never a sniffed one. The id is the content hash, so the ETag never changes.
func (s *Server) handleDownloadFile(w http.ResponseWriter, r *http.Request) {
	u := s.requireUser(w, r)
	if u == nil {
		return
	}
	f, rc, err := s.cfg.Files.OpenFile(r.Context(), r.PathValue("id"))
	if err == nil {
		if err = s.mayReadFile(r, u, f); err != nil {
			rc.Close()
		}
	}
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	defer rc.Close()
	files.Serve(w, r, f, rc)
}

// mayReadFile answers ENOTFOUND, as for a missing file, unless u may read
// f: its uploader, or whoever may read a report that lists it.
func (s *Server) mayReadFile(r *http.Request, u *duban.User, f *duban.File) error {
	var units []string
	if fa, ok := s.cfg.Reports.(duban.FileAccess); ok {
		var err error
		if units, err = fa.FileReportUnits(r.Context(), f.ID); err != nil {
			return err
		}
	}
	if !duban.CanReadFile(u, f, units) {
		return duban.Errorf(duban.ENOTFOUND, "文件不存在 (file not found): %s", f.ID)
	}
	return nil
}
