package store

import (
	"context"
	"database/sql"

	"github.com/duban-dev/duban"
)

const fileSelect = "SELECT id, name, content_type, size, uploaded_by, uploaded_at FROM files "

func scanFile(s scanner) (duban.File, error) {
	var f duban.File
	err := s.Scan(&f.ID, &f.Name, &f.ContentType, &f.Size, &f.UploadedBy, timeCol{&f.UploadedAt})
	return f, err
}

// CreateFile records an uploaded file's metadata unless a row with its id
// exists, and returns the stored row. A new row is audited; concurrent
// uploads of the same bytes both succeed.
func (db *DB) CreateFile(ctx context.Context, f *duban.File) (*duban.File, error) {
	var stored duban.File
	err := db.write(ctx, func(t *tx) error {
		res, err := t.exec(ctx, `INSERT INTO files (id, name, content_type, size, uploaded_by, uploaded_at)
			VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`,
			f.ID, f.Name, f.ContentType, f.Size, f.UploadedBy, t.now)
		if err != nil {
			return err
		}
		if stored, err = scanFile(t.queryRow(ctx, fileSelect+"WHERE id = ?", f.ID)); err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil || n == 0 {
			return err // already stored: nothing was written
		}
		return t.audit(ctx, stored.UploadedBy, "file.upload", "file", 0, nil, stored)
	})
	if err != nil {
		return nil, wrap(err, "create file %s", f.ID)
	}
	return &stored, nil
}

// FindFile returns a file's metadata, ENOTFOUND if there is none.
func (db *DB) FindFile(ctx context.Context, id string) (*duban.File, error) {
	var f duban.File
	err := db.read(ctx, func(t *tx) error {
		var err error
		f, err = scanFile(t.queryRow(ctx, fileSelect+"WHERE id = ?", id))
		if isNoRows(err) {
			return duban.Errorf(duban.ENOTFOUND, "文件不存在 (file not found): %s", id)
		}
		return err
	})
	if err != nil {
		return nil, wrap(err, "find file %s", id)
	}
	return &f, nil
}

// loadFiles reads the files of the given ids; unknown ids are missing from
// the map.
func (t *tx) loadFiles(ctx context.Context, ids []any) (map[string]duban.File, error) {
	files := map[string]duban.File{}
	if len(ids) == 0 {
		return files, nil
	}
	err := t.queryIn(ctx, fileSelect+"WHERE id IN", ids, "", func(rows *sql.Rows) error {
		f, err := scanFile(rows)
		files[f.ID] = f
		return err
	})
	return files, err
}

// attachmentIDs lists the distinct attachment ids of the inputs.
func attachmentIDs(ins []duban.ReportInput) []any {
	seen := map[string]bool{}
	var ids []any
	for i := range ins {
		for _, id := range ins[i].Attachments {
			if !seen[id] {
				seen[id] = true
				ids = append(ids, id)
			}
		}
	}
	return ids
}

// withAttachments fills the attachments of the reports with one query per
// chunk of reports.
func (t *tx) withAttachments(ctx context.Context, reps []duban.Report) error {
	if len(reps) == 0 {
		return nil
	}
	index := make(map[int64]int, len(reps))
	ids := make([]int64, len(reps))
	for i := range reps {
		index[reps[i].ID], ids[i] = i, reps[i].ID
	}
	return t.queryIn(ctx, "SELECT report_id, file_id, name, content_type, size FROM report_attachments WHERE report_id IN",
		int64Keys(ids), "ORDER BY report_id, position", func(rows *sql.Rows) error {
			var reportID int64
			var a duban.Attachment
			if err := rows.Scan(&reportID, &a.ID, &a.Name, &a.ContentType, &a.Size); err != nil {
				return err
			}
			r := &reps[index[reportID]]
			r.Attachments = append(r.Attachments, a)
			return nil
		})
}

func (t *tx) reportAttachments(ctx context.Context, reportID int64) ([]duban.Attachment, error) {
	reps := []duban.Report{{ID: reportID}}
	err := t.withAttachments(ctx, reps)
	return reps[0].Attachments, err
}
