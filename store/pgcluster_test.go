package store_test

import (
	"fmt"
	"net"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"sort"
	"strconv"
	"testing"
)

// pgCluster is a throwaway PostgreSQL primary with a streaming standby,
// both on loopback, made with the server's own tools (initdb,
// pg_basebackup -R). Run as root, the tools run as the postgres user.
type pgCluster struct {
	bin, dir              string
	primaryPort, standbyP int
}

// pgBin finds the PostgreSQL server binaries: DUBAN_TEST_PGBIN, else the
// newest /usr/lib/postgresql/*/bin. Without them the test is skipped, or
// fails under CI, which must provide them.
func pgBin(t testing.TB) string {
	t.Helper()
	dir := os.Getenv("DUBAN_TEST_PGBIN")
	if dir == "" {
		found, _ := filepath.Glob("/usr/lib/postgresql/*/bin")
		sort.Slice(found, func(i, j int) bool { return pgVersion(found[i]) < pgVersion(found[j]) })
		if len(found) > 0 {
			dir = found[len(found)-1]
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "pg_basebackup")); dir == "" || err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("PostgreSQL server binaries not found (set DUBAN_TEST_PGBIN)")
		}
		t.Skip("PostgreSQL server binaries not found; set DUBAN_TEST_PGBIN")
	}
	return dir
}

func pgVersion(binDir string) int {
	n, _ := strconv.Atoi(filepath.Base(filepath.Dir(binDir)))
	return n
}

// startReplicatedCluster starts a primary (wal_level=replica) and a hot
// standby cloned from it, and stops both when the test ends.
func startReplicatedCluster(t testing.TB) *pgCluster {
	t.Helper()
	c := &pgCluster{bin: pgBin(t), primaryPort: freePort(t), standbyP: freePort(t)}
	dir, err := os.MkdirTemp("", "duban-replica-")
	if err != nil {
		t.Fatal(err)
	}
	c.dir = dir
	t.Cleanup(func() { os.RemoveAll(dir) })
	c.chownToPostgres(t, dir)
	primary, standby := filepath.Join(dir, "primary"), filepath.Join(dir, "standby")
	c.run(t, "initdb", "-D", primary, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8")
	c.start(t, primary, c.primaryPort, "-c wal_level=replica -c max_wal_senders=4")
	c.run(t, "pg_basebackup", "-h", "127.0.0.1", "-p", strconv.Itoa(c.primaryPort), "-U", "postgres",
		"-D", standby, "-R", "-X", "stream", "-c", "fast")
	c.start(t, standby, c.standbyP, "-c hot_standby=on")
	return c
}

func (c *pgCluster) start(t testing.TB, data string, port int, extra string) {
	t.Helper()
	opts := fmt.Sprintf("-c listen_addresses=127.0.0.1 -p %d -k %s -c fsync=off %s", port, c.dir, extra)
	c.run(t, "pg_ctl", "-D", data, "-l", data+".log", "-w", "-t", "60", "-o", opts, "start")
	t.Cleanup(func() { c.runQuiet("pg_ctl", "-D", data, "-m", "immediate", "-w", "stop") })
}

func (c *pgCluster) dsn(port int) string {
	return fmt.Sprintf("postgres://postgres@127.0.0.1:%d/postgres?sslmode=disable", port)
}

func (c *pgCluster) command(name string, args ...string) *exec.Cmd {
	path := filepath.Join(c.bin, name)
	if os.Geteuid() == 0 {
		return exec.Command("runuser", append([]string{"-u", "postgres", "--", path}, args...)...)
	}
	return exec.Command(path, args...)
}

func (c *pgCluster) run(t testing.TB, name string, args ...string) {
	t.Helper()
	cmd := c.command(name, args...)
	cmd.Dir = c.dir
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("%s: %v\n%s", name, err, out)
	}
}

func (c *pgCluster) runQuiet(name string, args ...string) {
	cmd := c.command(name, args...)
	cmd.Dir = c.dir
	cmd.Run()
}

func (c *pgCluster) chownToPostgres(t testing.TB, dir string) {
	t.Helper()
	if os.Geteuid() != 0 {
		return
	}
	u, err := user.Lookup("postgres")
	if err != nil {
		t.Fatalf("running as root needs a postgres user: %v", err)
	}
	uid, _ := strconv.Atoi(u.Uid)
	gid, _ := strconv.Atoi(u.Gid)
	if err := os.Chown(dir, uid, gid); err != nil {
		t.Fatal(err)
	}
}

func freePort(t testing.TB) int {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}
