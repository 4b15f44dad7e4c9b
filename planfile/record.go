package planfile

import (
	"fmt"
	"math"
	"strconv"

	"go.yaml.in/yaml/v3"

	"github.com/duban-dev/duban"
)

// record is one mapping being read: a plan, unit, person, mechanism, node or
// indicator, or a mapping nested in one (a project, a milestone), in which
// case prefix names it ("project.") and errors belong to the outer record.
type record struct {
	d      *decoder
	entity string
	key    string
	prefix string
	line   int
	values map[string]*yaml.Node
	lines  *recordLines
}

// record checks that n is a mapping with only allowed keys and indexes the
// lines of the record and its keys under (entity, id), where id defaults to
// defaultID when the record has none.
func (d *decoder) record(entity string, n *yaml.Node, allowed []string, defaultID string) *record {
	n = deref(n)
	r := &record{d: d, entity: entity, line: n.Line, values: map[string]*yaml.Node{}}
	if n.Kind != yaml.MappingNode {
		field := entity
		if field == "" {
			field = "file"
		}
		d.add(duban.FieldError{Field: field, Line: n.Line, Message: "应为键值映射 (want a mapping of key: value)"})
		return nil
	}
	r.key = defaultID
	if id := idOf(n); id != "" {
		r.key = id
	}
	r.lines = d.index.add(entity, r.key, n.Line)
	r.read(n, allowed)
	return r
}

// sub reads a mapping nested in r, e.g. a node's project. Its key lines are
// its own; the caller merges them into r's when there is only one such
// mapping, so that validation errors can find them.
func (r *record) sub(prefix string, n *yaml.Node, allowed []string) *record {
	n = deref(n)
	s := &record{d: r.d, entity: r.entity, key: r.key, prefix: r.prefix + prefix, line: n.Line,
		values: map[string]*yaml.Node{}, lines: &recordLines{line: n.Line, fields: map[string]int{}}}
	if n.Kind != yaml.MappingNode {
		r.d.fail(r, prefix[:len(prefix)-1], n.Line, "应为键值映射 (want a mapping of key: value)")
		return nil
	}
	s.read(n, allowed)
	return s
}

func (r *record) read(n *yaml.Node, allowed []string) {
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], deref(n.Content[i+1])
		name := r.prefix + k.Value
		switch {
		case !contains(allowed, k.Value):
			r.d.add(r.fieldError(name, k.Line, "未知字段 (unknown field)"+suggest(k.Value, allowed)))
		case r.values[k.Value] != nil:
			r.d.add(r.fieldError(name, k.Line, "字段重复 (repeated field)"))
		default:
			r.values[k.Value] = v
			r.lines.setField(name, k.Line)
		}
	}
}

func (r *record) fieldError(field string, line int, msg string) duban.FieldError {
	return duban.FieldError{Entity: r.entity, Key: r.key, Field: field, Line: line, Message: msg}
}

// lineOf is the line of key in r, or of r itself.
func (r *record) lineOf(key string) int {
	if l, ok := r.lines.fields[r.prefix+key]; ok {
		return l
	}
	return r.line
}

// scalar returns the value of key when it is set; null counts as not set.
func (r *record) scalar(key string) (*yaml.Node, bool) {
	v := r.values[key]
	if v == nil || isNull(v) {
		return nil, false
	}
	if v.Kind != yaml.ScalarNode {
		r.d.fail(r, key, r.lineOf(key), "应为单个值 (want a single value)")
		return nil, false
	}
	return v, true
}

func (r *record) str(key string) string {
	v, ok := r.scalar(key)
	if !ok {
		return ""
	}
	return v.Value
}

func (r *record) numPtr(key string) *float64 {
	v, ok := r.scalar(key)
	if !ok {
		return nil
	}
	f, err := strconv.ParseFloat(v.Value, 64)
	if err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
		r.d.fail(r, key, r.lineOf(key), fmt.Sprintf("不是数字 (not a number): %q", v.Value))
		return nil
	}
	return &f
}

func (r *record) num(key string) float64 {
	if p := r.numPtr(key); p != nil {
		return *p
	}
	return 0
}

func (r *record) integer(key string) int {
	v, ok := r.scalar(key)
	if !ok {
		return 0
	}
	i, err := strconv.Atoi(v.Value)
	if err != nil {
		r.d.fail(r, key, r.lineOf(key), fmt.Sprintf("不是整数 (not a whole number): %q", v.Value))
	}
	return i
}

func (r *record) boolean(key string) bool {
	v, ok := r.scalar(key)
	if !ok {
		return false
	}
	var b bool
	if v.ShortTag() != "!!bool" || v.Decode(&b) != nil {
		r.d.fail(r, key, r.lineOf(key), fmt.Sprintf("应为 true 或 false (want true or false): %q", v.Value))
	}
	return b
}

func (r *record) date(key string) duban.Date {
	v, ok := r.scalar(key)
	if !ok {
		return duban.Date{}
	}
	d, err := duban.ParseDate(v.Value)
	if err != nil {
		r.d.fail(r, key, r.lineOf(key), err.Error())
	}
	return d
}

// strs reads a list of single values; one value alone counts as a list of one.
func (r *record) strs(key string) []string {
	v := r.values[key]
	if v == nil || isNull(v) {
		return nil
	}
	if v.Kind == yaml.ScalarNode {
		return []string{v.Value}
	}
	if v.Kind != yaml.SequenceNode {
		r.d.fail(r, key, r.lineOf(key), "应为列表 (want a list)")
		return nil
	}
	var out []string
	for _, item := range v.Content {
		item = deref(item)
		if item.Kind != yaml.ScalarNode || isNull(item) {
			r.d.fail(r, key, item.Line, "列表项应为单个值 (list items must be single values)")
			continue
		}
		out = append(out, item.Value)
	}
	return out
}

// items returns the entries of a list of mappings (units, children …).
func (r *record) items(key string) []*yaml.Node {
	v := r.values[key]
	if v == nil || isNull(v) {
		return nil
	}
	if v.Kind != yaml.SequenceNode {
		r.d.fail(r, key, r.lineOf(key), "应为列表 (want a list)")
		return nil
	}
	return v.Content
}

func idOf(n *yaml.Node) string {
	for i := 0; i+1 < len(n.Content); i += 2 {
		if v := deref(n.Content[i+1]); n.Content[i].Value == "id" && v.Kind == yaml.ScalarNode && !isNull(v) {
			return v.Value
		}
	}
	return ""
}

func deref(n *yaml.Node) *yaml.Node {
	for n.Kind == yaml.AliasNode && n.Alias != nil {
		n = n.Alias
	}
	return n
}

func isNull(n *yaml.Node) bool {
	return n.Kind == yaml.ScalarNode && n.ShortTag() == "!!null"
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}
