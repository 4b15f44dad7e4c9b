package web_test

import (
	"strings"
	"testing"
)

// Accounts through the API: created with a password that signs in,
// refused with the field named and nothing written, disabled (its token
// and its password stop working), and never left without an admin.
func TestUsersAPI(t *testing.T) {
	e := newEnv(t)
	res := e.do("POST", "/api/v1/users", "admin", map[string]any{"username": "zjj.li", "display_name": "李四",
		"role": "reporter", "unit": "zjj", "password": "longenough"})
	if res.status != 201 || res.body["unit_code"] != "zjj" || res.body["disabled"] != false {
		t.Fatalf("create: %d %s", res.status, res.raw)
	}
	if login := e.do("POST", "/api/v1/login", "", map[string]string{"username": "zjj.li", "password": "longenough"}); login.status != 200 {
		t.Fatalf("the new account cannot sign in: %d %s", login.status, login.raw)
	}

	users := e.userCount()
	bad := []struct {
		name   string
		body   map[string]any
		status int
		field  string
	}{
		{"short password", map[string]any{"username": "a1", "role": "leader", "password": "short"}, 400, "password"},
		{"unknown unit", map[string]any{"username": "a2", "role": "reporter", "unit": "nope", "password": "longenough"}, 400, "unit"},
		{"reporter without unit", map[string]any{"username": "a3", "role": "reporter", "password": "longenough"}, 400, "unit"},
		{"unknown role", map[string]any{"username": "a4", "role": "boss", "password": "longenough"}, 400, "role"},
		{"taken username", map[string]any{"username": "zjj.li", "role": "leader", "password": "longenough"}, 409, "username"},
		{"unknown field", map[string]any{"username": "a5", "role": "leader", "password": "longenough", "password_hash": "x"}, 400, ""},
	}
	for _, c := range bad {
		res := e.do("POST", "/api/v1/users", "admin", c.body)
		if res.status != c.status || c.field != "" && firstField(res.body) != c.field {
			t.Errorf("%s: %d %s, want %d on %q", c.name, res.status, res.raw, c.status, c.field)
		}
	}
	if n := e.userCount(); n != users {
		t.Fatalf("refused creations left %d accounts, want %d", n, users)
	}

	e.tokens["zjj.li"] = e.loginToken(t, "zjj.li", "longenough")
	res = e.do("PATCH", "/api/v1/users/zjj.li", "admin", map[string]any{"disabled": true})
	if res.status != 200 || res.body["disabled"] != true {
		t.Fatalf("disable: %d %s", res.status, res.raw)
	}
	if me := e.do("GET", "/api/v1/me", "zjj.li", nil); me.status != 401 {
		t.Errorf("a disabled account's token still works: %d", me.status)
	}
	if login := e.do("POST", "/api/v1/login", "", map[string]string{"username": "zjj.li", "password": "longenough"}); login.status != 403 {
		t.Errorf("a disabled account signs in: %d %s", login.status, login.raw)
	}

	for _, c := range []struct {
		name   string
		user   string
		body   map[string]any
		status int
	}{
		{"demote the only admin", "admin", map[string]any{"role": "leader"}, 409},
		{"disable the only admin", "admin", map[string]any{"disabled": true}, 409},
		{"unknown account", "nobody", map[string]any{"display_name": "x"}, 404},
		{"short new password", "zjj", map[string]any{"password": "short"}, 400},
	} {
		if res := e.do("PATCH", "/api/v1/users/"+c.user, "admin", c.body); res.status != c.status {
			t.Errorf("%s: %d %s, want %d", c.name, res.status, res.raw, c.status)
		}
	}
	if me := e.do("GET", "/api/v1/me", "admin", nil); me.status != 200 || me.body["role"] != "admin" {
		t.Errorf("admin after refused changes: %d %s", me.status, me.raw)
	}

	list := e.do("GET", "/api/v1/users?role=reporter&unit=zjj&per_page=1", "admin", nil)
	items, _ := list.body["items"].([]any)
	if list.status != 200 || list.body["total"] != float64(2) || len(items) != 1 {
		t.Errorf("zjj's reporters: %d %s", list.status, list.raw)
	}
	if strings.Contains(list.raw, "$argon2") {
		t.Error("the list shows a password hash")
	}
}

// Every signed-in role changes its own password: the old one and every
// session stop working, the new one signs in. The public cannot.
func TestEveryRoleChangesOwnPassword(t *testing.T) {
	e := newEnv(t)
	for _, role := range roles {
		if role == "" {
			if res := e.do("POST", "/api/v1/me/password", "", map[string]any{"current_password": password, "new_password": "whatever-1"}); res.status != 401 {
				t.Errorf("public: %d", res.status)
			}
			continue
		}
		wrong := e.do("POST", "/api/v1/me/password", role, map[string]any{"current_password": "wrong", "new_password": "new-secret-1"})
		if wrong.status != 400 || firstField(wrong.body) != "current_password" {
			t.Errorf("%s with a wrong current password: %d %s", role, wrong.status, wrong.raw)
		}
		res := e.do("POST", "/api/v1/me/password", role, map[string]any{"current_password": password, "new_password": "new-secret-1"})
		if res.status != 204 {
			t.Fatalf("%s: %d %s", role, res.status, res.raw)
		}
		if me := e.do("GET", "/api/v1/me", role, nil); me.status != 401 {
			t.Errorf("%s: the old session works after the change: %d", role, me.status)
		}
		if old := e.do("POST", "/api/v1/login", "", map[string]string{"username": role, "password": password}); old.status != 401 {
			t.Errorf("%s: the old password signs in: %d", role, old.status)
		}
		e.tokens[role] = e.loginToken(t, role, "new-secret-1")
	}
}

func (e *env) loginToken(t *testing.T, user, pw string) string {
	t.Helper()
	res := e.do("POST", "/api/v1/login", "", map[string]string{"username": user, "password": pw})
	if res.status != 200 {
		t.Fatalf("login %s: %d %s", user, res.status, res.raw)
	}
	return res.body["token"].(string)
}

func (e *env) userCount() int {
	res := e.do("GET", "/api/v1/users", "admin", nil)
	if res.status != 200 {
		e.t.Fatalf("list users: %d %s", res.status, res.raw)
	}
	return int(res.body["total"].(float64))
}

func firstField(body map[string]any) string {
	fields, _ := body["fields"].([]any)
	if len(fields) == 0 {
		return ""
	}
	f, _ := fields[0].(map[string]any)
	s, _ := f["field"].(string)
	return s
}

// Guessing the current password through a session is throttled like
// signing in: the sixth wrong guess is refused even before it is checked.
func TestPasswordChangeIsThrottled(t *testing.T) {
	e := newEnv(t)
	for i := range 5 {
		res := e.do("POST", "/api/v1/me/password", "zjj", map[string]any{"current_password": "guess", "new_password": "new-secret-1"})
		if res.status != 400 {
			t.Fatalf("guess %d: %d %s", i+1, res.status, res.raw)
		}
	}
	res := e.do("POST", "/api/v1/me/password", "zjj", map[string]any{"current_password": password, "new_password": "new-secret-1"})
	if res.status != 429 {
		t.Errorf("after five wrong guesses: %d %s", res.status, res.raw)
	}
}

// The audit log read by who and when: a reporter's submissions, an
// administrator's account changes, bad filters named.
func TestAuditFilters(t *testing.T) {
	e := newEnv(t)
	e.do("POST", "/api/v1/indicators/"+itoa(e.indicatorOf("zjj"))+"/reports", "zjj", map[string]any{"period": "2021-06", "value": 1})
	e.do("PATCH", "/api/v1/users/jyj", "admin", map[string]any{"display_name": "教育局填报员"})
	for _, c := range []struct {
		query   string
		actions []string
	}{
		{"actor=zjj", []string{"report.submit"}},
		{"actor=admin&action=user.", []string{"user.update"}},
		{"action=user.update&from=2021-07-15&to=2021-07-15", []string{"user.update"}},
		{"action=user.update&from=2021-07-16", nil},
	} {
		res := e.do("GET", "/api/v1/audit?"+c.query, "duchashi", nil)
		items, _ := res.body["items"].([]any)
		var actions []string
		for _, it := range items {
			actions = append(actions, it.(map[string]any)["action"].(string))
		}
		if res.status != 200 || strings.Join(actions, ",") != strings.Join(c.actions, ",") {
			t.Errorf("%s: %d %v, want %v", c.query, res.status, actions, c.actions)
		}
	}
	for query, field := range map[string]string{"from=2021-13-01": "from", "from=2021-07-16&to=2021-07-15": "to", "entity_id=x": "entity_id"} {
		if res := e.do("GET", "/api/v1/audit?"+query, "duchashi", nil); res.status != 400 || firstField(res.body) != field {
			t.Errorf("%s: %d %s, want 400 on %s", query, res.status, res.raw, field)
		}
	}
}
