package web

import (
	"net/http"
	"strings"
)

// handle registers a route and remembers its pattern, so a test can hold
// the OpenAPI document and the routes to each other.
func (s *Server) handle(pattern string, h http.HandlerFunc) {
	s.patterns = append(s.patterns, pattern)
	s.mux.HandleFunc(pattern, h)
}

// Patterns lists every registered route as "METHOD /path".
func (s *Server) Patterns() []string { return append([]string(nil), s.patterns...) }

func (s *Server) routesOpenAPI() {
	s.handle("GET /api/v1/openapi.json", func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusOK, openAPIDocument())
	})
}

// apiDoc documents one route.
type apiDoc struct {
	method, path, tag, summary string
	auth                       bool     // needs a bearer token
	query                      []string // query parameters
	body                       string   // request schema name
	created                    bool     // answers 201
}

var pageQuery = []string{"page", "per_page"}

var apiDocs = []apiDoc{
	{"GET", "/healthz", "system", "就绪检查 (readiness)", false, nil, "", false},
	{"GET", "/api/v1/openapi.json", "system", "本文档 (this document)", false, nil, "", false},
	{"POST", "/api/v1/login", "auth", "登录，返回令牌 (sign in; returns a token)", false, nil, "Login", false},
	{"POST", "/api/v1/logout", "auth", "退出登录 (sign out)", true, nil, "", false},
	{"GET", "/api/v1/me", "auth", "当前用户 (the signed-in user)", true, nil, "", false},
	{"GET", "/api/v1/plans", "plans", "计划列表；未登录只见公开计划 (plans; the public sees public plans)", false, pageQuery, "", false},
	{"GET", "/api/v1/plans/{id}", "plans", "计划详情 (a plan)", false, nil, "", false},
	{"GET", "/api/v1/plans/{id}/indicators", "plans", "计划的指标 (a plan's indicators)", false, pageQuery, "", false},
	{"GET", "/api/v1/plans/{id}/nodes", "plans", "计划树或平铺列表，含状态 (the plan tree or flat list with status)", false,
		[]string{"view", "area", "unit", "status", "deadline_from", "deadline_to", "as_of", "page", "per_page"}, "", false},
	{"GET", "/api/v1/plans/{id}/dashboard", "status", "驾驶舱汇总 (dashboard summary)", false, []string{"as_of"}, "", false},
	{"GET", "/api/v1/plans/{id}/checks", "status", "一致性检查 (consistency findings)", false, []string{"as_of"}, "", false},
	{"POST", "/api/v1/plans/{id}/supervise", "notices", "按规则生成督办单 (issue notices by the rules)", true, []string{"as_of"}, "", false},
	{"POST", "/api/v1/plans/{id}/escalate", "notices", "反馈逾期的督办单升一级 (escalate notices whose reply is overdue)", true, []string{"as_of"}, "", false},
	{"GET", "/api/v1/plans/{id}/notices", "notices", "督办单列表 (notices)", true, []string{"unit", "state", "open", "page", "per_page"}, "", false},
	{"POST", "/api/v1/plans/{id}/notices", "notices", "手动下发督办单 (issue a notice by hand)", true, nil, "NoticeInput", true},
	{"GET", "/api/v1/notices/{id}", "notices", "督办单详情 (a notice)", true, nil, "", false},
	{"POST", "/api/v1/notices/{id}/{action}", "notices", "签收、反馈、办结、升级 (sign, reply, close, escalate)", true, nil, "NoticeAction", false},
	{"POST", "/api/v1/indicators/{id}/reports", "reports", "填报一条进展 (submit one report)", true, nil, "ReportInput", true},
	{"GET", "/api/v1/indicators/{id}/reports", "reports", "指标的填报历史 (an indicator's report history)", false, pageQuery, "", false},
	{"POST", "/api/v1/reports/batch", "reports", "批量填报，全部成功或全部失败；同一批次（Idempotency-Key 或内容摘要）重发只写一次，重发答 200 且 replayed=true (batch submit, all or nothing; a repeat writes nothing and answers 200 with replayed)", true, nil, "ReportBatch", true},
	{"GET", "/api/v1/reports", "reports", "填报列表与审核队列 (reports; the approval queue with state=submitted)", true, []string{"state", "unit", "page", "per_page"}, "", false},
	{"GET", "/api/v1/reports/{id}", "reports", "填报详情 (a report)", true, nil, "", false},
	{"POST", "/api/v1/reports/{id}/approve", "reports", "审核通过 (approve)", true, nil, "", false},
	{"POST", "/api/v1/reports/{id}/return", "reports", "退回并说明原因 (return with a reason)", true, nil, "Review", false},
	{"GET", "/api/v1/units", "directory", "责任单位 (responsible units)", false, pageQuery, "", false},
	{"GET", "/api/v1/people", "directory", "人员 (people)", true, pageQuery, "", false},
	{"POST", "/api/v1/files", "files", "上传附件，multipart 字段 file；JPEG、PNG、WebP、GIF、PDF、DOCX、XLSX，≤10 MB (upload a file)", true, nil, "FileUpload", true},
	{"GET", "/api/v1/files/{id}", "files", "下载附件，ETag 为文件编号 (download a file; the ETag is its id)", true, nil, "", false},
	{"GET", "/api/v1/rollup", "status", "全国汇总：按省或领域统计状态，领导、督查室、管理员 (national status counts by province or area)", true, []string{"by", "as_of"}, "", false},
	{"GET", "/api/v1/webhooks", "webhooks", "通知接收方列表，仅管理员 (webhooks; administrators)", true, pageQuery, "", false},
	{"POST", "/api/v1/webhooks", "webhooks", "新增通知接收方：wecom、dingtalk 或 json (add a webhook)", true, nil, "WebhookInput", true},
	{"PATCH", "/api/v1/webhooks/{id}", "webhooks", "修改名称、地址、密钥或启停 (change name, url, secret, active)", true, nil, "WebhookPatch", false},
	{"GET", "/api/v1/users", "users", "账号列表，仅管理员；可按 role、unit 筛选 (accounts; administrators)", true, []string{"role", "unit", "page", "per_page"}, "", false},
	{"POST", "/api/v1/users", "users", "新建账号，密码至少 8 个字符 (create an account; admin)", true, nil, "UserInput", true},
	{"PATCH", "/api/v1/users/{username}", "users", "修改账号：姓名、角色、单位、重置密码、停用或启用；改密码或停用即结束其登录 (change an account; admin)", true, nil, "UserPatch", false},
	{"POST", "/api/v1/me/password", "users", "修改本人密码，成功后所有登录失效，需重新登录 (change your own password; signs out everywhere)", true, nil, "PasswordChange", false},
	{"GET", "/api/v1/webhooks/{id}/deliveries", "webhooks", "投递记录，新的在前 (delivery attempts, newest first)", true, pageQuery, "", false},
	{"GET", "/api/v1/audit", "audit", "审计日志，新的在前；action 以 . 结尾时为一类操作，from/to 为北京时间日期 (audit log, newest first; action ending in . is a kind; from/to are Beijing days)", true,
		[]string{"entity", "entity_id", "actor", "action", "from", "to", "page", "per_page"}, "", false},
	{"GET", "/api/v1/plans/{id}/export.xlsx", "excel", "计划工作簿：计划、各领域、报送记录 (the plan as a workbook)", false, []string{"as_of"}, "", false},
	{"POST", "/api/v1/plans/import.xlsx", "excel", "导入编辑后的计划工作簿，dry_run=1 只列出修改 (import an edited plan workbook; admin)", true, []string{"dry_run"}, "Workbook", false},
	{"GET", "/api/v1/units/{code}/report-template.xlsx", "excel", "单位的月度填报表 (a unit's report template for a month)", true, []string{"period"}, "", false},
	{"POST", "/api/v1/reports/upload.xlsx", "excel", "上传填好的填报表，全部成功或全部失败；同一文件（Idempotency-Key 或文件摘要）重传只写一次，重传答 200 且 replayed=true (upload a filled template; all or nothing; a repeat writes nothing and answers 200 with replayed)", true, nil, "Workbook", true},
	{"POST", "/api/v1/plans/{id}/bulletins", "bulletins", "发布一期通报：编号、存档并通知；dry_run=1 只预览不发布；未结束的通报期须 force (issue a bulletin: number, store, announce; dry_run=1 previews; an unfinished period needs force)", true, []string{"dry_run"}, "BulletinRequest", true},
	{"GET", "/api/v1/plans/{id}/bulletins", "bulletins", "通报列表，新的在前，含下载地址 (bulletins, newest first, with download links)", true, nil, "", false},
	{"GET", "/api/v1/bulletins/{file}", "bulletins", "下载通报：{编号}.html|pdf|docx|xlsx (download a bulletin)", true, nil, "", false},
	{"GET", "/api/v1/plans/{id}/ranking", "bulletins", "争先排名：单位得分与说明；format=xlsx 导出 Excel (unit scoreboard with explanations; format=xlsx for a workbook)", true, []string{"period", "as_of", "completion", "on_time", "red", "overdue", "notice_overdue", "top", "bottom", "format"}, "", false},
}

var requestSchemas = map[string]map[string]any{
	"Login":        object("username", "string", "password", "string"),
	"NoticeInput":  object("node_id", "integer", "indicator_id", "integer", "level", "integer", "issue", "string", "action", "string", "reply_due", "string"),
	"NoticeAction": object("text", "string", "reply_due", "string"),
	"ReportInput": object("period", "string", "value", "number", "note", "string", "completed_investment", "number",
		"stage", "string", "milestones_done", "integer", "draft", "boolean", "attachments", "array"),
	"ReportBatch": {"type": "object", "properties": map[string]any{"reports": map[string]any{"type": "array",
		"items": map[string]any{"allOf": []any{ref("ReportInput"), object("indicator_id", "integer")}}}}},
	"Review":       object("reason", "string"),
	"WebhookInput": object("name", "string", "kind", "string", "url", "string", "secret", "string", "active", "boolean"),
	"WebhookPatch": object("name", "string", "url", "string", "secret", "string", "active", "boolean"),
	"UserInput": object("username", "string", "display_name", "string", "role", "string", "unit", "string",
		"password", "string", "disabled", "boolean"),
	"UserPatch":      object("display_name", "string", "role", "string", "unit", "string", "password", "string", "disabled", "boolean"),
	"PasswordChange": object("current_password", "string", "new_password", "string"),
	"FileUpload":     {"type": "object", "properties": map[string]any{"file": map[string]any{"type": "string", "format": "binary"}}},
	"Error": {"type": "object", "properties": map[string]any{"code": map[string]any{"type": "string"},
		"message": map[string]any{"type": "string"}, "fields": map[string]any{"type": "array",
			"items": object("field", "string", "message", "string", "row", "integer")}}},
	"Workbook":        {"type": "object", "properties": map[string]any{"file": map[string]any{"type": "string", "format": "binary"}}},
	"BulletinRequest": object("period", "string", "as_of", "string", "force", "boolean"),
}

// noContent lists the routes that answer 204 with no body.
var noContent = map[string]bool{"POST /api/v1/logout": true, "POST /api/v1/me/password": true}

func object(pairs ...string) map[string]any {
	props := map[string]any{}
	for i := 0; i+1 < len(pairs); i += 2 {
		props[pairs[i]] = map[string]any{"type": pairs[i+1]}
	}
	return map[string]any{"type": "object", "properties": props}
}

func ref(name string) map[string]any { return map[string]any{"$ref": "#/components/schemas/" + name} }

func openAPIDocument() map[string]any {
	paths := map[string]map[string]any{}
	for _, d := range apiDocs {
		if paths[d.path] == nil {
			paths[d.path] = map[string]any{}
		}
		paths[d.path][strings.ToLower(d.method)] = operation(d)
	}
	return map[string]any{
		"openapi": "3.0.3",
		"info": map[string]any{"title": "duban 督办 API", "version": "1",
			"description": "计划任务督查督办系统接口。列表均支持 page 与 per_page (≤500)；错误为 {code, message, fields}。"},
		"paths": paths,
		"components": map[string]any{
			"schemas":         requestSchemas,
			"securitySchemes": map[string]any{"bearer": map[string]any{"type": "http", "scheme": "bearer"}},
		},
	}
}

func operation(d apiDoc) map[string]any {
	ok := "200"
	switch {
	case d.created:
		ok = "201"
	case noContent[d.method+" "+d.path]:
		ok = "204"
	}
	errResp := map[string]any{"description": "错误 (error)", "content": map[string]any{"application/json": map[string]any{"schema": ref("Error")}}}
	op := map[string]any{
		"tags": []string{d.tag}, "summary": d.summary,
		"responses": map[string]any{ok: map[string]any{"description": "成功 (success)"}, "default": errResp},
	}
	var params []any
	for _, seg := range strings.Split(d.path, "/") {
		if strings.HasPrefix(seg, "{") {
			params = append(params, map[string]any{"name": strings.Trim(seg, "{}"), "in": "path", "required": true, "schema": map[string]any{"type": "string"}})
		}
	}
	for _, q := range d.query {
		params = append(params, map[string]any{"name": q, "in": "query", "schema": map[string]any{"type": "string"}})
	}
	if params != nil {
		op["parameters"] = params
	}
	if d.body != "" {
		media := "application/json"
		if d.body == "FileUpload" || d.body == "Workbook" {
			media = "multipart/form-data"
		}
		op["requestBody"] = map[string]any{"required": true, "content": map[string]any{media: map[string]any{"schema": ref(d.body)}}}
	}
	if d.auth {
		op["security"] = []any{map[string]any{"bearer": []string{}}}
	}
	return op
}
