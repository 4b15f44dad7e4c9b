package planfile

import (
	"io"
	"strconv"
	"strings"
	"unicode"

	"go.yaml.in/yaml/v3"

	"github.com/duban-dev/duban"
)

// Encode writes b in canonical form: keys in a fixed order, empty optional
// fields and indicator fields equal to their defaults left out, dates as
// 2006-01-02, numbers in their shortest form, 2-space indentation. Nodes are
// nested by ParentCode, siblings ordered by Order, and indicators listed
// under their node; a node or indicator whose parent is missing is an error.
func Encode(w io.Writer, b *duban.Bundle) error {
	nodes, err := encodeTree(b)
	if err != nil {
		return err
	}
	top := newMapping()
	top.str("format", Format)
	top.add("plan", encodePlan(&b.Plan).n)
	top.list("units", len(b.Units), func(i int) *yaml.Node { return encodeUnit(&b.Units[i]) })
	top.list("people", len(b.People), func(i int) *yaml.Node { return encodePerson(&b.People[i]) })
	top.list("mechanisms", len(b.Mechanisms), func(i int) *yaml.Node { return encodeMechanism(&b.Mechanisms[i]) })
	if len(nodes) > 0 {
		top.add("nodes", sequence(nodes))
	}
	if _, err := io.WriteString(w, header); err != nil {
		return err
	}
	enc := yaml.NewEncoder(w)
	enc.SetIndent(2)
	if err := enc.Encode(top.n); err != nil {
		return err
	}
	return enc.Close()
}

func encodePlan(p *duban.Plan) *mapping {
	m := newMapping()
	m.str("id", p.Code)
	m.str("title", p.Title)
	m.str("issuer", p.Issuer)
	m.num("year", float64(p.Year))
	m.date("start", p.PeriodStart)
	m.date("end", p.PeriodEnd)
	m.strs("framework", p.Framework)
	m.boolean("public", p.Public)
	m.str("profile", p.Profile)
	m.str("description", p.Description)
	if s := p.Bulletin; s != nil {
		b := newMapping()
		b.str("cadence", string(s.Cadence))
		b.num("day", float64(s.Day))
		b.str("prefix", s.Prefix)
		b.str("issuer", s.Issuer)
		m.add("bulletin", b.n)
	}
	return m
}

func encodeUnit(u *duban.Unit) *yaml.Node {
	m := newMapping()
	m.str("id", u.Code)
	m.str("name", u.Name)
	m.str("short_name", u.ShortName)
	m.str("kind", string(u.Kind))
	m.str("parent", u.ParentCode)
	m.str("phone", u.Phone)
	m.str("address", u.Address)
	return m.n
}

func encodePerson(p *duban.Person) *yaml.Node {
	m := newMapping()
	m.str("id", p.Code)
	m.str("name", p.Name)
	m.str("title", p.Title)
	m.str("unit", p.UnitCode)
	m.str("role", string(p.Role))
	m.str("phone", p.Phone)
	m.str("email", p.Email)
	return m.n
}

func encodeMechanism(mech *duban.Mechanism) *yaml.Node {
	m := newMapping()
	m.str("id", mech.Code)
	m.str("name", mech.Name)
	m.str("description", mech.Description)
	m.strs("roles", mech.Roles)
	m.str("cadence", string(mech.Cadence))
	m.strs("checklist", mech.Checklist)
	m.strs("stages", mech.Stages)
	return m.n
}

// mapping builds a YAML mapping, leaving out empty values.
type mapping struct{ n *yaml.Node }

func newMapping() *mapping { return &mapping{&yaml.Node{Kind: yaml.MappingNode}} }

func (m *mapping) add(key string, v *yaml.Node) {
	k := &yaml.Node{Kind: yaml.ScalarNode}
	k.SetString(key)
	m.n.Content = append(m.n.Content, k, v)
}

func (m *mapping) str(key, v string) {
	if v != "" {
		m.add(key, stringNode(v))
	}
}

func (m *mapping) num(key string, v float64) {
	if v != 0 {
		m.add(key, numberNode(v))
	}
}

func (m *mapping) numPtr(key string, v *float64) {
	if v != nil {
		m.add(key, numberNode(*v))
	}
}

func (m *mapping) date(key string, d duban.Date) {
	if !d.IsZero() {
		m.add(key, &yaml.Node{Kind: yaml.ScalarNode, Value: d.String()})
	}
}

func (m *mapping) boolean(key string, v bool) {
	if v {
		m.add(key, &yaml.Node{Kind: yaml.ScalarNode, Value: "true"})
	}
}

func (m *mapping) strs(key string, list []string) {
	if len(list) == 0 {
		return
	}
	seq := &yaml.Node{Kind: yaml.SequenceNode, Style: yaml.FlowStyle}
	for _, s := range list {
		seq.Content = append(seq.Content, quoted(s, true))
	}
	m.add(key, seq)
}

func (m *mapping) list(key string, n int, item func(i int) *yaml.Node) {
	if n == 0 {
		return
	}
	items := make([]*yaml.Node, n)
	for i := range items {
		items[i] = item(i)
	}
	m.add(key, sequence(items))
}

func sequence(items []*yaml.Node) *yaml.Node {
	return &yaml.Node{Kind: yaml.SequenceNode, Content: items}
}

// stringNode is quoted only when YAML would otherwise read it as something
// else (">=", "%", "true", "12" …), and then with double quotes.
func stringNode(s string) *yaml.Node { return quoted(s, false) }

// quoted makes a string scalar for a block (a: s) or flow ([s]) context; a
// comma, say, needs quotes only in a flow list.
func quoted(s string, flow bool) *yaml.Node {
	n := &yaml.Node{}
	n.SetString(s)
	if n.Style == 0 && !plainSafe(s) && needsQuotes(n, flow) {
		n.Style = yaml.DoubleQuotedStyle
	}
	return n
}

// needsQuotes asks the emitter itself, which quotes (singly) exactly the
// strings a plain scalar cannot carry.
func needsQuotes(n *yaml.Node, flow bool) bool {
	probe, at := n, 0
	if flow {
		probe, at = &yaml.Node{Kind: yaml.SequenceNode, Style: yaml.FlowStyle, Content: []*yaml.Node{n}}, 1
	}
	out, err := yaml.Marshal(probe)
	return err != nil || len(out) > at && (out[at] == '\'' || out[at] == '"')
}

func numberNode(v float64) *yaml.Node {
	return &yaml.Node{Kind: yaml.ScalarNode, Value: strconv.FormatFloat(v, 'f', -1, 64)}
}

// plainSafe is a fast, conservative test for strings the emitter writes
// unquoted in any context: mostly Chinese text and simple ids. Anything else
// goes to needsQuotes, which asks the emitter.
func plainSafe(s string) bool {
	if s == "" || s[len(s)-1] == ' ' || yamlWords[strings.ToLower(s)] {
		return false
	}
	for i, r := range s {
		switch {
		case r >= 0x80:
			if !unicode.IsPrint(r) {
				return false
			}
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z':
		case i == 0:
			return false
		case r >= '0' && r <= '9', strings.ContainsRune("-_./() ", r):
		default:
			return false
		}
	}
	return true
}

// yamlWords are words some YAML readers take for booleans or null.
var yamlWords = map[string]bool{"true": true, "false": true, "null": true, "yes": true, "no": true,
	"on": true, "off": true, "y": true, "n": true}
