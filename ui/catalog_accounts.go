package ui

// The texts of the account pages (editing a user, changing one's own
// password), added to the catalog.
func init() {
	for k, v := range map[string][2]string{
		"nav.password":           {"修改密码", "Change password"},
		"login.password_changed": {"密码已修改，请用新密码登录", "Password changed: sign in with the new one"},
		"admin.done.user_saved":  {"用户信息已保存", "User saved"},
		"admin.status":           {"状态", "Status"},
		"admin.actions":          {"操作", "Actions"},
		"admin.edit":             {"编辑", "Edit"},
		"user.title":             {"编辑用户", "Edit user"},
		"user.enabled":           {"启用", "Enabled"},
		"user.disabled":          {"已停用", "Disabled"},
		"user.is_enabled":        {"账号状态：启用", "The account is enabled"},
		"user.is_disabled":       {"账号状态：已停用", "The account is disabled"},
		"user.disabled_hint":     {"停用的账号不能登录，已登录的会话立即失效；账号不会被删除。", "A disabled account cannot sign in and its sessions end at once; it is never deleted."},
		"user.new_password":      {"重置密码", "Reset password"},
		"user.password_hint":     {"留空则不修改", "leave empty to keep it"},
		"user.save":              {"保存", "Save"},
		"account.title":          {"修改密码", "Change password"},
		"account.hint":           {"修改后本账号的所有登录会话都将结束，需用新密码重新登录。", "Changing it ends every session of this account; sign in again with the new password."},
		"account.current":        {"当前密码", "Current password"},
		"account.new":            {"新密码", "New password"},
		"account.new_hint":       {"至少 8 个字符", "at least 8 characters"},
		"account.repeat":         {"再次输入新密码", "Repeat the new password"},
		"account.submit":         {"修改密码", "Change password"},
	} {
		catalog[k] = v
	}
}
