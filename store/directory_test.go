package store_test

import (
	"context"
	"testing"

	"github.com/duban-dev/duban"
	"github.com/duban-dev/duban/store"
)

func TestDirectory(t *testing.T) {
	forEachStore(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		f := mustTracking(t, db)
		b, _ := db.ExportBundle(ctx, f.planID)

		people, err := db.ListPeople(ctx)
		if err != nil {
			t.Fatal(err)
		}
		assertEqual(t, "people by code", people, []duban.Person{b.People[0], b.People[1]})

		a1, err := db.FindNode(ctx, f.node["A1"].ID)
		if err != nil {
			t.Fatal(err)
		}
		assertEqual(t, "node A1", *a1, f.node["A1"])
		if a1.PlanID != f.planID || len(a1.CoUnits) != 2 || len(a1.Mechanisms) != 2 {
			t.Errorf("A1 plan %d co-units %v mechanisms %v", a1.PlanID, a1.CoUnits, a1.Mechanisms)
		}
		_, err = db.FindNode(ctx, 999999)
		wantCode(t, err, duban.ENOTFOUND)

		nodes, err := db.ListNodes(ctx, f.planID)
		if err != nil {
			t.Fatal(err)
		}
		assertEqual(t, "pre-order", nodeCodes(nodes), []string{"G1", "A1", "P1", "T1", "I1", "P2"})
		for _, n := range nodes {
			if n.ID == 0 || n.ID != f.node[n.Code].ID || n.ParentCode != f.node[n.Code].ParentCode {
				t.Errorf("node %s: id %d parent %q", n.Code, n.ID, n.ParentCode)
			}
		}
		_, err = db.ListNodes(ctx, f.planID+1)
		wantCode(t, err, duban.ENOTFOUND)
	})
}
