package extract

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file; run go test -update and review the diff", name)
	}
}

func TestGoldenSeed(t *testing.T) {
	r := Extract(readSeed(t), Options{Year: 2021})
	for _, f := range []struct {
		name  string
		write func(*bytes.Buffer, *Result) error
	}{
		{"erqi-2021.json", func(b *bytes.Buffer, r *Result) error { return WriteJSON(b, r) }},
		{"erqi-2021.yaml", func(b *bytes.Buffer, r *Result) error { return WriteYAML(b, r) }},
		{"erqi-2021.txt", func(b *bytes.Buffer, r *Result) error { return WriteText(b, r) }},
	} {
		var buf bytes.Buffer
		if err := f.write(&buf, r); err != nil {
			t.Fatal(err)
		}
		golden(t, f.name, buf.Bytes())
	}
}

func TestJSONShape(t *testing.T) {
	r := Extract("2021年主要目标：城镇新增就业1100万人以上。整合713所资源。", Options{Year: 2021})
	var buf bytes.Buffer
	if err := WriteJSON(&buf, r); err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Plan struct {
			Title     *string  `json:"title"`
			Year      int      `json:"year"`
			Framework []string `json:"framework"`
			Areas     []any    `json:"areas"`
		} `json:"plan"`
		Targets []map[string]any `json:"targets"`
	}
	if err := json.Unmarshal(buf.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Plan.Year != 2021 || doc.Plan.Title == nil || doc.Plan.Framework == nil || len(doc.Plan.Areas) == 0 {
		t.Errorf("plan: %+v", doc.Plan)
	}
	if len(doc.Targets) != 1 {
		t.Fatalf("targets: %v", doc.Targets)
	}
	for _, k := range []string{"subject", "value", "unit", "comparator", "deadline", "commitment", "quote", "path", "start", "end"} {
		if _, ok := doc.Targets[0][k]; !ok {
			t.Errorf("target has no %q", k)
		}
	}
	if doc.Targets[0]["value"] != 1100.0 || doc.Targets[0]["unit"] != "万人" || doc.Targets[0]["deadline"] != "2021-12-31" {
		t.Errorf("target: %v", doc.Targets[0])
	}
	r = Extract("新建停车场5个。", Options{})
	buf.Reset()
	WriteJSON(&buf, r)
	if !strings.Contains(buf.String(), `"deadline": null`) {
		t.Errorf("no year, no deadline: want null in %s", buf.String())
	}
}

// The YAML must say what the JSON says.
func TestYAMLMatchesJSON(t *testing.T) {
	inputs := []string{readSeed(t), "标题\"引号\\斜杠\"\n\n新建\t公园\u20283个；\x01控制在5%以内。"}
	for _, in := range inputs {
		r := Extract(in, Options{Year: 2021})
		var j, y bytes.Buffer
		if err := WriteJSON(&j, r); err != nil {
			t.Fatal(err)
		}
		if err := WriteYAML(&y, r); err != nil {
			t.Fatal(err)
		}
		var fromJSON, fromYAML any
		if err := json.Unmarshal(j.Bytes(), &fromJSON); err != nil {
			t.Fatal(err)
		}
		if err := yaml.Unmarshal(y.Bytes(), &fromYAML); err != nil {
			t.Fatalf("yaml: %v\n%s", err, y.String())
		}
		a, _ := json.Marshal(fromJSON)
		b, _ := json.Marshal(normalizeYAML(fromYAML))
		if string(a) != string(b) {
			t.Errorf("YAML and JSON differ:\n%s\n%s", a, b)
		}
	}
}

// normalizeYAML turns YAML's map[string]any and ints into JSON's shapes.
func normalizeYAML(v any) any {
	switch x := v.(type) {
	case map[string]any:
		for k, e := range x {
			x[k] = normalizeYAML(e)
		}
		return x
	case []any:
		for i, e := range x {
			x[i] = normalizeYAML(e)
		}
		return x
	case int:
		return float64(x)
	}
	return v
}

func TestTextExplainsDecisions(t *testing.T) {
	r := Extract(readSeed(t), Options{Year: 2021})
	var buf bytes.Buffer
	if err := WriteText(&buf, r); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, s := range []string{
		"713所 — 跳过：名称中的数字 (number inside a name)",
		"100周年 — 跳过：纪念年数 (an anniversary)",
		"248个 — 采用：目标 (taken: a target)",
		"新启动建设小微企业园 = 10个，期限 2023-12-31，力争 (aspirational)",
	} {
		if !strings.Contains(out, s) {
			t.Errorf("text output lacks %q", s)
		}
	}
}
