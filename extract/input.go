package extract

import (
	"bytes"
	"fmt"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/duban-dev/duban"
	"golang.org/x/text/encoding/simplifiedchinese"
)

// Decode turns the bytes of a plan file into text. It reads UTF-8 (with or
// without a byte-order mark), UTF-16 (with a byte-order mark, or without
// one when the zero bytes show it), GB18030 and its subset GBK, and Word
// .docx files. Other formats are refused with advice that fits them; name
// is the file's name as the person gave it, and every error names it.
func Decode(name string, b []byte) (string, error) {
	switch {
	case bytes.HasPrefix(b, []byte("PK\x03\x04")):
		return readDocx(name, b)
	case bytes.HasPrefix(b, []byte{0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1}):
		return "", inputError(name, "是旧版 Word/WPS 文档 (.doc)，请另存为 .docx 或 UTF-8 文本 (an old .doc file: save it as .docx or as UTF-8 text)")
	case bytes.HasPrefix(b, []byte("%PDF")):
		return "", inputError(name, "是 PDF，请先转为文本，如 pdftotext -layout 文件.pdf (a PDF: convert it to text first, e.g. pdftotext -layout FILE.pdf)")
	case bytes.HasPrefix(b, []byte(`{\rtf`)):
		return "", inputError(name, "是 RTF 文档，请另存为 .docx 或 UTF-8 文本 (an RTF file: save it as .docx or as UTF-8 text)")
	case bytes.HasPrefix(b, []byte{0xef, 0xbb, 0xbf}):
		return checkUTF8(name, b[3:])
	case bytes.HasPrefix(b, []byte{0xff, 0xfe}):
		return decodeUTF16(name, b[2:], false)
	case bytes.HasPrefix(b, []byte{0xfe, 0xff}):
		return decodeUTF16(name, b[2:], true)
	case utf8.Valid(b):
		return checkUTF8(name, b)
	}
	if bigEndian, ok := looksUTF16(b); ok {
		return decodeUTF16(name, b, bigEndian)
	}
	return decodeGB18030(name, b)
}

func inputError(name, message string) error {
	return duban.Invalid(fmt.Sprintf("无法读取 %s (cannot read %s)", name, name), duban.FieldError{
		Field: "file", Message: name + "：" + message,
	})
}

// checkUTF8 refuses binary files: text has no NUL bytes.
func checkUTF8(name string, b []byte) (string, error) {
	if bytes.IndexByte(b, 0) >= 0 {
		return "", inputError(name, "含有二进制内容，不是文本文件；Word 文档请用 .docx (binary content, not a text file; for Word use .docx)")
	}
	return string(b), nil
}

// looksUTF16 detects UTF-16 without a byte-order mark: Chinese text in
// UTF-16 has a zero in the high byte of every ASCII character (digits,
// punctuation, line breaks), and UTF-8 or GBK text has no zero bytes.
func looksUTF16(b []byte) (bigEndian, ok bool) {
	if len(b) < 2 || len(b)%2 != 0 {
		return false, false
	}
	var even, odd int
	for i := 0; i+1 < len(b); i += 2 {
		if b[i] == 0 {
			even++
		}
		if b[i+1] == 0 {
			odd++
		}
	}
	switch {
	case odd > 0 && even == 0:
		return false, true
	case even > 0 && odd == 0:
		return true, true
	}
	return false, false
}

func decodeUTF16(name string, b []byte, bigEndian bool) (string, error) {
	if len(b)%2 != 0 {
		return "", inputError(name, "UTF-16 文本长度为奇数，文件不完整 (odd length for UTF-16: the file is cut short)")
	}
	units := make([]uint16, len(b)/2)
	for i := range units {
		if bigEndian {
			units[i] = uint16(b[2*i])<<8 | uint16(b[2*i+1])
		} else {
			units[i] = uint16(b[2*i+1])<<8 | uint16(b[2*i])
		}
	}
	out := make([]byte, 0, len(b)*3/2)
	for _, r := range utf16.Decode(units) {
		if r == 0 {
			return "", inputError(name, "UTF-16 文本中含有二进制内容 (binary content in UTF-16 text)")
		}
		out = utf8.AppendRune(out, r)
	}
	return string(out), nil
}

// decodeGB18030 reads text that is not UTF-8 as GB18030, which contains
// GBK and GB2312: the encodings Chinese Windows and WPS save text in.
// Bytes that are not valid GB18030 either mean another encoding.
func decodeGB18030(name string, b []byte) (string, error) {
	if bytes.IndexByte(b, 0) >= 0 {
		return "", inputError(name, "含有二进制内容，不是文本文件；Word 文档请用 .docx (binary content, not a text file; for Word use .docx)")
	}
	out, err := simplifiedchinese.GB18030.NewDecoder().Bytes(b)
	if err != nil || bytes.ContainsRune(out, utf8.RuneError) {
		return "", inputError(name, "既不是 UTF-8 也不是 GBK/GB18030 文本，请另存为 UTF-8 文本 (neither UTF-8 nor GBK/GB18030 text: save it as UTF-8)")
	}
	return string(out), nil
}
