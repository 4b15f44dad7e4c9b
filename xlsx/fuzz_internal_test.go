package xlsx

import (
	"bytes"
	"runtime"
	"testing"

	"github.com/xuri/excelize/v2"
)

// FuzzOpenWorkbook feeds arbitrary bytes to the upload path's reader: it
// must answer without panicking, and allocate no more than the report
// template's unpacked bound plus a multiple of the input.
func FuzzOpenWorkbook(f *testing.F) {
	book := excelize.NewFile()
	book.SetSheetName("Sheet1", SheetTemplate)
	book.SetSheetRow(SheetTemplate, "A1", &[]any{"指标ID", "报送期", "本期值"})
	book.SetSheetRow(SheetTemplate, "A2", &[]any{1, "2021-07", 3})
	var b bytes.Buffer
	book.WriteTo(&b)
	f.Add(b.Bytes())
	f.Add([]byte("PK\x03\x04 not a zip"))
	f.Fuzz(func(t *testing.T, data []byte) {
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		if book, err := openBook(bytes.NewReader(data), MaxReportUnzipped); err == nil {
			_, _ = boundedRows(book, SheetTemplate, MaxUploadRows+1)
			book.Close()
		}
		runtime.ReadMemStats(&after)
		if grew := after.TotalAlloc - before.TotalAlloc; grew > uint64(2*MaxReportUnzipped+64*len(data)) {
			t.Fatalf("%d bytes of input allocated %d MB", len(data), grew>>20)
		}
	})
}
