GO ?= go
VERSION ?= $(shell git describe --always --dirty 2>/dev/null || echo dev)
LDFLAGS := -s -w -X main.version=$(VERSION)

.PHONY: build demo test vet fmt bench fuzz

build:
	$(GO) build -trimpath -ldflags "$(LDFLAGS)" -o bin/duban ./cmd/duban

demo: build
	./bin/duban demo

# The whole suite. PostgreSQL tests run when DUBAN_TEST_POSTGRES is set
# (.ci/run starts a throwaway server and sets it).
test:
	$(GO) vet ./...
	$(GO) test -count=1 ./...
	$(GO) test -count=1 -run '^$$' -fuzz '^FuzzExtract$$' -fuzztime 15s ./extract/

bench:
	$(GO) test -run '^$$' -bench . -benchmem ./...

fmt:
	gofmt -l -w .
