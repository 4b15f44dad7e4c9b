package extract

import (
	"bufio"
	"io"
	"strconv"
	"strings"
)

// WriteYAML writes r as YAML with the same field names as the JSON.
func WriteYAML(w io.Writer, r *Result) error {
	y := yamlWriter{w: bufio.NewWriter(w)}
	p := r.Plan
	y.line(0, "plan:")
	y.field(1, "title", quoteYAML(p.Title))
	y.field(1, "year", strconv.Itoa(p.Year))
	y.field(1, "year_from", quoteYAML(p.YearFrom))
	if p.YearEvidence != "" {
		y.field(1, "year_evidence", quoteYAML(p.YearEvidence))
	}
	y.list(1, "framework", p.Framework)
	if len(p.Targets) > 0 {
		y.field(1, "targets", intList(p.Targets))
	}
	y.key(1, "areas", len(p.Areas))
	for _, a := range p.Areas {
		y.item(2, "title", quoteYAML(a.Title))
		y.key(2, "tasks", len(a.Tasks))
		for _, t := range a.Tasks {
			y.item(3, "title", quoteYAML(t.Title))
			if len(t.Targets) > 0 {
				y.field(3, "targets", intList(t.Targets))
			}
		}
	}
	y.key(0, "targets", len(r.Targets))
	for i := range r.Targets {
		y.target(&r.Targets[i])
	}
	y.key(0, "decisions", len(r.Decisions))
	for _, d := range r.Decisions {
		y.item(1, "text", quoteYAML(d.Text))
		y.field(1, "start", strconv.Itoa(d.Start))
		y.field(1, "end", strconv.Itoa(d.End))
		y.field(1, "taken", strconv.FormatBool(d.Taken))
		y.field(1, "reason", quoteYAML(d.Reason))
	}
	return y.w.Flush()
}

type yamlWriter struct{ w *bufio.Writer }

func (y *yamlWriter) target(t *Target) {
	y.item(1, "subject", quoteYAML(t.Subject))
	y.field(1, "value", formatValue(t.Value))
	y.field(1, "unit", quoteYAML(t.Unit))
	y.field(1, "comparator", quoteYAML(string(t.Comparator)))
	if t.Deadline == nil {
		y.field(1, "deadline", "null")
	} else {
		y.field(1, "deadline", quoteYAML(t.Deadline.String()))
	}
	y.field(1, "commitment", string(t.Commitment))
	y.field(1, "quote", quoteYAML(t.Quote))
	y.list(1, "path", t.Path)
	y.field(1, "start", strconv.Itoa(t.Start))
	y.field(1, "end", strconv.Itoa(t.End))
	if p := t.Progress; p != nil {
		y.line(1, "progress:")
		y.field(2, "value", formatValue(p.Value))
		y.field(2, "unit", quoteYAML(p.Unit))
		if p.AsOf == nil {
			y.field(2, "as_of", "null")
		} else {
			y.field(2, "as_of", quoteYAML(p.AsOf.String()))
		}
		y.field(2, "quote", quoteYAML(p.Quote))
	}
}

func (y *yamlWriter) line(indent int, s string) {
	y.w.WriteString(strings.Repeat("  ", indent))
	y.w.WriteString(s)
	y.w.WriteByte('\n')
}

func (y *yamlWriter) field(indent int, k, v string) { y.line(indent, k+": "+v) }

// item starts a list element whose first field is k.
func (y *yamlWriter) item(indent int, k, v string) {
	y.line(indent-1, "- "+k+": "+v)
}

// key writes a key for a list, or an empty list.
func (y *yamlWriter) key(indent int, k string, n int) {
	if n == 0 {
		y.line(indent, k+": []")
		return
	}
	y.line(indent, k+":")
}

func (y *yamlWriter) list(indent int, k string, vs []string) {
	if len(vs) == 0 {
		y.line(indent, k+": []")
		return
	}
	q := make([]string, len(vs))
	for i, v := range vs {
		q[i] = quoteYAML(v)
	}
	y.line(indent, k+": ["+strings.Join(q, ", ")+"]")
}

// quoteYAML writes s as a double-quoted YAML scalar, which is also a JSON
// string: always valid, whatever s holds.
func quoteYAML(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\t':
			b.WriteString(`\t`)
		case r < 0x20 || r == 0x7f || r == 0xfeff || r >= 0x80 && r < 0xa0 || r == 0x2028 || r == 0x2029:
			b.WriteString(`\u`)
			b.WriteString(strconv.FormatInt(int64(r)+0x10000, 16)[1:])
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

func intList(xs []int) string {
	ints := make([]string, len(xs))
	for i, k := range xs {
		ints[i] = strconv.Itoa(k)
	}
	return "[" + strings.Join(ints, ", ") + "]"
}
