package duban

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"time"
)

// UploadKind names what was uploaded; a key is unique per user and kind.
type UploadKind string

const (
	UploadWorkbook UploadKind = "xlsx"  // a filled report template
	UploadBatch    UploadKind = "batch" // a JSON batch of reports
)

// UploadKey names one upload so that sending it again writes nothing: the
// client's Idempotency-Key when it sends one, else a digest of the body
// (the same file or batch from the same user is the same upload).
type UploadKey struct {
	Kind UploadKind
	Key  string
	// Digest is the hex SHA-256 of the body, so a client key reused for
	// other content is told apart from a repeat.
	Digest string
}

// MaxIdempotencyKey bounds the Idempotency-Key header.
const MaxIdempotencyKey = 200

// ReplayWindow is how long an upload's receipt answers its repeats; later,
// the same bytes are a new upload (e.g. the same values sent again after a
// report was returned the next day).
const ReplayWindow = 24 * time.Hour

// UploadKeyOf is the client's key when given, else "sha256:" and the hex
// digest of body. A client key longer than MaxIdempotencyKey or holding
// control characters is EINVALID on field Idempotency-Key.
func UploadKeyOf(kind UploadKind, clientKey string, body []byte) (UploadKey, error) {
	clientKey = strings.TrimSpace(clientKey)
	sum := sha256.Sum256(body)
	digest := hex.EncodeToString(sum[:])
	if clientKey == "" {
		return UploadKey{Kind: kind, Key: "sha256:" + digest, Digest: digest}, nil
	}
	if len(clientKey) > MaxIdempotencyKey || strings.ContainsFunc(clientKey, func(r rune) bool { return r < 0x20 || r == 0x7f }) {
		return UploadKey{}, Invalid("幂等键无效 (bad idempotency key)", FieldError{Field: "Idempotency-Key",
			Message: "须为 1 到 200 个可见字符 (1 to 200 printable characters)"})
	}
	return UploadKey{Kind: kind, Key: "key:" + clientKey, Digest: digest}, nil
}

// UploadResult is the answer to an idempotent upload: the reports it wrote,
// or, for a repeat, those the first upload wrote, with Replayed set and
// nothing written now.
type UploadResult struct {
	Reports    []Report
	Replayed   bool
	ReceivedAt time.Time // when the upload was first received
}

// KeyReused is the error for a client key sent again with other content:
// answering it as a replay would hide that the new content was never written.
func KeyReused(receivedAt time.Time) error {
	return &Error{Code: ECONFLICT, Message: "该幂等键已于 " + receivedAt.In(Beijing).Format("2006-01-02 15:04") +
		"（北京时间）用于另一份内容，本次未写入；请换一个键重新上传 (this Idempotency-Key was used for other content; nothing was written)",
		Fields: []FieldError{{Field: "Idempotency-Key", Message: "已用于另一份内容 (used for other content)"}}}
}

// ReplayNotice is what a repeated upload tells the user.
func (s *UploadResult) ReplayNotice() string {
	if !s.Replayed {
		return ""
	}
	return "该上传已于 " + s.ReceivedAt.In(Beijing).Format("2006-01-02 15:04") +
		"（北京时间）收到并写入，本次未重复写入 (this upload was received before; nothing was written again)"
}

// OnceSubmitter submits a batch of reports at most once per UploadKey and
// user within ReplayWindow, in the same transaction as SubmitReports.
type OnceSubmitter interface {
	SubmitReportsOnce(ctx context.Context, actor *User, key UploadKey, ins []ReportInput, today Date) (*UploadResult, error)
}
