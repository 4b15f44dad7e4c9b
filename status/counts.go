package status

import "encoding/json"

// Counts is the number of items in each status, indexed by Severity. It is
// comparable with ==.
type Counts [7]int

// Of is the count of items in status s.
func (c Counts) Of(s Status) int {
	if i := s.Severity(); i < len(c) {
		return c[i]
	}
	return 0
}

// Total is the number of items counted.
func (c Counts) Total() int {
	n := 0
	for _, v := range c {
		n += v
	}
	return n
}

func (c *Counts) add(s Status) {
	if i := s.Severity(); i < len(c) {
		c[i]++
	}
}

func (c *Counts) addAll(o Counts) {
	for i, v := range o {
		c[i] += v
	}
}

// MarshalJSON writes {"overdue": 1, "lagging": 0, …}.
func (c Counts) MarshalJSON() ([]byte, error) {
	m := make(map[Status]int, len(c))
	for i, s := range Statuses {
		m[s] = c[i]
	}
	return json.Marshal(m)
}

// UnmarshalJSON reads what MarshalJSON writes.
func (c *Counts) UnmarshalJSON(b []byte) error {
	var m map[Status]int
	if err := json.Unmarshal(b, &m); err != nil {
		return err
	}
	*c = Counts{}
	for s, n := range m {
		if i := s.Severity(); i < len(c) {
			c[i] = n
		}
	}
	return nil
}
