package projects

import (
	"github.com/duban-dev/duban/forecast"
)

// CountRows counts rows as Build counts the whole ledger.
func CountRows(rows []Row) Counts { return count(rows) }

// Find returns the ledger's row of a project node, nil if it has none.
func Find(l *Ledger, nodeID int64) *Row {
	for i := range l.Rows {
		if l.Rows[i].NodeID == nodeID {
			return &l.Rows[i]
		}
	}
	return nil
}

// MapPoint is a project with coordinates, coloured by its light.
type MapPoint struct {
	NodeID    int64   `json:"node_id"`
	Code      string  `json:"code"`
	Title     string  `json:"title"`
	Lat       float64 `json:"lat"`
	Lng       float64 `json:"lng"`
	Status    string  `json:"status"`
	Label     string  `json:"status_label"`
	Colour    string  `json:"colour"`
	Stage     string  `json:"stage_label"`
	LeadUnit  string  `json:"lead_unit"`
	YearPlan  float64 `json:"year_investment"`
	Rate      float64 `json:"completion_rate"`
	Simulated bool    `json:"simulated"`
}

// Map is the ledger's projects that have coordinates, and how many lack
// them.
type Map struct {
	Points  []MapPoint `json:"points"`
	Missing int        `json:"missing"`
}

// MapOf places the ledger's projects.
func MapOf(l *Ledger) Map {
	m := Map{Points: []MapPoint{}}
	for _, r := range l.Rows {
		if r.Lat == nil || r.Lng == nil {
			m.Missing++
			continue
		}
		m.Points = append(m.Points, MapPoint{NodeID: r.NodeID, Code: r.Code, Title: r.Title, Lat: *r.Lat, Lng: *r.Lng,
			Status: string(r.Status), Label: r.StatusLabel, Colour: r.Status.Hex(), Stage: r.StageLabel, LeadUnit: r.LeadUnit,
			YearPlan: r.YearPlan, Rate: r.Rate, Simulated: r.Simulated})
	}
	return m
}

// Forecast is every forecast of a plan and the indicators likely to miss.
type Forecast struct {
	Method     string            `json:"method"`
	MethodEN   string            `json:"method_en"`
	Items      []forecast.Result `json:"items"`
	LikelyMiss []Risk            `json:"likely_to_miss"`
}

// ForecastOf forecasts every cumulative indicator of the input.
func ForecastOf(in *Input) Forecast {
	fs := Forecasts(in)
	out := Forecast{Method: forecast.Method, MethodEN: forecast.MethodEN, Items: []forecast.Result{}, LikelyMiss: LikelyToMiss(in, fs)}
	for _, ind := range in.Indicators {
		if f, ok := fs[ind.ID]; ok {
			out.Items = append(out.Items, f)
		}
	}
	if out.LikelyMiss == nil {
		out.LikelyMiss = []Risk{}
	}
	return out
}
