// Package planfile reads and writes the human-editable YAML plan format
// (duban-plan/1): a whole plan — units, people, mechanisms and the nested
// node tree with its indicators — in one file a supervision office can edit
// by hand. Decode reports every problem with its line; Encode writes the
// canonical form, which Decode then Encode reproduces byte for byte.
// docs/plan-format.md describes the format for its users.
package planfile

// Format is the value of the top-level "format" key this package reads and
// writes.
const Format = "duban-plan/1"

// header is the first line of every encoded file.
const header = "# duban plan file — format " + Format + "\n"

// Keys of each kind of record, in canonical order. The decoder accepts only
// these; the encoder writes them in this order.
var (
	topKeys       = []string{"format", "plan", "units", "people", "mechanisms", "nodes"}
	planKeys      = []string{"id", "title", "issuer", "year", "start", "end", "framework", "public", "profile", "description", "bulletin"}
	bulletinKeys  = []string{"cadence", "day", "prefix", "issuer"}
	unitKeys      = []string{"id", "name", "short_name", "kind", "parent", "phone", "address"}
	personKeys    = []string{"id", "name", "title", "unit", "role", "phone", "email"}
	mechanismKeys = []string{"id", "name", "description", "roles", "cadence", "checklist", "stages"}
	nodeKeys      = []string{"id", "kind", "title", "description", "lead_unit", "co_units", "leader", "start", "deadline",
		"commitment", "weight", "quote", "tags", "mechanisms", "project", "indicators", "children"}
	projectKeys   = []string{"total_investment", "year_investment", "completed_investment", "stage", "address", "lat", "lng"}
	indicatorKeys = []string{"id", "name", "unit", "baseline", "target", "comparator", "tolerance", "direction",
		"kind", "cadence", "milestones"}
	milestoneKeys = []string{"date", "value", "description"}
)
