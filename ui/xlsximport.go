package ui

import (
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"net/http"
	"sync"
	"time"

	"github.com/duban-dev/duban"
	"github.com/duban-dev/duban/web"
	"github.com/duban-dev/duban/xlsx"
)

// pendingImports holds workbooks an administrator previewed, until they
// confirm the import or the entry expires: the confirm form then carries
// only a random key, not the workbook.
var pendingImports = &pending{items: map[string]pendingBook{}}

const (
	pendingTTL = 30 * time.Minute
	pendingMax = 32
)

type pending struct {
	mu    sync.Mutex
	items map[string]pendingBook
}

type pendingBook struct {
	user    string
	data    []byte
	expires time.Time
}

// put keeps a workbook for its uploader and returns its key.
func (p *pending) put(user string, data []byte, now time.Time) string {
	b := make([]byte, 16)
	_, _ = rand.Read(b)
	key := hex.EncodeToString(b)
	p.mu.Lock()
	defer p.mu.Unlock()
	for k, v := range p.items {
		if now.After(v.expires) || len(p.items) >= pendingMax {
			delete(p.items, k)
		}
	}
	p.items[key] = pendingBook{user: user, data: data, expires: now.Add(pendingTTL)}
	return key
}

// take removes and returns the uploader's workbook under key.
func (p *pending) take(user, key string, now time.Time) ([]byte, bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	v, ok := p.items[key]
	if !ok || v.user != user || now.After(v.expires) {
		return nil, false
	}
	delete(p.items, key)
	return v.data, true
}

type workbookImportView struct {
	page
	Result *xlsx.ImportResult
	Key    string
	Lines  []string
}

// previewPlanWorkbook runs the import as a dry run and shows what it would
// add and change, with a button that confirms it.
func (h *Handler) previewPlanWorkbook(w http.ResponseWriter, r *http.Request) {
	v := &workbookImportView{page: h.newPage(r, "xlsx.import_title")}
	data, _, err := uploaded(r, "file")
	if err == nil {
		v.Result, err = h.workbooks().ImportPlan(r.Context(), bytes.NewReader(data), true, v.User.Username)
	}
	if err != nil {
		h.showImportError(w, r, v, err)
		return
	}
	if !v.Result.Empty() {
		v.Key = pendingImports.put(v.User.Username, data, h.cfg.Now())
	}
	h.render(w, r, http.StatusOK, "xlsximport", v)
}

func (h *Handler) confirmPlanWorkbook(w http.ResponseWriter, r *http.Request) {
	v := &workbookImportView{page: h.newPage(r, "xlsx.import_title")}
	data, ok := pendingImports.take(v.User.Username, r.PostFormValue("key"), h.cfg.Now())
	if !ok {
		h.showImportError(w, r, v, duban.Invalid("预览已过期，请重新上传 (the preview expired; upload again)",
			duban.FieldError{Field: "file", Message: "请重新选择工作簿 (choose the workbook again)"}))
		return
	}
	res, err := h.workbooks().ImportPlan(r.Context(), bytes.NewReader(data), false, v.User.Username)
	if err != nil {
		h.showImportError(w, r, v, err)
		return
	}
	h.cfg.Tracker.Forget(res.PlanID)
	http.Redirect(w, r, "/admin?done=import", http.StatusSeeOther)
}

func (h *Handler) showImportError(w http.ResponseWriter, r *http.Request, v *workbookImportView, err error) {
	if duban.ErrorCode(err) == duban.EINTERNAL {
		h.fail(w, r, err)
		return
	}
	v.Error, v.Lines = duban.ErrorMessage(err), xlsx.Lines(err)
	h.render(w, r, web.HTTPStatus(duban.ErrorCode(err)), "xlsximport", v)
}
