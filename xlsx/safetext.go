package xlsx

import "strings"

// formulaStarts are the first characters a spreadsheet may read as the
// start of a formula (or, tab and CR, that hide one behind whitespace).
const formulaStarts = "=+-@\t\r"

// SafeText neutralises text against formula injection: a cell that starts
// like a formula gets a leading apostrophe, so Excel, LibreOffice and any
// CSV saved from them show it as text. Every exported text cell goes
// through it; import takes the apostrophe off again (unquote).
func SafeText(s string) string {
	if s != "" && strings.ContainsRune(formulaStarts, rune(s[0])) {
		return "'" + s
	}
	return s
}

// SafeValue is SafeText for a cell value of any type: only strings change.
func SafeValue(v any) any {
	if s, ok := v.(string); ok {
		return SafeText(s)
	}
	return v
}

// unquote undoes SafeText on a cell read back.
func unquote(s string) string {
	if len(s) > 1 && s[0] == '\'' && strings.ContainsRune(formulaStarts, rune(s[1])) {
		return s[1:]
	}
	return s
}
