package main

import "testing"

func TestDataDir(t *testing.T) {
	for _, tc := range []struct{ dir, dsn, want string }{
		{"", "duban.db", "duban-data"},
		{"", "/var/lib/duban/duban.db", "/var/lib/duban/duban-data"},
		{"", "file:/srv/d.db", "/srv/duban-data"},
		{"", "postgres://u@db/duban", "duban-data"},
		{"/data", "/var/lib/duban/duban.db", "/data"},
	} {
		if got := dataDir(tc.dir, tc.dsn); got != tc.want {
			t.Errorf("dataDir(%q, %q) = %q, want %q", tc.dir, tc.dsn, got, tc.want)
		}
	}
}
