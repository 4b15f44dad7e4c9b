package xlsx

import (
	"strings"

	"github.com/duban-dev/duban"
)

// names shows units and people by name in a workbook and reads them back:
// a unit by its short name (else its name), a person by name; a name two
// records share is shown as the code instead, so every cell reads back to
// exactly one record.
type names struct {
	unitLabel, personLabel map[string]string // code → label
	unitCode, personCode   map[string]string // code, label, name or short name → code
	unitList               []string          // labels in document order, for drop-downs
}

func newNames(b *duban.Bundle) *names {
	n := &names{unitLabel: map[string]string{}, personLabel: map[string]string{},
		unitCode: map[string]string{}, personCode: map[string]string{}}
	counts := map[string]int{}
	for _, u := range b.Units {
		counts[unitShown(u)]++
	}
	for _, u := range b.Units {
		label := unitShown(u)
		if counts[label] > 1 {
			label = u.Code
		}
		n.unitLabel[u.Code] = label
		n.unitList = append(n.unitList, label)
		addAlias(n.unitCode, u.Code, u.Code, label, u.Name, u.ShortName)
	}
	clear(counts)
	for _, p := range b.People {
		counts[p.Name]++
	}
	for _, p := range b.People {
		label := p.Name
		if counts[label] > 1 {
			label = p.Code
		}
		n.personLabel[p.Code] = label
		addAlias(n.personCode, p.Code, p.Code, label)
	}
	return n
}

func unitShown(u duban.Unit) string {
	if u.ShortName != "" {
		return u.ShortName
	}
	return u.Name
}

// addAlias maps each alias to code; an alias two codes claim maps to ""
// (ambiguous), except a record's own code, which always wins.
func addAlias(m map[string]string, code string, aliases ...string) {
	for i, a := range aliases {
		if a == "" {
			continue
		}
		if old, ok := m[a]; ok && old != code && i > 0 {
			if old != a {
				m[a] = ""
			}
			continue
		}
		m[a] = code
	}
}

func (n *names) units(codes []string) string {
	labels := make([]string, len(codes))
	for i, c := range codes {
		labels[i] = n.unitLabel[c]
	}
	return strings.Join(labels, "、")
}

// splitList splits a cell listing several names.
func splitList(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool {
		return r == '、' || r == ',' || r == '，' || r == ';' || r == '；' || r == ' ' || r == '\n'
	})
}
