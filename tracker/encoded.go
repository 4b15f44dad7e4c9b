package tracker

import (
	"bytes"
	"encoding/json"
	"sync"
)

// encodedCache keeps JSON renderings of a PlanStatus (the dashboard, the
// tree) until a report changes it, so repeated reads of a cached plan only
// copy bytes. Reads share the Service's read lock, hence its own mutex.
type encodedCache struct {
	mu   sync.Mutex
	docs map[string][]byte
}

// Encoded returns build()'s JSON (HTML not escaped, newline-terminated as
// json.Encoder writes it), built once per name until the status changes.
func (ps *PlanStatus) Encoded(name string, build func() any) ([]byte, error) {
	ps.encoded.mu.Lock()
	defer ps.encoded.mu.Unlock()
	if b, ok := ps.encoded.docs[name]; ok {
		return b, nil
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(build()); err != nil {
		return nil, err
	}
	if ps.encoded.docs == nil {
		ps.encoded.docs = map[string][]byte{}
	}
	ps.encoded.docs[name] = buf.Bytes()
	return buf.Bytes(), nil
}

func (ps *PlanStatus) forgetEncoded() {
	ps.encoded.mu.Lock()
	defer ps.encoded.mu.Unlock()
	clear(ps.encoded.docs)
}
