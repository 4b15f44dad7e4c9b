package ui_test

import (
	"context"
	"strconv"
	"strings"
	"testing"

	"github.com/duban-dev/duban/demo/demodb"
)

// TestForecastNamesItsYearAndHidesAnEmptyInterval: an item due at the end
// of 2023 is forecast "预计2023年底完成", and a forecast from too few
// reports for an interval shows none rather than "12–12".
func TestForecastNamesItsYearAndHidesAnEmptyInterval(t *testing.T) {
	e := newProjectEnv(t)
	ids, err := demodb.IndicatorIDs(context.Background(), e.db, e.planID)
	if err != nil {
		t.Fatal(err)
	}
	c := e.client()
	c.login("duchashi")
	body := c.get("/indicators/" + strconv.FormatInt(ids["xwqyy"], 10)).body
	at := strings.Index(body, `id="forecast"`)
	if at < 0 {
		t.Fatalf("no forecast: %.300s", body)
	}
	forecast := body[at:min(len(body), at+400)]
	if !strings.Contains(forecast, "预计2023年底完成") || strings.Contains(forecast, "80% 区间 12–12") {
		t.Fatalf("forecast: %s", forecast)
	}
}
