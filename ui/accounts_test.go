package ui_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/duban-dev/duban"
	"github.com/duban-dev/duban/demo"
)

// signIn posts the sign-in form with a password and returns the answer.
func (c *client) signIn(username, pw string) result {
	c.t.Helper()
	return c.post("/login", "/login", url.Values{"username": {username}, "password": {pw}})
}

// editForm is the user edit form as the page fills it for u, with changes.
func editForm(u *duban.User, changes map[string]string) url.Values {
	f := url.Values{"display_name": {u.DisplayName}, "role": {string(u.Role)}, "unit": {u.UnitCode}, "disabled": {""}}
	if u.Disabled {
		f.Set("disabled", "1")
	}
	for k, v := range changes {
		f.Set(k, v)
	}
	return f
}

func (e *env) user(t *testing.T, username string) *duban.User {
	t.Helper()
	u, err := e.db.FindUserByUsername(t.Context(), username)
	if err != nil {
		t.Fatal(err)
	}
	return u
}

// otherUnit is a unit of the demo plan other than code.
func (e *env) otherUnit(t *testing.T, code string) string {
	t.Helper()
	for _, u := range e.bundle.Units {
		if u.Code != code {
			return u.Code
		}
	}
	t.Fatal("the demo plan has one unit")
	return ""
}

func userPath(username string) string { return "/admin/users/" + username }

// hasSessionCookie reports whether the browser still holds a session cookie.
func (c *client) hasSessionCookie() bool {
	for _, ck := range c.jar.Cookies(loginURL) {
		if ck.Name == "duban_session" {
			return true
		}
	}
	return false
}

// TestAdminDisablesUser: a disabled reporter's open session stops working
// and it cannot sign in; enabled again, it can.
func TestAdminDisablesUser(t *testing.T) {
	e := newEnv(t)
	_, _, unit, _ := e.pick(t)
	name := reporterOf(unit)
	rep := e.client()
	rep.login(name)
	admin := e.client()
	admin.login(demo.AdminUsername)

	if body := admin.get("/admin").body; !strings.Contains(body, `<td>启用</td><td><a href="/admin/users/`+name+`"`) {
		t.Fatalf("admin page does not list %s as enabled with an edit link", name)
	}
	res := admin.post(userPath(name), userPath(name), editForm(e.user(t, name), map[string]string{"disabled": "1"}))
	if res.status != http.StatusSeeOther || res.header.Get("Location") != "/admin?done=user_saved" {
		t.Fatalf("disable: %d %q", res.status, res.header.Get("Location"))
	}
	if body := admin.get("/admin?done=user_saved").body; !strings.Contains(body, "用户信息已保存") ||
		!strings.Contains(body, `<td>已停用</td><td><a href="/admin/users/`+name+`"`) {
		t.Error("admin page after disabling: no notice or status not 已停用")
	}
	if res := rep.get("/workspace"); res.status != http.StatusSeeOther || !strings.HasPrefix(res.header.Get("Location"), "/login") {
		t.Errorf("disabled reporter's session: %d %q, want a redirect to sign in", res.status, res.header.Get("Location"))
	}
	if res := e.client().signIn(name, password); res.status != http.StatusForbidden || !strings.Contains(res.body, "账号已停用") {
		t.Errorf("disabled reporter signs in: %d, want 403 账号已停用", res.status)
	}

	res = admin.post(userPath(name), userPath(name), editForm(e.user(t, name), map[string]string{"disabled": ""}))
	if res.status != http.StatusSeeOther {
		t.Fatalf("enable: %d %s", res.status, res.body)
	}
	if res := e.client().signIn(name, password); res.status != http.StatusSeeOther {
		t.Errorf("enabled reporter signs in: %d, want 303", res.status)
	}
}

// TestAdminEditsUser runs the edit form over cases that change the account
// or are refused with the form shown again and nothing changed.
func TestAdminEditsUser(t *testing.T) {
	base := newEnv(t) // names the accounts; each case has its own database
	_, _, unit, _ := base.pick(t)
	rep, other := reporterOf(unit), base.otherUnit(t, unit)
	cases := []struct {
		name, user string
		changes    map[string]string
		status     int
		body       string // on the answer when refused
		want       func(u *duban.User) bool
	}{
		{"unit", rep, map[string]string{"unit": other}, http.StatusSeeOther, "",
			func(u *duban.User) bool { return u.UnitCode == other && u.Role == duban.RoleReporter }},
		{"name", demo.LeaderUsername, map[string]string{"display_name": "常务副区长"}, http.StatusSeeOther, "",
			func(u *duban.User) bool { return u.DisplayName == "常务副区长" }},
		{"role clears unit", rep, map[string]string{"role": "supervisor"}, http.StatusSeeOther, "",
			func(u *duban.User) bool { return u.Role == duban.RoleSupervisor && u.UnitCode == "" }},
		{"unknown unit", rep, map[string]string{"unit": "no-such-unit"}, http.StatusBadRequest, `<p class="err" id="unit-err">`, nil},
		{"reporter without unit", rep, map[string]string{"unit": ""}, http.StatusBadRequest, `<p class="err" id="unit-err">`, nil},
		{"short password", rep, map[string]string{"password": "short"}, http.StatusBadRequest, "至少 8 个字符", nil},
		{"disable last admin", demo.AdminUsername, map[string]string{"disabled": "1"}, http.StatusConflict, "至少须保留一个启用的管理员账号", nil},
		{"demote last admin", demo.AdminUsername, map[string]string{"role": "supervisor"}, http.StatusConflict, "至少须保留一个启用的管理员账号", nil},
		{"unknown user", "nobody", map[string]string{}, http.StatusNotFound, "", nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			e := newEnv(t)
			admin := e.client()
			admin.login(demo.AdminUsername)
			before, _ := e.db.FindUserByUsername(t.Context(), tc.user)
			form := url.Values{"display_name": {"x"}, "role": {"reporter"}, "unit": {unit}}
			if before != nil {
				form = editForm(before, tc.changes)
			}
			res := admin.post("/admin", userPath(tc.user), form)
			if res.status != tc.status || !strings.Contains(res.body, tc.body) {
				t.Fatalf("status %d, want %d with %q", res.status, tc.status, tc.body)
			}
			if before == nil {
				return
			}
			after := e.user(t, tc.user)
			if tc.want != nil && !tc.want(after) {
				t.Errorf("account after the change: %+v", after)
			}
			if tc.want == nil && (*after != *before) {
				t.Errorf("refused change changed the account: %+v, was %+v", after, before)
			}
			if tc.status != http.StatusSeeOther && !strings.Contains(res.body, `action="/admin/users/`+tc.user+`"`) {
				t.Error("refused change does not show the form again")
			}
		})
	}
}

// TestAdminResetsPassword: a password set by the admin ends the account's
// sessions and is the one that signs in; the admin's own ends the admin's
// session and sends it to sign in.
func TestAdminResetsPassword(t *testing.T) {
	e := newEnv(t)
	admin := e.client()
	admin.login(demo.AdminUsername)
	sup := e.client()
	sup.login(demo.SupervisorUsername)
	res := admin.post("/admin", userPath(demo.SupervisorUsername),
		editForm(e.user(t, demo.SupervisorUsername), map[string]string{"password": "brand-new-pw"}))
	if res.status != http.StatusSeeOther {
		t.Fatalf("reset: %d %s", res.status, res.body)
	}
	if res := sup.get("/review"); res.status != http.StatusSeeOther {
		t.Errorf("supervisor's session after a reset: %d, want a redirect to sign in", res.status)
	}
	if res := e.client().signIn(demo.SupervisorUsername, password); res.status != http.StatusUnauthorized {
		t.Errorf("old password: %d, want 401", res.status)
	}
	if res := e.client().signIn(demo.SupervisorUsername, "brand-new-pw"); res.status != http.StatusSeeOther {
		t.Errorf("new password: %d, want 303", res.status)
	}

	res = admin.post("/admin", userPath(demo.AdminUsername),
		editForm(e.user(t, demo.AdminUsername), map[string]string{"password": "admin-new-pw"}))
	if res.status != http.StatusSeeOther || res.header.Get("Location") != "/login?done=password" {
		t.Errorf("own reset: %d %q, want a redirect to sign in", res.status, res.header.Get("Location"))
	}
	if admin.hasSessionCookie() {
		t.Error("the admin's ended session's cookie was not cleared")
	}
	if res := admin.get("/admin"); res.status != http.StatusSeeOther {
		t.Errorf("admin still signed in after its own reset: %d", res.status)
	}
}

// TestAdminUserRoutesRefused: other roles get 403, the public is sent to
// sign in, and a post without the session's CSRF token changes nothing.
func TestAdminUserRoutesRefused(t *testing.T) {
	e := newEnv(t)
	_, _, unit, _ := e.pick(t)
	target := e.user(t, demo.LeaderUsername)
	form := func() url.Values { return editForm(target, map[string]string{"display_name": "改名"}) }
	for _, name := range []string{reporterOf(unit), demo.SupervisorUsername, demo.LeaderUsername} {
		c := e.client()
		c.login(name)
		if res := c.get(userPath(target.Username)); res.status != http.StatusForbidden {
			t.Errorf("%s opens the edit page: %d, want 403", name, res.status)
		}
		if res := c.post("/workspace", userPath(target.Username), form()); res.status != http.StatusForbidden {
			t.Errorf("%s posts the edit form: %d, want 403", name, res.status)
		}
	}
	anon := e.client()
	if res := anon.get(userPath(target.Username)); res.status != http.StatusSeeOther {
		t.Errorf("public opens the edit page: %d, want a redirect to sign in", res.status)
	}
	if res := anon.do("POST", userPath(target.Username), form()); res.status != http.StatusUnauthorized {
		t.Errorf("public posts the edit form: %d, want 401", res.status)
	}
	admin := e.client()
	admin.login(demo.AdminUsername)
	for _, token := range []string{"", strings.Repeat("a", 64)} {
		f := form()
		f.Set("csrf", token)
		if res := admin.do("POST", userPath(target.Username), f); res.status != http.StatusForbidden {
			t.Errorf("edit with token %q: %d, want 403", token, res.status)
		}
	}
	if after := e.user(t, target.Username); *after != *target {
		t.Errorf("refused edits changed the account: %+v", after)
	}
}

// TestChangeOwnPassword: wrong, short, same and mismatched passwords are
// refused on their fields and change nothing; a good change ends every
// session of the account and only the new password signs in.
func TestChangeOwnPassword(t *testing.T) {
	e := newEnv(t)
	_, _, unit, _ := e.pick(t)
	name := reporterOf(unit)
	c := e.client()
	c.login(name)
	if body := c.get("/workspace").body; !strings.Contains(body, `<a href="/account/password">修改密码</a>`) {
		t.Error("the header has no link to change the password")
	}
	const next = "my-new-password"
	refused := []struct {
		name, current, next, repeat, field string
	}{
		{"wrong current", "wrong-pw", next, next, `id="current-err">不正确`},
		{"short", password, "short", "short", `id="new-err">至少 8 个字符`},
		{"same", password, password, password, `id="new-err">与当前密码相同`},
		// The repeat is checked first: the wrong current password is not.
		{"mismatch", "wrong-pw", next, next + "x", `id="repeat-err">与新密码不一致`},
		{"mismatch, right current", password, next, next + "x", `id="repeat-err">与新密码不一致`},
	}
	for _, tc := range refused {
		res := c.post("/account/password", "/account/password", url.Values{
			"current_password": {tc.current}, "new_password": {tc.next}, "repeat_password": {tc.repeat}})
		if res.status != http.StatusBadRequest || !strings.Contains(res.body, tc.field) {
			t.Errorf("%s: %d, want 400 with %q", tc.name, res.status, tc.field)
		}
	}
	if res := c.get("/account/password"); res.status != http.StatusOK {
		t.Fatalf("signed out by a refused change: %d", res.status)
	}
	f := url.Values{"current_password": {password}, "new_password": {next}, "repeat_password": {next}}
	if res := c.do("POST", "/account/password", f); res.status != http.StatusForbidden {
		t.Errorf("change without CSRF token: %d, want 403", res.status)
	}
	if res := e.client().signIn(name, password); res.status != http.StatusSeeOther {
		t.Fatalf("refused changes changed the password: sign-in %d", res.status)
	}

	other := e.client()
	other.login(name)
	res := c.post("/account/password", "/account/password", f)
	if res.status != http.StatusSeeOther || res.header.Get("Location") != "/login?done=password" {
		t.Fatalf("change: %d %q", res.status, res.header.Get("Location"))
	}
	if c.hasSessionCookie() {
		t.Error("the ended session's cookie was not cleared")
	}
	if body := c.get("/login?done=password").body; !strings.Contains(body, "密码已修改，请用新密码登录") {
		t.Error("the sign-in page does not say the password changed (or the cookie is still there)")
	}
	if res := other.get("/workspace"); res.status != http.StatusSeeOther {
		t.Errorf("another session after the change: %d, want a redirect to sign in", res.status)
	}
	if res := e.client().signIn(name, password); res.status != http.StatusUnauthorized {
		t.Errorf("old password: %d, want 401", res.status)
	}
	if res := e.client().signIn(name, next); res.status != http.StatusSeeOther {
		t.Errorf("new password: %d, want 303", res.status)
	}
}

// TestBrowserChangePassword follows the header link in a real browser,
// changes the password and signs in with the new one.
func TestBrowserChangePassword(t *testing.T) {
	e := newEnv(t)
	b := newBrowser(t, e)
	b.login(demo.SupervisorUsername)
	const next = "browser-new-pw"
	b.clickAndWait(`header a[href="/account/password"]`, `document.querySelector("#current_password") !== null`)
	b.do(chromedp.SendKeys(chromedp.CSS("#current_password"), password),
		chromedp.SendKeys(chromedp.CSS("#new_password"), next),
		chromedp.SendKeys(chromedp.CSS("#repeat_password"), next))
	b.clickAndWait("main form button[type=submit]", `document.querySelector("#username") !== null`)
	if msg := b.text("main .flash.ok"); !strings.Contains(msg, "密码已修改") {
		t.Errorf("sign-in page after the change says %q", msg)
	}
	b.do(chromedp.SendKeys(chromedp.CSS("#username"), demo.SupervisorUsername),
		chromedp.SendKeys(chromedp.CSS("#password"), next))
	b.clickAndWait("form.form button[type=submit]", `document.querySelector("header form.inline") !== null`)
	if loc := b.location(); strings.Contains(loc, "/login") {
		t.Errorf("not signed in with the new password: at %s", loc)
	}
}
