package planfile

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"

	"go.yaml.in/yaml/v3"

	"github.com/duban-dev/duban"
)

type decoder struct {
	ctx   context.Context
	name  string
	b     *duban.Bundle
	errs  []duban.FieldError
	index lineIndex
}

// Decode reads a plan file and validates the bundle it describes. name is
// the file's name as shown in errors. Any problem — YAML syntax, an unknown
// field, a wrong type, an invalid value or reference — comes back, all of
// them at once, as an *Error wrapping an EINVALID *duban.Error. A failure to
// read r is returned as it is.
func Decode(name string, r io.Reader) (*duban.Bundle, error) {
	return DecodeContext(context.Background(), name, r)
}

// DecodeContext is Decode that stops when ctx ends (ctx.Err() is
// returned) and refuses a file past the bounds in limits.go.
func DecodeContext(ctx context.Context, name string, r io.Reader) (*duban.Bundle, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxDocumentBytes+1))
	if err != nil {
		return nil, err
	}
	d := &decoder{ctx: ctx, name: name, b: &duban.Bundle{}, index: lineIndex{}}
	if len(data) > MaxDocumentBytes {
		d.add(duban.FieldError{Field: "plan", Message: fmt.Sprintf("文件超过 %d MB (file larger than %d MB)", MaxDocumentBytes>>20, MaxDocumentBytes>>20)})
		return nil, d.result()
	}
	doc, syntax := parse(data)
	if syntax == nil {
		syntax = checkLimits(ctx, doc)
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if syntax != nil {
		d.add(*syntax)
		return nil, d.result()
	}
	d.top(doc)
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if err := d.b.Validate(); err != nil {
		d.addValidation(err)
	}
	if err := d.result(); err != nil {
		return nil, err
	}
	return d.b, nil
}

// parse reads exactly one YAML document.
func parse(data []byte) (*yaml.Node, *duban.FieldError) {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, &duban.FieldError{Field: "plan", Message: "文件为空 (empty file)"}
		}
		fe := syntaxError(err)
		return nil, &fe
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); !errors.Is(err, io.EOF) {
		fe := duban.FieldError{Field: "yaml", Line: extra.Line,
			Message: "一个文件只能有一个文档 (one document per file; remove the ---)"}
		if err != nil {
			fe = syntaxError(err)
		}
		return nil, &fe
	}
	return doc.Content[0], nil
}

func (d *decoder) top(n *yaml.Node) {
	r := d.record("", n, topKeys, "")
	if r == nil {
		return
	}
	if v, ok := r.scalar("format"); ok && v.Value != Format {
		d.fail(r, "format", r.lineOf("format"), "不支持的格式 (unsupported format; want "+Format+")")
	}
	if r.values["plan"] == nil {
		d.fail(r, "plan", r.line, "必填 (required)")
	} else {
		d.plan(r.values["plan"])
	}
	for _, item := range r.items("units") {
		d.unit(item)
	}
	for _, item := range r.items("people") {
		d.person(item)
	}
	for _, item := range r.items("mechanisms") {
		d.mechanism(item)
	}
	for i, item := range r.items("nodes") {
		d.node(item, "", i)
	}
}

func (d *decoder) plan(n *yaml.Node) {
	r := d.record("plan", n, planKeys, "")
	if r == nil {
		return
	}
	d.b.Plan = duban.Plan{
		Code: r.str("id"), Title: r.str("title"), Issuer: r.str("issuer"), Year: r.integer("year"),
		PeriodStart: r.date("start"), PeriodEnd: r.date("end"), Framework: r.strs("framework"),
		Public: r.boolean("public"), Profile: r.str("profile"), Description: r.str("description"),
		Bulletin: d.bulletin(r),
	}
}

// bulletin reads the plan's optional bulletin schedule.
func (d *decoder) bulletin(plan *record) *duban.BulletinSchedule {
	v := plan.values["bulletin"]
	if v == nil || isNull(v) {
		return nil
	}
	r := plan.sub("bulletin.", v, bulletinKeys)
	if r == nil {
		return nil
	}
	plan.lines.merge(r.lines)
	return &duban.BulletinSchedule{Cadence: duban.Cadence(r.str("cadence")), Day: r.integer("day"),
		Prefix: r.str("prefix"), Issuer: r.str("issuer")}
}

func (d *decoder) unit(n *yaml.Node) {
	r := d.record("unit", n, unitKeys, "")
	if r == nil {
		return
	}
	d.b.Units = append(d.b.Units, duban.Unit{
		Code: r.str("id"), Name: r.str("name"), ShortName: r.str("short_name"),
		Kind: duban.UnitKind(r.str("kind")), ParentCode: r.str("parent"),
		Phone: r.str("phone"), Address: r.str("address"),
	})
}

func (d *decoder) person(n *yaml.Node) {
	r := d.record("person", n, personKeys, "")
	if r == nil {
		return
	}
	d.b.People = append(d.b.People, duban.Person{
		Code: r.str("id"), Name: r.str("name"), Title: r.str("title"), UnitCode: r.str("unit"),
		Role: duban.PersonRole(r.str("role")), Phone: r.str("phone"), Email: r.str("email"),
	})
}

func (d *decoder) mechanism(n *yaml.Node) {
	r := d.record("mechanism", n, mechanismKeys, "")
	if r == nil {
		return
	}
	d.b.Mechanisms = append(d.b.Mechanisms, duban.Mechanism{
		Code: r.str("id"), Name: r.str("name"), Description: r.str("description"),
		Roles: r.strs("roles"), Cadence: duban.Cadence(r.str("cadence")),
		Checklist: r.strs("checklist"), Stages: r.strs("stages"),
	})
}
