package projects

import (
	"cmp"
	"context"

	"github.com/duban-dev/duban"
)

// directory is the part of a store that names units and people; a store
// without it leaves the codes in the texts.
type directory interface {
	ListUnits(ctx context.Context) ([]duban.Unit, error)
	ListPeople(ctx context.Context) ([]duban.Person, error)
}

// names maps unit and person codes to the names the texts show.
func (s *Service) names(ctx context.Context) (map[string]string, error) {
	d, ok := s.store.(directory)
	if !ok {
		return nil, nil
	}
	units, err := d.ListUnits(ctx)
	if err != nil {
		return nil, err
	}
	people, err := d.ListPeople(ctx)
	if err != nil {
		return nil, err
	}
	out := make(map[string]string, len(units)+len(people))
	for _, p := range people {
		out[p.Code] = p.Name
	}
	for _, u := range units {
		out[u.Code] = cmp.Or(u.ShortName, u.Name)
	}
	return out, nil
}

// name is the name of a unit or person code, the code when unknown.
func (in *Input) name(code string) string { return cmp.Or(in.Names[code], code) }
