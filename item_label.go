package duban

import "strings"

// ItemLabel names an indicator for a list where it stands alone (a
// reporter's due list, a notice): its node's title and its own name, since
// many indicators share a name (270 projects each report 年度投资完成额);
// one of them alone when it holds the other.
func ItemLabel(nodeTitle, indicatorName string) string {
	switch {
	case nodeTitle == "" || strings.Contains(indicatorName, nodeTitle):
		return indicatorName
	case indicatorName == "" || strings.Contains(nodeTitle, indicatorName):
		return nodeTitle
	}
	return nodeTitle + " · " + indicatorName
}
