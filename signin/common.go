package signin

import (
	_ "embed"
	"strings"
	"sync"
)

//go:embed common_passwords.txt
var commonPasswordsText string

// commonPasswords is the embedded list as a set, lower-cased.
var commonPasswords = sync.OnceValue(func() map[string]bool {
	set := map[string]bool{}
	for _, line := range strings.Split(commonPasswordsText, "\n") {
		if line = strings.TrimSpace(line); line != "" && !strings.HasPrefix(line, "#") {
			set[strings.ToLower(line)] = true
		}
	}
	return set
})

// IsCommonPassword reports whether password is on the common-password list
// (case-insensitively): the first ones an attacker tries.
func IsCommonPassword(password string) bool {
	return commonPasswords()[strings.ToLower(strings.TrimSpace(password))]
}
