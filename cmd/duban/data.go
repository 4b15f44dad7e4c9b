package main

import (
	"flag"
	"path/filepath"
	"strings"

	"github.com/duban-dev/duban/files"
	"github.com/duban-dev/duban/store"
)

// dataFlags are the flags of where uploaded files live.
type dataFlags struct {
	dir   string
	maxMB int64
}

func addDataFlags(fs *flag.FlagSet) *dataFlags {
	d := &dataFlags{}
	fs.StringVar(&d.dir, "data", "", "附件目录，默认为数据库文件旁的 duban-data (data directory for uploaded files; default duban-data beside the SQLite file)")
	fs.Int64Var(&d.maxMB, "max-upload-mb", files.DefaultMaxSize>>20, "单个附件上限，MB (largest upload in MB)")
	return d
}

// dataDir is the directory given, else duban-data next to a SQLite file,
// else (PostgreSQL) duban-data in the working directory.
func dataDir(dir, dsn string) string {
	if dir != "" {
		return dir
	}
	if strings.Contains(dsn, "://") {
		return "duban-data"
	}
	return filepath.Join(filepath.Dir(strings.TrimPrefix(dsn, "file:")), "duban-data")
}

func (d *dataFlags) open(dsn string, db *store.DB) (*files.Store, error) {
	return files.New(files.Config{Dir: dataDir(d.dir, dsn), MaxSize: d.maxMB << 20, Index: db})
}
