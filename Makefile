GO ?= go
VERSION ?= $(shell git describe --always --dirty 2>/dev/null || echo dev)
LDFLAGS := -s -w -X main.version=$(VERSION)

.PHONY: build demo test vet fmt bench fuzz assets

build: assets
	$(GO) build -trimpath -ldflags "$(LDFLAGS)" -o bin/duban ./cmd/duban

demo: build
	./bin/duban demo

# The whole suite. PostgreSQL tests run when DUBAN_TEST_POSTGRES is set
# (.ci/run starts a throwaway server and sets it).
test: assets
	$(GO) vet ./...
	$(GO) test -count=1 ./...
	$(GO) test -count=1 -run '^$$' -fuzz '^FuzzExtract$$' -fuzztime 15s ./extract/
	$(GO) test -count=1 -run '^$$' -fuzz '^FuzzDecode$$' -fuzztime 10s ./extract/

# ECharts for the pages, pinned in ui/package.json and ui/package-lock.json;
# copied into the embedded assets, never committed.
assets:
	npm ci --prefix ui --no-audit --no-fund
	cp ui/node_modules/echarts/dist/echarts.min.js ui/static/vendor/echarts.min.js

bench:
	$(GO) test -run '^$$' -bench . -benchmem ./...

fmt:
	gofmt -l -w .
