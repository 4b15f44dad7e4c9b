package rank

import "strconv"

// Parse returns the profile p with the settings named in get overridden:
// completion, on_time, red, overdue, notice_overdue (numbers) and top,
// bottom (whole numbers). get returns "" for a setting not given. The
// result is validated; errors name the setting.
func (p Profile) Parse(get func(name string) string) (Profile, error) {
	weights := []struct {
		name string
		v    *float64
	}{{"completion", &p.Weights.Completion}, {"on_time", &p.Weights.OnTime}, {"red", &p.Weights.Red},
		{"overdue", &p.Weights.Overdue}, {"notice_overdue", &p.Weights.NoticeOverdue}}
	custom := false
	for _, w := range weights {
		if s := get(w.name); s != "" {
			f, err := strconv.ParseFloat(s, 64)
			if err != nil {
				return p, &SettingError{Name: w.name, Message: "不是数字 (not a number)"}
			}
			*w.v, custom = f, true
		}
	}
	for _, l := range []struct {
		name string
		v    *int
	}{{"top", &p.Labels.Top}, {"bottom", &p.Labels.Bottom}} {
		if s := get(l.name); s != "" {
			n, err := strconv.Atoi(s)
			if err != nil {
				return p, &SettingError{Name: l.name, Message: "不是整数 (not a whole number)"}
			}
			*l.v, custom = n, true
		}
	}
	if custom {
		p.Name = "custom"
	}
	return p, p.Validate()
}
