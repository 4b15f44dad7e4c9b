package ui

// The texts of the report form's carried photos, the review card and the
// notice list's filters, added to the catalog.
func init() {
	for k, v := range map[string][2]string{
		"report.carried":      {"上一版的照片", "Photos of the earlier version"},
		"report.carried_hint": {"更正时这些照片会保留在新版本中，勾选「移除」的除外", "A correction keeps these photos in the new version, except those ticked 'Remove'"},
		"report.remove_photo": {"移除", "Remove"},
	} {
		catalog[k] = v
	}
}
