package duban

import "testing"

// Every stage, default 前期手续, problem category and state and decision
// state has an English word.
func TestEveryFixedWordHasEnglish(t *testing.T) {
	var words []string
	for _, s := range ProjectStages {
		words = append(words, s.Label())
	}
	words = append(words, DefaultPrepSteps...)
	for _, c := range ProblemCategories() {
		words = append(words, c.Label())
	}
	for s := range problemStateLabels {
		words = append(words, s.Label())
	}
	words = append(words, DecisionOpen.Label(), DecisionDone.Label(), "洽谈")
	for _, w := range words {
		if en := TermEN(w); en == w || en == "" {
			t.Errorf("%q has no English", w)
		}
	}
	if TermEN("自定义节点") != "自定义节点" {
		t.Error("an unknown word must stay as written")
	}
}

func TestUnitEN(t *testing.T) {
	for zh, want := range map[string]string{"万元": "10k yuan", "亿元": "100 million yuan", "个": "", "条": "", "项": "",
		"家": "", "公里": "km", "%": "%", "μg/m³": "μg/m³"} {
		if got := UnitEN(zh); got != want {
			t.Errorf("UnitEN(%q) = %q, want %q", zh, got, want)
		}
	}
}
