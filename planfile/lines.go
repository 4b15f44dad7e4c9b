package planfile

// recordLines holds where one record and each of its keys start in the file,
// so that a validation error about a record's field can be given a line.
type recordLines struct {
	line   int
	fields map[string]int
}

func (l *recordLines) setField(field string, line int) {
	if _, ok := l.fields[field]; !ok {
		l.fields[field] = line
	}
}

// lineIndex finds records by entity and id. An id may occur more than once
// (a duplicate is an error), so each holds every occurrence in file order.
type lineIndex map[[2]string][]*recordLines

func (x lineIndex) add(entity, key string, line int) *recordLines {
	l := &recordLines{line: line, fields: map[string]int{}}
	k := [2]string{entity, key}
	x[k] = append(x[k], l)
	return l
}

// line finds the line for a field of the nth occurrence of a record (or the
// last one when there are fewer), falling back to the line of the record
// and then to the lines of field's parents ("project.lat" → "project").
func (x lineIndex) line(entity, key, field string, nth int) int {
	recs := x[[2]string{entity, key}]
	if len(recs) == 0 {
		return 0
	}
	r := recs[min(nth, len(recs)-1)]
	for f := field; f != ""; f = parentField(f) {
		if l, ok := r.fields[f]; ok {
			return l
		}
	}
	return r.line
}

func parentField(f string) string {
	for i := len(f) - 1; i >= 0; i-- {
		if f[i] == '.' {
			return f[:i]
		}
	}
	return ""
}

func (l *recordLines) merge(o *recordLines) {
	for f, line := range o.fields {
		l.setField(f, line)
	}
}
