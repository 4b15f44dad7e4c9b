package duban

import (
	"context"
	"time"
)

// DisplayLink is a long-lived, read-only link to one plan's wall screen
// (大屏), for a meeting-room display that must not fall back to the
// sign-in page overnight. It grants that one view and nothing else; an
// administrator creates it and may revoke it. Only a hash of its token is
// stored.
type DisplayLink struct {
	ID        int64      `json:"id"`
	PlanID    int64      `json:"plan_id"`
	Label     string     `json:"label"` // where the screen hangs: 三楼会议室
	CreatedBy string     `json:"created_by"`
	CreatedAt time.Time  `json:"created_at"`
	RevokedAt *time.Time `json:"revoked_at,omitempty"`
}

// DisplayLinkService stores display links.
type DisplayLinkService interface {
	CreateDisplayLink(ctx context.Context, l *DisplayLink, tokenHash []byte) error
	// FindDisplayLink returns the unrevoked link with the token hash, else
	// ENOTFOUND.
	FindDisplayLink(ctx context.Context, tokenHash []byte) (*DisplayLink, error)
	ListDisplayLinks(ctx context.Context, planID int64) ([]DisplayLink, error)
	RevokeDisplayLink(ctx context.Context, id int64) error
}
