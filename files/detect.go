package files

import (
	"archive/zip"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
)

// The Office types, recognised as zip archives holding the part each
// format requires.
const (
	TypeDOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
	TypeXLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
)

var sniffed = map[string]bool{
	"image/jpeg": true, "image/png": true, "image/webp": true, "image/gif": true, "application/pdf": true,
}

var office = map[string]struct{ contentType, part string }{
	".docx": {TypeDOCX, "word/document.xml"},
	".xlsx": {TypeXLSX, "xl/workbook.xml"},
}

// detect returns the content type of the n bytes in f, named name, or an
// EINVALID error on field "file" for a type that is not accepted.
func detect(f *os.File, n int64, name string) (string, error) {
	head := make([]byte, 512)
	k, err := f.ReadAt(head, 0)
	if err != nil && err != io.EOF {
		return "", err
	}
	ct := http.DetectContentType(head[:k])
	if sniffed[ct] {
		return ct, nil
	}
	if ct == "application/zip" {
		if o, ok := office[strings.ToLower(filepath.Ext(name))]; ok && zipHas(f, n, o.part) {
			return o.contentType, nil
		}
	}
	return "", fileError("只接受 JPEG、PNG、WebP、GIF、PDF、DOCX、XLSX 文件 (unsupported file type " + ct + ")")
}

func zipHas(f *os.File, n int64, part string) bool {
	zr, err := zip.NewReader(f, n)
	if err != nil {
		return false
	}
	for _, zf := range zr.File {
		if zf.Name == part {
			return true
		}
	}
	return false
}
