package duban

import "context"

// What of a report each reader may see. A unit's working data (drafts,
// versions in or sent back from review, notes, return reasons,
// attachments, who submitted and reviewed) is for the unit itself and the
// roles that see every unit; everyone else, the public included, sees
// approved values only.

// PublicReport is the part of an approved report anyone may read: the
// value and what it stands for, not the notes, reasons, files or names.
func PublicReport(r Report) Report {
	return Report{ID: r.ID, PlanID: r.PlanID, IndicatorID: r.IndicatorID, UnitCode: r.UnitCode, Period: r.Period,
		Version: r.Version, Value: r.Value, State: r.State, Investment: r.Investment, Stage: r.Stage,
		SubmittedAt: r.SubmittedAt, ReviewedAt: r.ReviewedAt, MilestonesDone: r.MilestonesDone}
}

// ViewReport is the report as u may see it; false when u may not see it.
func ViewReport(u *User, r Report) (Report, bool) {
	if SeesUnit(u, r.UnitCode) {
		return r, true
	}
	if r.State != Approved {
		return Report{}, false
	}
	return PublicReport(r), true
}

// ViewReports keeps the reports u may see, as u may see them.
func ViewReports(u *User, reps []Report) []Report {
	out := make([]Report, 0, len(reps))
	for _, r := range reps {
		if v, ok := ViewReport(u, r); ok {
			out = append(out, v)
		}
	}
	return out
}

// FileAccess tells which units' reports list a file.
type FileAccess interface {
	FileReportUnits(ctx context.Context, fileID string) ([]string, error)
}

// CanReadFile reports whether u may read a file: its uploader may, and so
// may whoever sees the working data of a unit whose report lists it.
func CanReadFile(u *User, f *File, reportUnits []string) bool {
	if u == nil {
		return false
	}
	if f.UploadedBy == u.Username {
		return true
	}
	for _, unit := range reportUnits {
		if SeesUnit(u, unit) {
			return true
		}
	}
	return false
}
