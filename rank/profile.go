package rank

import "fmt"

// Weights turn a unit's figures into a score. Completion and OnTime are the
// points a unit earns at a rate of 100%; the other three are points taken
// off per item or notice.
type Weights struct {
	Completion    float64 `json:"completion"`     // 序时完成率 (points at 100%)
	OnTime        float64 `json:"on_time"`        // 按时报送率 (points at 100%)
	Red           float64 `json:"red"`            // per red (滞后) item
	Overdue       float64 `json:"overdue"`        // per overdue (逾期) item
	NoticeOverdue float64 `json:"notice_overdue"` // per notice unanswered past its reply deadline
}

// Labels configures the 红黑榜. Top and Bottom name how many units head the
// red list (红榜) and the black list (黑榜); MinScore and MaxScore, when not
// zero, further require a red-list unit to score at least MinScore and put
// every unit scoring below MaxScore on the black list. A unit is never on
// both lists; the red list wins.
type Labels struct {
	Top      int     `json:"top"`
	Bottom   int     `json:"bottom"`
	MinScore float64 `json:"min_score,omitempty"`
	MaxScore float64 `json:"max_score,omitempty"`
}

// Profile is a named set of weights and list rules.
type Profile struct {
	Name    string  `json:"name"`
	Weights Weights `json:"weights"`
	Labels  Labels  `json:"labels"`
}

// DefaultProfile is the documented default: 60 points for completion
// against 序时进度 and 40 for punctual reporting (so a faultless unit scores
// 100), minus 2 per red item, 3 per overdue item and 2 per notice answered
// late; the top 3 form the 红榜 and the bottom 3 the 黑榜.
var DefaultProfile = Profile{
	Name:    "default",
	Weights: Weights{Completion: 60, OnTime: 40, Red: 2, Overdue: 3, NoticeOverdue: 2},
	Labels:  Labels{Top: 3, Bottom: 3},
}

// Validate rejects negative weights and list sizes.
func (p Profile) Validate() error {
	w := p.Weights
	for name, v := range map[string]float64{"completion": w.Completion, "on_time": w.OnTime, "red": w.Red,
		"overdue": w.Overdue, "notice_overdue": w.NoticeOverdue} {
		if v < 0 {
			return &SettingError{Name: name, Message: "权重不能为负数 (weight must not be negative)"}
		}
	}
	for name, v := range map[string]int{"top": p.Labels.Top, "bottom": p.Labels.Bottom} {
		if v < 0 {
			return &SettingError{Name: name, Message: "红黑榜名额不能为负数 (list size must not be negative)"}
		}
	}
	return nil
}

// SettingError names a profile setting that is out of range or malformed.
type SettingError struct {
	Name    string
	Message string
}

func (e *SettingError) Error() string { return fmt.Sprintf("%s: %s", e.Name, e.Message) }
