package store

import (
	"context"
	"database/sql"
	"errors"
	"slices"
	"strings"

	"github.com/duban-dev/duban"
)

func (im *importer) upsertUnits(ctx context.Context) error {
	stmt, err := im.t.prepare(ctx, `INSERT INTO units (code, name, short_name, kind, phone, address)
		VALUES (?, ?, ?, ?, ?, ?)
		ON CONFLICT (code) DO UPDATE SET name = excluded.name, short_name = excluded.short_name,
		kind = excluded.kind, phone = excluded.phone, address = excluded.address
		RETURNING id`)
	if err != nil {
		return wrap(err, "prepare units")
	}
	defer stmt.Close()
	im.units = make(map[string]int64, len(im.b.Units))
	for _, u := range byCode(im.b.Units, func(u duban.Unit) string { return u.Code }) {
		var id int64
		err := stmt.QueryRowContext(ctx, u.Code, u.Name, u.ShortName, string(u.Kind), u.Phone, u.Address).Scan(&id)
		if err != nil {
			return wrap(mapErr(err), "upsert unit %s", u.Code)
		}
		im.units[u.Code] = id
	}
	return im.setUnitParents(ctx)
}

// setUnitParents runs after every unit exists, so the document may list a
// unit before its parent.
func (im *importer) setUnitParents(ctx context.Context) error {
	stmt, err := im.t.prepare(ctx, "UPDATE units SET parent_id = ? WHERE id = ?")
	if err != nil {
		return wrap(err, "prepare unit parents")
	}
	defer stmt.Close()
	for _, u := range im.b.Units {
		var parent any
		if u.ParentCode != "" {
			parent = im.units[u.ParentCode]
		}
		if _, err := stmt.ExecContext(ctx, parent, im.units[u.Code]); err != nil {
			return wrap(mapErr(err), "set parent of unit %s", u.Code)
		}
	}
	return nil
}

func (im *importer) upsertPeople(ctx context.Context) error {
	stmt, err := im.t.prepare(ctx, `INSERT INTO people (code, name, title, unit_id, role, phone, email)
		VALUES (?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (code) DO UPDATE SET name = excluded.name, title = excluded.title,
		unit_id = excluded.unit_id, role = excluded.role, phone = excluded.phone, email = excluded.email
		RETURNING id`)
	if err != nil {
		return wrap(err, "prepare people")
	}
	defer stmt.Close()
	im.people = make(map[string]int64, len(im.b.People))
	for _, p := range byCode(im.b.People, func(p duban.Person) string { return p.Code }) {
		var id int64
		err := stmt.QueryRowContext(ctx, p.Code, p.Name, p.Title, im.units[p.UnitCode], string(p.Role), p.Phone, p.Email).Scan(&id)
		if err != nil {
			return wrap(mapErr(err), "upsert person %s", p.Code)
		}
		im.people[p.Code] = id
	}
	return nil
}

func (im *importer) upsertMechanisms(ctx context.Context) error {
	stmt, err := im.t.prepare(ctx, `INSERT INTO mechanisms (code, name, description, roles, cadence, checklist, stages)
		VALUES (?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (code) DO UPDATE SET name = excluded.name, description = excluded.description,
		roles = excluded.roles, cadence = excluded.cadence, checklist = excluded.checklist, stages = excluded.stages
		RETURNING id`)
	if err != nil {
		return wrap(err, "prepare mechanisms")
	}
	defer stmt.Close()
	im.mechs = make(map[string]int64, len(im.b.Mechanisms))
	for _, m := range byCode(im.b.Mechanisms, func(m duban.Mechanism) string { return m.Code }) {
		lists, err := jsonArgs(m.Roles, m.Checklist, m.Stages)
		if err != nil {
			return err
		}
		var id int64
		err = stmt.QueryRowContext(ctx, m.Code, m.Name, m.Description, lists[0], string(m.Cadence), lists[1], lists[2]).Scan(&id)
		if err != nil {
			return wrap(mapErr(err), "upsert mechanism %s", m.Code)
		}
		im.mechs[m.Code] = id
	}
	return nil
}

// byCode returns a copy of records sorted by code. Upserting shared records
// in one global order means two concurrent imports lock rows in the same
// order and cannot deadlock on PostgreSQL.
func byCode[T any](records []T, code func(T) string) []T {
	sorted := slices.Clone(records)
	slices.SortFunc(sorted, func(a, b T) int { return strings.Compare(code(a), code(b)) })
	return sorted
}

func jsonArgs(lists ...[]string) ([]string, error) {
	out := make([]string, len(lists))
	for i, l := range lists {
		s, err := jsonArg(l)
		if err != nil {
			return nil, err
		}
		out[i] = s
	}
	return out, nil
}

func unitCodes(us []duban.Unit) []string {
	codes := make([]string, len(us))
	for i, u := range us {
		codes[i] = u.Code
	}
	return codes
}

func personCodes(ps []duban.Person) []string {
	codes := make([]string, len(ps))
	for i, p := range ps {
		codes[i] = p.Code
	}
	return codes
}

func mechanismCodes(ms []duban.Mechanism) []string {
	codes := make([]string, len(ms))
	for i, m := range ms {
		codes[i] = m.Code
	}
	return codes
}

func isNoRows(err error) bool { return errors.Is(err, sql.ErrNoRows) }
