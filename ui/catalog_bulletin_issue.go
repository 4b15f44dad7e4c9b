package ui

// The texts of issuing a bulletin: preview first, then confirm.
func init() {
	for k, v := range map[string][2]string{
		"bul.preview":    {"预览", "Preview"},
		"bul.force":      {"强制发布（通报期尚未结束，数据截至今天）", "Force (the period has not ended; figures as of today)"},
		"bul.draft":      {"预览稿：确认后发布", "Draft: confirm to issue"},
		"bul.draft_note": {"以下为预览，尚未发布、未编号；确认后编号、存档并通知各单位。", "A preview: not issued and not numbered yet. Confirming numbers, stores and announces it."},
		"bul.doc_title":  {"标题", "Title"},
		"bul.draft_full": {"查看完整预览稿（新窗口）", "Open the whole draft (new window)"},
		"bul.confirm":    {"确认发布", "Confirm and issue"},
		"bul.cancel":     {"取消", "Cancel"},
	} {
		catalog[k] = v
	}
}
