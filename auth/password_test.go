package auth

import (
	"strings"
	"testing"
)

func TestHashAndCheck(t *testing.T) {
	h, err := HashPassword("二七-demo-2021")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(h, "$argon2id$v=19$m=19456,t=2,p=1$") {
		t.Fatalf("unexpected hash format %q", h)
	}
	if !CheckPassword(h, "二七-demo-2021") {
		t.Error("the right password does not match")
	}
	if CheckPassword(h, "二七-demo-2022") {
		t.Error("a wrong password matches")
	}
	h2, _ := HashPassword("二七-demo-2021")
	if h == h2 {
		t.Error("two hashes of one password share a salt")
	}
}

func TestMalformedHashNeverMatches(t *testing.T) {
	for _, h := range []string{"", "plain", "$argon2i$v=19$m=1,t=1,p=1$AAAA$AAAA",
		"$argon2id$v=18$m=1,t=1,p=1$AAAA$AAAA", "$argon2id$v=19$m=x$AAAA$AAAA", "$argon2id$v=19$m=8,t=1,p=1$!!$AAAA"} {
		if CheckPassword(h, "") {
			t.Errorf("malformed hash %q matched", h)
		}
	}
}
