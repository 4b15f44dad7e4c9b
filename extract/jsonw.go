package extract

import (
	"bufio"
	"io"
	"math"
	"strconv"
	"unicode/utf8"
)

// jsonWriter streams indented JSON, as encoding/json's Encoder with
// SetIndent("", "  ") and SetEscapeHTML(false) lays it out, without
// building the document in memory first: a result may hold a target every
// few lines of a long text.
type jsonWriter struct {
	w     *bufio.Writer
	count []int // values written so far in each open container
	buf   []byte
}

func newJSONWriter(w io.Writer) *jsonWriter {
	return &jsonWriter{w: bufio.NewWriterSize(w, 8<<10), buf: make([]byte, 0, 64)}
}

// next starts a value in the current container: comma, new line, indent
// and key.
func (j *jsonWriter) next(key string) {
	if n := len(j.count); n > 0 {
		if j.count[n-1] > 0 {
			j.w.WriteByte(',')
		}
		j.count[n-1]++
		j.w.WriteByte('\n')
		for range n {
			j.w.WriteString("  ")
		}
	}
	if key != "" {
		j.writeString(key)
		j.w.WriteString(": ")
	}
}

func (j *jsonWriter) open(key string, c byte) {
	j.next(key)
	j.w.WriteByte(c)
	j.count = append(j.count, 0)
}

func (j *jsonWriter) close(c byte) {
	n := len(j.count)
	if j.count[n-1] > 0 {
		j.w.WriteByte('\n')
		for range n - 1 {
			j.w.WriteString("  ")
		}
	}
	j.count = j.count[:n-1]
	j.w.WriteByte(c)
}

func (j *jsonWriter) str(key, s string) {
	j.next(key)
	j.writeString(s)
}

func (j *jsonWriter) int(key string, v int) {
	j.next(key)
	j.buf = strconv.AppendInt(j.buf[:0], int64(v), 10)
	j.w.Write(j.buf)
}

func (j *jsonWriter) float(key string, v float64) {
	j.next(key)
	j.buf = appendJSONFloat(j.buf[:0], v)
	j.w.Write(j.buf)
}

func (j *jsonWriter) bool(key string, v bool) {
	j.next(key)
	j.w.WriteString(strconv.FormatBool(v))
}

func (j *jsonWriter) null(key string) {
	j.next(key)
	j.w.WriteString("null")
}

func (j *jsonWriter) strings(key string, vs []string) {
	if vs == nil {
		j.null(key)
		return
	}
	j.open(key, '[')
	for _, v := range vs {
		j.str("", v)
	}
	j.close(']')
}

func (j *jsonWriter) ints(key string, vs []int) {
	j.open(key, '[')
	for _, v := range vs {
		j.int("", v)
	}
	j.close(']')
}

// appendJSONFloat formats v as encoding/json does: the shortest decimal,
// with an exponent only for very small or very large values. NaN and
// infinities, which JSON cannot hold, become 0.
func appendJSONFloat(b []byte, v float64) []byte {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return append(b, '0')
	}
	abs := math.Abs(v)
	if abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		b = strconv.AppendFloat(b, v, 'e', -1, 64)
		// e-07 → e-7, as encoding/json writes it
		if n := len(b); n >= 4 && b[n-4] == 'e' && b[n-3] == '-' && b[n-2] == '0' {
			b[n-2] = b[n-1]
			b = b[:n-1]
		}
		return b
	}
	return strconv.AppendFloat(b, v, 'f', -1, 64)
}

const hexDigits = "0123456789abcdef"

// writeString writes s as a JSON string with encoding/json's escapes
// (HTML characters left as they are).
func (j *jsonWriter) writeString(s string) {
	w := j.w
	w.WriteByte('"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' {
				i++
				continue
			}
			w.WriteString(s[start:i])
			switch c {
			case '"', '\\':
				w.WriteByte('\\')
				w.WriteByte(c)
			case '\n':
				w.WriteString(`\n`)
			case '\r':
				w.WriteString(`\r`)
			case '\t':
				w.WriteString(`\t`)
			case '\b':
				w.WriteString(`\b`)
			case '\f':
				w.WriteString(`\f`)
			default:
				w.WriteString(`\u00`)
				w.WriteByte(hexDigits[c>>4])
				w.WriteByte(hexDigits[c&0xf])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 || r == '\u2028' || r == '\u2029' {
			w.WriteString(s[start:i])
			if r == utf8.RuneError {
				w.WriteString(`\ufffd`)
			} else {
				w.WriteString(`\u202`)
				w.WriteByte(hexDigits[r&0xf])
			}
			i += size
			start = i
			continue
		}
		i += size
	}
	w.WriteString(s[start:])
	w.WriteByte('"')
}
