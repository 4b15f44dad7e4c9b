package web

// The project routes (重大项目台账, 问题清单, 周调度, 地图, 预测) in the
// OpenAPI document.
func init() {
	ledgerQuery := []string{"stage", "unit", "area", "light", "q", "sort", "as_of", "page", "per_page"}
	apiDocs = append(apiDocs,
		apiDoc{"GET", "/api/v1/plans/{id}/projects", "projects", "重大项目台账：阶段、投资完成率与序时进度、开竣工日期、红黄绿灯及原因；counts 为全部项目的统计，filtered 为筛选后的统计，checks 为与计划所述项目数的核对；light 可为 green、yellow、red (the project ledger)", false, ledgerQuery, "", false},
		apiDoc{"GET", "/api/v1/plans/{id}/projects/map", "projects", "项目地图点位：坐标、灯色、阶段 (project map points)", false, []string{"as_of"}, "", false},
		apiDoc{"GET", "/api/v1/plans/{id}/projects.xlsx", "projects", "重大项目台账 Excel：台账、节点、说明 (the ledger as a workbook)", false, []string{"as_of"}, "", false},
		apiDoc{"POST", "/api/v1/plans/{id}/projects.xlsx", "projects", "导入台账工作簿的节点计划与完成日期，全部成功或全部失败；dry_run=1 只检查 (import step dates from a ledger workbook)", true, []string{"dry_run"}, "Workbook", false},
		apiDoc{"GET", "/api/v1/plans/{id}/forecast", "projects", "累计指标与项目投资的年底预测（最小二乘线性拟合，80% 预测区间）及可能完不成的事项 (year-end forecasts and the likely-to-miss list)", false, []string{"as_of"}, "", false},
		apiDoc{"GET", "/api/v1/projects/{id}", "projects", "一个项目：台账行、节点、问题、调度决定 (one project)", false, []string{"as_of"}, "", false},
		apiDoc{"POST", "/api/v1/projects/{id}/steps", "projects", "报送或设置项目节点日期：牵头单位报完成日期，督查室定计划日期 (set step dates)", true, nil, "StepsInput", false},
		apiDoc{"GET", "/api/v1/plans/{id}/prep-steps", "projects", "计划的前期手续清单 (the plan's pre-construction steps)", false, nil, "", false},
		apiDoc{"POST", "/api/v1/plans/{id}/prep-steps", "projects", "配置前期手续清单，督查室、管理员 (configure the steps)", true, nil, "PrepSteps", false},
		apiDoc{"GET", "/api/v1/plans/{id}/problems", "problems", "问题清单；填报单位只见本单位提出或需本单位协调的 (the problem ledger)", true, []string{"state", "unit", "node", "open", "page", "per_page"}, "", false},
		apiDoc{"POST", "/api/v1/plans/{id}/problems", "problems", "提出问题：牵头单位为本单位事项提出，写明需协调的单位或领导与期限 (raise a problem)", true, nil, "ProblemInput", true},
		apiDoc{"GET", "/api/v1/problems/{id}", "problems", "问题详情 (a problem)", true, nil, "", false},
		apiDoc{"POST", "/api/v1/problems/{id}/{action}", "problems", "assign 交办、answer 答复、close 解决、escalate 升级 (a step of a problem)", true, nil, "ProblemStep", false},
		apiDoc{"GET", "/api/v1/plans/{id}/dispatch", "dispatch", "推进机制的调度清单：滞后事项、到期节点、未解决问题、三定缺项、待落实决定 (a mechanism's dispatch list)", true, []string{"mechanism", "as_of"}, "", false},
		apiDoc{"GET", "/api/v1/plans/{id}/decisions", "dispatch", "调度决定 (dispatch decisions)", true, []string{"open", "node", "owner", "page", "per_page"}, "", false},
		apiDoc{"POST", "/api/v1/plans/{id}/decisions", "dispatch", "记录调度决定：事项、内容、责任单位、期限；督查室、管理员 (record a decision)", true, nil, "DecisionInput", true},
		apiDoc{"POST", "/api/v1/decisions/{id}/done", "dispatch", "调度决定已落实 (mark a decision done)", true, nil, "DecisionDone", false},
	)
	requestSchemas["StepsInput"] = map[string]any{"type": "object", "properties": map[string]any{"steps": map[string]any{
		"type": "array", "items": object("kind", "string", "name", "string", "planned", "string", "actual", "string", "clear_actual", "boolean")}}}
	requestSchemas["PrepSteps"] = map[string]any{"type": "object", "properties": map[string]any{"names": map[string]any{"type": "array", "items": map[string]any{"type": "string"}}}}
	requestSchemas["ProblemInput"] = object("node_id", "integer", "category", "string", "title", "string", "detail", "string",
		"needs_unit", "string", "needs_leader", "string", "deadline", "string")
	requestSchemas["ProblemStep"] = object("text", "string", "needs_unit", "string", "needs_leader", "string", "deadline", "string")
	requestSchemas["DecisionInput"] = object("mechanism", "string", "period", "string", "node_id", "integer", "problem_id", "integer",
		"text", "string", "owner", "string", "due", "string")
	requestSchemas["DecisionDone"] = object("result", "string")
}
