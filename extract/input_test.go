package extract

import (
	"archive/zip"
	"bytes"
	"strings"
	"testing"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/duban-dev/duban"
	"golang.org/x/text/encoding/simplifiedchinese"
)

const planLine = "今年新建公办幼儿园12所（11月底前完成），改造老旧小区86个。\n"

func encodeWith(t testing.TB, enc interface{ Bytes([]byte) ([]byte, error) }, s string) []byte {
	t.Helper()
	b, err := enc.Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func utf16Bytes(s string, bigEndian, bom bool) []byte {
	units := utf16.Encode([]rune(s))
	if bom {
		units = append([]uint16{0xfeff}, units...)
	}
	var out []byte
	for _, u := range units {
		if bigEndian {
			out = append(out, byte(u>>8), byte(u))
		} else {
			out = append(out, byte(u), byte(u>>8))
		}
	}
	return out
}

// docxBytes builds a minimal Word document: body paragraphs, then a table.
func docxBytes(t testing.TB, paragraphs []string, rows [][]string) []byte {
	t.Helper()
	var body strings.Builder
	for _, p := range paragraphs {
		body.WriteString(`<w:p><w:r><w:t xml:space="preserve">` + p + `</w:t></w:r></w:p>`)
	}
	if rows != nil {
		body.WriteString("<w:tbl>")
		for _, row := range rows {
			body.WriteString("<w:tr>")
			for _, c := range row {
				body.WriteString("<w:tc>")
				for _, p := range strings.Split(c, "\n") {
					body.WriteString(`<w:p><w:r><w:t>` + p + `</w:t></w:r></w:p>`)
				}
				body.WriteString("</w:tc>")
			}
			body.WriteString("</w:tr>")
		}
		body.WriteString("</w:tbl>")
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, content := range map[string]string{
		"[Content_Types].xml": `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`,
		"word/document.xml": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
			`<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>` +
			body.String() + `</w:body></w:document>`,
	} {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(content))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestDecodeEncodings(t *testing.T) {
	for _, c := range []struct {
		name string
		in   []byte
	}{
		{"utf8", []byte(planLine)},
		{"utf8-bom", append([]byte{0xef, 0xbb, 0xbf}, planLine...)},
		{"gbk", encodeWith(t, simplifiedchinese.GBK.NewEncoder(), planLine)},
		{"gb18030", encodeWith(t, simplifiedchinese.GB18030.NewEncoder(), planLine)},
		{"utf16le-bom", utf16Bytes(planLine, false, true)},
		{"utf16be-bom", utf16Bytes(planLine, true, true)},
		{"utf16le", utf16Bytes(planLine, false, false)},
		{"utf16be", utf16Bytes(planLine, true, false)},
	} {
		got, err := Decode(c.name+".txt", c.in)
		if err != nil || got != planLine {
			t.Errorf("%s: %q, %v", c.name, got, err)
		}
	}
	// GB18030 reaches beyond GBK: 𠀀 is a four-byte sequence.
	rare := "𠀀村新建广场1处。"
	if got, err := Decode("rare.txt", encodeWith(t, simplifiedchinese.GB18030.NewEncoder(), rare)); err != nil || got != rare {
		t.Errorf("gb18030 four-byte: %q, %v", got, err)
	}
}

func TestDecodeDocx(t *testing.T) {
	in := docxBytes(t, []string{"某区2021年重点工作任务分解表", "一、城市建设"},
		[][]string{
			{"序号", "工作任务", "完成时限", "牵头单位"},
			{"1", "新建公办幼儿园12所", "11月底前", "区教育局"},
			{"2", "改造老旧小区86个\n打通断头路14条", "年底前", "区住建局"},
		})
	got, err := Decode("任务分解表.docx", in)
	if err != nil {
		t.Fatal(err)
	}
	want := "某区2021年重点工作任务分解表\n一、城市建设\n序号\t工作任务\t完成时限\t牵头单位\n" +
		"1\t新建公办幼儿园12所\t11月底前\t区教育局\n2\t改造老旧小区86个；打通断头路14条\t年底前\t区住建局\n\n"
	if got != want {
		t.Errorf("docx text:\n%q\nwant\n%q", got, want)
	}
}

func TestDecodeRefusesWithAdvice(t *testing.T) {
	xlsx := func() []byte {
		var buf bytes.Buffer
		zw := zip.NewWriter(&buf)
		w, _ := zw.Create("xl/workbook.xml")
		w.Write([]byte("<workbook/>"))
		zw.Close()
		return buf.Bytes()
	}()
	for _, c := range []struct {
		name   string
		in     []byte
		advice string
	}{
		{"plan.doc", []byte{0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0}, ".docx"},
		{"plan.pdf", []byte("%PDF-1.7\n..."), "pdftotext"},
		{"plan.rtf", []byte(`{\rtf1\ansi 新建}`), ".docx"},
		{"plan.xlsx", xlsx, "duban plan import"},
		{"broken.docx", []byte("PK\x03\x04garbage"), "ZIP"},
		{"image.png", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), "二进制"},
		{"latin1.txt", []byte{0x80, 0xff, 0x80, 0xff, 0x41}, "UTF-8"},
	} {
		_, err := Decode(c.name, c.in)
		if duban.ErrorCode(err) != duban.EINVALID {
			t.Errorf("%s: want an invalid-input error, got %v", c.name, err)
			continue
		}
		msg := duban.ErrorFields(err)[0].Message
		if !strings.Contains(msg, c.name) || !strings.Contains(msg, c.advice) || strings.Contains(msg, "iconv") {
			t.Errorf("%s: message %q should name the file and advise %q", c.name, msg, c.advice)
		}
	}
}

// FuzzDecode: any bytes give text or an error naming the file, never a
// panic, and never more text than the bound for a .docx.
func FuzzDecode(f *testing.F) {
	f.Add([]byte(planLine))
	f.Add(encodeWith(f, simplifiedchinese.GBK.NewEncoder(), planLine))
	f.Add(utf16Bytes(planLine, false, true))
	f.Add(utf16Bytes(planLine, true, false))
	f.Add(docxBytes(f, []string{"标题", "新建公园3个。"}, [][]string{{"1", "改造道路8条", "6月底前"}}))
	f.Add([]byte("PK\x03\x04"))
	f.Fuzz(func(t *testing.T, b []byte) {
		text, err := Decode("f.txt", b)
		if err != nil {
			if !strings.Contains(duban.ErrorFields(err)[0].Message, "f.txt") {
				t.Fatalf("error does not name the file: %v", err)
			}
			return
		}
		if len(text) > maxDocxText+len(b)*3 || !utf8.ValidString(text) && utf8.Valid(b) {
			t.Fatalf("%d bytes of text from %d bytes", len(text), len(b))
		}
		Extract(text, Options{})
	})
}
