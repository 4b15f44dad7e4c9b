package xlsx

import (
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/duban-dev/duban/status"
)

// styles are the style ids a workbook's sheets share.
type styles struct {
	header, text, number, date, percent int
	input                               int // unlocked cells of the report template
	status                              map[status.Status]int
}

// statusWords is how a status reads in a cell: the light and its meaning,
// so the sheet reads the same printed in black and white.
var statusWords = map[status.Status]string{
	status.OnTrack:     "绿灯 正常",
	status.Warning:     "黄灯 预警",
	status.Lagging:     "红灯 滞后",
	status.Overdue:     "逾期",
	status.Done:        "已完成",
	status.NotReported: "未报送",
	status.NotStarted:  "未开始",
}

// StatusText is the words a status cell holds, "" for no status.
func StatusText(s status.Status) string { return statusWords[s] }

var dateFormat = "yyyy-mm-dd"

func newStyles(f *excelize.File) (*styles, error) {
	var st styles
	border := []excelize.Border{
		{Type: "left", Color: "BFBFBF", Style: 1}, {Type: "right", Color: "BFBFBF", Style: 1},
		{Type: "top", Color: "BFBFBF", Style: 1}, {Type: "bottom", Color: "BFBFBF", Style: 1},
	}
	unlocked := &excelize.Protection{Locked: false}
	defs := []struct {
		id *int
		s  excelize.Style
	}{
		{&st.header, excelize.Style{Font: &excelize.Font{Bold: true}, Border: border,
			Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"D9E1F2"}},
			Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}}},
		{&st.text, excelize.Style{Border: border}},
		{&st.number, excelize.Style{Border: border, NumFmt: 0}},
		{&st.date, excelize.Style{Border: border, CustomNumFmt: &dateFormat}},
		{&st.percent, excelize.Style{Border: border, NumFmt: 10}},
		{&st.input, excelize.Style{Border: border, Protection: unlocked,
			Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"FFF2CC"}}}},
	}
	for _, d := range defs {
		id, err := f.NewStyle(&d.s)
		if err != nil {
			return nil, err
		}
		*d.id = id
	}
	st.status = map[status.Status]int{}
	for _, s := range status.Statuses {
		id, err := f.NewStyle(statusStyle(s, border))
		if err != nil {
			return nil, err
		}
		st.status[s] = id
	}
	return &st, nil
}

// statusStyle fills the cell with the status's colour; dark fills get
// white text, the yellow light black.
func statusStyle(s status.Status, border []excelize.Border) *excelize.Style {
	fill := strings.TrimPrefix(s.Hex(), "#")
	font := "FFFFFF"
	if s == status.Warning {
		font = "000000"
	}
	return &excelize.Style{Border: border, Font: &excelize.Font{Bold: true, Color: font},
		Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{fill}}}
}
