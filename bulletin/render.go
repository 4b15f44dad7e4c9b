package bulletin

import (
	"context"
	"io"

	"github.com/duban-dev/duban"
)

// Formats lists the formats a bulletin renders to, with their media types.
var Formats = map[string]string{
	"html": "text/html; charset=utf-8",
	"pdf":  "application/pdf",
	"docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
	"xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}

// Render writes the bulletin in the format: html, pdf, docx or xlsx.
func Render(ctx context.Context, w io.Writer, format string, d *Data) error {
	switch format {
	case "html":
		return HTML(w, d)
	case "pdf":
		return PDF(ctx, w, d)
	case "docx":
		return DOCX(w, d)
	case "xlsx":
		return XLSX(w, d)
	}
	return duban.Invalid("格式无效 (unknown format)",
		duban.FieldError{Field: "format", Message: "须为 html、pdf、docx 或 xlsx (want html, pdf, docx or xlsx)"})
}

// Preview marks data that was built but not issued: it has no number yet.
func (d *Data) Preview(today duban.Date) {
	d.Number, d.Issued = "（预览稿，未编号）", today
}
