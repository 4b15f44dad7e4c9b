package extract

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"strings"
	"unicode/utf8"
)

// maxDocxText bounds the text read out of a .docx: a small archive may
// unpack to far more (a zip bomb).
const maxDocxText = 64 << 20

var errDocxTooLarge = errors.New("docx text too large")

// readDocx reads the text of a Word .docx: each paragraph a line, each
// table row one line with its cells separated by tabs, so the row stays
// one clause of the plan (项目 | 目标 | 完成时限 | 牵头单位).
func readDocx(name string, b []byte) (string, error) {
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		return "", inputError(name, "是损坏的 ZIP/.docx 文件 (a damaged ZIP or .docx file)")
	}
	var doc *zip.File
	for _, f := range zr.File {
		switch f.Name {
		case "word/document.xml":
			doc = f
		case "xl/workbook.xml":
			return "", inputError(name, "是 Excel 工作簿，请用 duban plan import 文件.xlsx 或网页的工作簿导入 (an Excel workbook: import it with duban plan import FILE.xlsx)")
		}
	}
	if doc == nil {
		return "", inputError(name, "是 ZIP 文件但不是 Word .docx (a ZIP file but not a Word .docx)")
	}
	rc, err := doc.Open()
	if err != nil {
		return "", inputError(name, "无法打开其中的 word/document.xml (cannot open word/document.xml)")
	}
	defer rc.Close()
	text, err := docxText(rc)
	switch {
	case errors.Is(err, errDocxTooLarge):
		return "", inputError(name, "文字超过 64 MB (more than 64 MB of text)")
	case err != nil:
		return "", inputError(name, "word/document.xml 无法解析 (cannot parse word/document.xml): "+err.Error())
	}
	return text, nil
}

// docxText walks document.xml: w:t is text, w:tab a tab, w:br a line
// break, w:p ends a paragraph; inside a table cell paragraphs join with
// "；", and w:tr ends a row.
func docxText(r io.Reader) (string, error) {
	dec := xml.NewDecoder(io.LimitReader(r, 8*maxDocxText))
	var out strings.Builder
	var cell strings.Builder // the current cell's text
	var cells []string       // the current row's cells
	depth := 0               // table nesting
	inText := false
	write := func(s string) {
		if depth > 0 {
			cell.WriteString(s)
		} else {
			out.WriteString(s)
		}
	}
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return "", err
		}
		if out.Len()+cell.Len() > maxDocxText {
			return "", errDocxTooLarge
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "t":
				inText = true
			case "tab":
				write("\t")
			case "br", "cr":
				write("\n")
			case "tbl":
				depth++
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "t":
				inText = false
			case "p":
				if depth == 0 {
					out.WriteByte('\n')
				} else if s := cell.String(); s != "" && !isPunct(lastRune(s)) {
					cell.WriteString("；")
				}
			case "tc":
				if depth == 1 {
					cells = append(cells, strings.TrimSuffix(cell.String(), "；"))
					cell.Reset()
				}
			case "tr":
				if depth == 1 {
					out.WriteString(strings.Join(cells, "\t"))
					out.WriteByte('\n')
					cells = cells[:0]
				}
			case "tbl":
				depth--
				if depth == 0 {
					out.WriteByte('\n')
				}
			}
		case xml.CharData:
			if inText {
				write(string(t))
			}
		}
	}
	return out.String(), nil
}

func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}
