package synth

import "github.com/duban-dev/duban"

// Dataset yields one part per district.
type Dataset struct {
	Config
	// PasswordHash is stored for every account.
	PasswordHash string
}

// Parts is the number of districts.
func (ds *Dataset) Parts() int { return ds.Districts }

// Part builds district d's records; the first part also holds the
// national accounts.
func (ds *Dataset) Part(d int) (*duban.DatasetPart, error) {
	x := newDistrict(ds.Config, d)
	x.units()
	x.plan()
	x.tree()
	x.reports()
	x.notices()
	if err := x.statuses(); err != nil {
		return nil, err
	}
	if d == 0 {
		x.part.Users = GlobalUserList(ds.PasswordHash)
	}
	x.users(ds.PasswordHash)
	return x.part, nil
}
