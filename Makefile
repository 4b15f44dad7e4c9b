GO ?= go
VERSION ?= $(shell git describe --always --dirty 2>/dev/null || echo dev)
LDFLAGS := -s -w -X main.version=$(VERSION)
# make demo ADDR=0.0.0.0:9000 serves the demo elsewhere.
ADDR ?= 127.0.0.1:8080

.PHONY: build demo test vet fmt bench fuzz assets

build: assets
	$(GO) build -trimpath -ldflags "$(LDFLAGS)" -o bin/duban ./cmd/duban

demo: build
	./bin/duban demo --addr $(ADDR)

# The whole suite. PostgreSQL tests run when DUBAN_TEST_POSTGRES is set
# (.ci/run starts a throwaway server and sets it).
test: assets
	$(GO) vet ./...
	$(GO) test -count=1 -timeout 20m ./...
	$(GO) test -count=1 -run '^$$' -fuzz '^FuzzExtract$$' -fuzztime 15s ./extract/
	$(GO) test -count=1 -run '^$$' -fuzz '^FuzzDecode$$' -fuzztime 10s ./extract/

# ECharts for the pages, pinned in ui/package.json and ui/package-lock.json;
# copied into the embedded assets, never committed. Without npm the binary
# is built without charts (the pages show their tables), and says so.
assets:
	@if command -v npm >/dev/null 2>&1; then \
		echo "npm ci --prefix ui --no-audit --no-fund"; \
		npm ci --prefix ui --no-audit --no-fund && \
		cp ui/node_modules/echarts/dist/echarts.min.js ui/static/vendor/echarts.min.js; \
	elif [ -f ui/static/vendor/echarts.min.js ]; then \
		echo "npm not found: using the ECharts already in ui/static/vendor"; \
	else \
		echo "npm not found: building duban without charts (pages show their tables; install npm and run make assets for the ECharts charts)"; \
	fi

bench:
	$(GO) test -run '^$$' -bench . -benchmem ./...

fmt:
	gofmt -l -w .
