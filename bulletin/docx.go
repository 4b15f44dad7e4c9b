package bulletin

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"strings"
)

// DOCX writes the bulletin as a Word document. No Go DOCX library is both
// well kept and permissively licensed (gomutex/godocx's last release was
// 2024 and its forks are new; the others are work in progress or LGPL), so
// this is a minimal WordprocessingML package written with archive/zip and
// encoding/xml: A4 with the GB/T 9704 margins, the red masthead, the title,
// the sections as paragraphs and the tables as Word tables. The charts are
// left out; their figures are in the text and the tables.
func DOCX(w io.Writer, d *Data) error {
	var body bytes.Buffer
	doc := &docxWriter{b: &body}
	doc.content(d)
	z := zip.NewWriter(w)
	parts := []struct{ name, text string }{
		{"[Content_Types].xml", contentTypes},
		{"_rels/.rels", rootRels},
		{"word/_rels/document.xml.rels", documentRels},
		{"word/styles.xml", styles},
		{"word/document.xml", documentHead + body.String() + documentTail},
		{"word/footer1.xml", footer},
		{"word/fontTable.xml", fontTable},
	}
	for _, p := range parts {
		f, err := z.Create(p.name)
		if err != nil {
			return err
		}
		if _, err := io.WriteString(f, xml.Header+p.text); err != nil {
			return err
		}
	}
	return z.Close()
}

type docxWriter struct{ b *bytes.Buffer }

// run properties
const (
	redTitle = `<w:rFonts w:ascii="FZXiaoBiaoSong-B05S" w:eastAsia="方正小标宋简体" w:hAnsi="FZXiaoBiaoSong-B05S"/><w:color w:val="D40000"/><w:sz w:val="64"/>`
	title    = `<w:rFonts w:ascii="FZXiaoBiaoSong-B05S" w:eastAsia="方正小标宋简体" w:hAnsi="FZXiaoBiaoSong-B05S"/><w:sz w:val="44"/>`
	heiti    = `<w:rFonts w:ascii="SimHei" w:eastAsia="黑体" w:hAnsi="SimHei"/>`
	kaiti    = `<w:rFonts w:ascii="KaiTi" w:eastAsia="楷体" w:hAnsi="KaiTi"/>`
	songti   = `<w:rFonts w:ascii="SimSun" w:eastAsia="宋体" w:hAnsi="SimSun"/>`
)

func esc(s string) string {
	var b strings.Builder
	_ = xml.EscapeText(&b, []byte(s))
	return b.String()
}

// para writes a paragraph: pPr and rPr are raw property XML.
func (w *docxWriter) para(pPr, rPr, text string) {
	fmt.Fprintf(w.b, `<w:p><w:pPr>%s</w:pPr><w:r><w:rPr>%s</w:rPr><w:t xml:space="preserve">%s</w:t></w:r></w:p>`, pPr, rPr, esc(text))
}

func (w *docxWriter) body(text string) {
	w.para(`<w:ind w:firstLineChars="200" w:firstLine="640"/><w:jc w:val="both"/>`, "", text)
}
func (w *docxWriter) h2(text string) {
	w.para(`<w:keepNext/><w:ind w:firstLineChars="200" w:firstLine="640"/>`, heiti, text)
}
func (w *docxWriter) h3(text string) {
	w.para(`<w:keepNext/><w:ind w:firstLineChars="200" w:firstLine="640"/>`, kaiti, text)
}
func (w *docxWriter) centre(rPr, text string) {
	w.para(`<w:spacing w:line="240" w:lineRule="auto"/><w:jc w:val="center"/>`, rPr, text)
}

// table writes a bordered table with a header row repeated on each page,
// its columns sized to its content (see columnWidths).
func (w *docxWriter) table(head []string, rows [][]string) {
	widths := columnWidths(head, rows)
	w.b.WriteString(`<w:tbl><w:tblPr><w:tblStyle w:val="BulletinTable"/>`)
	fmt.Fprintf(w.b, `<w:tblW w:w="%d" w:type="dxa"/>`, textWidth)
	w.b.WriteString(tableGrid(widths))
	w.row(head, widths, true)
	for _, r := range rows {
		w.row(r, widths, false)
	}
	w.b.WriteString(`</w:tbl>`)
	w.para("", "", "")
}

func (w *docxWriter) row(cells []string, widths []int, header bool) {
	w.b.WriteString(`<w:tr><w:trPr><w:cantSplit/>`)
	if header {
		w.b.WriteString(`<w:tblHeader/>`)
	}
	w.b.WriteString(`</w:trPr>`)
	for i, c := range cells {
		rPr := `<w:sz w:val="21"/><w:szCs w:val="21"/>`
		if header {
			rPr = heiti + rPr
		}
		jc := ""
		if header || keepWhole.MatchString(c) {
			jc = `<w:jc w:val="center"/>`
		}
		fmt.Fprintf(w.b, `<w:tc><w:tcPr><w:tcW w:w="%d" w:type="dxa"/><w:vAlign w:val="center"/></w:tcPr><w:p><w:pPr><w:spacing w:line="300" w:lineRule="auto"/>%s</w:pPr>%s</w:p></w:tc>`,
			widths[i], jc, cellRuns(rPr, c))
	}
	w.b.WriteString(`</w:tr>`)
}
