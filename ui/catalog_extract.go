package ui

// The texts of the import-from-text page for file encodings and the plan
// year read from the text, added to the catalog.
func init() {
	for k, v := range map[string][2]string{
		"import.file_any":                {"或上传文件：文本（UTF-8、GBK、UTF-16）或 Word (.docx)", "Or upload a file: text (UTF-8, GBK, UTF-16) or Word (.docx)"},
		"import.year_hint":               {"留空则从原文读出", "Leave empty to read it from the text"},
		"import.year_from.option":        {"按填写", "as given"},
		"import.year_from.title":         {"读自标题", "read from the title"},
		"import.year_from.heading":       {"读自标题行", "read from a heading"},
		"import.year_from.lead-in":       {"读自导语", "read from the lead-in"},
		"import.year_from.document date": {"读自成文日期", "read from the document's date"},
		"import.year_from.today":         {"原文未写明，按当前年度，可返回填写", "the text states none: this year is used; go back to give one"},
	} {
		catalog[k] = v
	}
}
