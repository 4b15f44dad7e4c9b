package web

import (
	"encoding/json"
	"net/http"
	"time"

	"github.com/duban-dev/duban"
)

// idempotencyHeader names an upload so that sending it again writes once;
// without it the file's (or the batch's) digest names it.
const idempotencyHeader = "Idempotency-Key"

// uploadBody is the answer to an upload: the reports written, or for a
// repeat those the first upload wrote, with replayed, the first receipt's
// time and a notice saying nothing was written again.
type uploadBody struct {
	listBody[duban.Report]
	Replayed   bool       `json:"replayed"`
	ReceivedAt *time.Time `json:"received_at,omitempty"`
	Notice     string     `json:"notice,omitempty"`
}

// writeUploaded answers 201 for a new upload, 200 with the header
// Idempotent-Replayed: true for a repeat. notify tells the tracker of the
// new reports (the workbook path has told it already).
func (s *Server) writeUploaded(w http.ResponseWriter, res *duban.UploadResult, notify bool) {
	body := uploadBody{listBody: newList(res.Reports, len(res.Reports), duban.Page{Page: 1, PerPage: len(res.Reports)})}
	status := http.StatusCreated
	if res.Replayed {
		at := res.ReceivedAt.UTC()
		body.Replayed, body.ReceivedAt, body.Notice = true, &at, res.ReplayNotice()
		w.Header().Set("Idempotent-Replayed", "true")
		status = http.StatusOK
	} else if notify {
		s.cfg.Tracker.ReportsChanged(res.Reports...)
	}
	writeJSON(w, status, body)
}

// batchKey names a JSON batch: the client's key, else the digest of its
// reports as decoded and encoded again, so spacing does not matter.
func batchKey(r *http.Request, ins []duban.ReportInput) (duban.UploadKey, error) {
	canonical, err := json.Marshal(ins)
	if err != nil {
		return duban.UploadKey{}, err
	}
	return duban.UploadKeyOf(duban.UploadBatch, r.Header.Get(idempotencyHeader), canonical)
}
