package xlsx

import (
	"archive/zip"
	"bytes"
	"fmt"

	"github.com/xuri/excelize/v2"

	"github.com/duban-dev/duban"
)

// Bounds on uploaded workbooks. An .xlsx is a zip of XML: 491 KB of it
// once unpacked to gigabytes, and an 11.7 MB report upload held a million
// rows. Both are refused before the workbook is read.
const (
	// MaxUploadBytes is the largest workbook read at all.
	MaxUploadBytes = 32 << 20
	// MaxReportUnzipped and MaxPlanUnzipped bound what a report template
	// and a plan workbook may unpack to, summed over the zip's entries.
	MaxReportUnzipped = 64 << 20
	MaxPlanUnzipped   = 512 << 20
	// MaxRatio bounds how many times larger than its compressed size an
	// entry over 1 MB may unpack to; spreadsheet XML rarely passes 20.
	MaxRatio = 200
	// MaxUploadRows is the most rows a report template may hold below its
	// header: the JSON batch's cap.
	MaxUploadRows = 10000
)

func tooLarge(msg string) error {
	return duban.Errorf(duban.ETOOLARGE, "%s", msg)
}

// checkZip reads the zip's central directory only and refuses a workbook
// that would unpack beyond maxUnzipped or at a bomb's ratio.
func checkZip(data []byte, maxUnzipped int64) error {
	if len(data) > MaxUploadBytes {
		return tooLarge(fmt.Sprintf("工作簿超过 %d MB (workbook larger than %d MB)", MaxUploadBytes>>20, MaxUploadBytes>>20))
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return duban.Invalid("无法读取工作簿，请上传 .xlsx 文件 (cannot read the workbook; upload an .xlsx file)",
			duban.FieldError{Field: "file", Message: "不是 zip 格式 (not a zip archive)"})
	}
	var total uint64
	for _, f := range zr.File {
		total += f.UncompressedSize64
		if f.UncompressedSize64 > 1<<20 && f.UncompressedSize64 > MaxRatio*max(f.CompressedSize64, 1) {
			return tooLarge(fmt.Sprintf("工作簿压缩比异常（%s 解压后 %d MB），疑似压缩炸弹 (an entry unpacks %d times its size: refused as a zip bomb)",
				f.Name, f.UncompressedSize64>>20, f.UncompressedSize64/max(f.CompressedSize64, 1)))
		}
	}
	if total > uint64(maxUnzipped) {
		return tooLarge(fmt.Sprintf("工作簿解压后 %d MB，超过上限 %d MB (workbook unpacks to %d MB, over the %d MB limit)",
			total>>20, maxUnzipped>>20, total>>20, maxUnzipped>>20))
	}
	return nil
}

// boundedRows streams a sheet's rows and stops with ETOOLARGE past max
// rows, so a sheet of a million rows is never held in memory.
func boundedRows(f *excelize.File, sheet string, max int) ([][]string, error) {
	rows, err := f.Rows(sheet)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var all [][]string
	for rows.Next() {
		if len(all) == max {
			return nil, tooLarge(fmt.Sprintf("填报表超过 %d 行，请分批上传 (the template holds more than %d rows; upload in parts)", max-1, max-1))
		}
		cols, err := rows.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			return nil, err
		}
		all = append(all, cols)
	}
	return all, rows.Error()
}
