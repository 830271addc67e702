# dissem — see README.md. `make run` builds the sample site and serves it;
# `make test` runs the unit, golden and end-to-end build tests.
GO ?= go
BIN := bin/dissem
ADDR ?= 127.0.0.1:1313

.PHONY: all build run serve test e2e e2e-setup test-setup bench fmt lint clean fuzz

all: build

build:
	$(GO) build -o $(BIN) ./cmd/dissem

run: build
	./$(BIN) serve --addr $(ADDR)

serve: run

test-setup:
	@bash scripts/test-setup.sh

test: test-setup
	$(GO) vet ./...
	$(GO) test -count=1 ./...

e2e-setup:
	@bash scripts/e2e-setup.sh

e2e: e2e-setup
	$(GO) test -tags e2e -count=1 -v -timeout 30m ./e2e/

# fuzz: every fuzz target for FUZZTIME each (default 1m); CI runs 10s each.
FUZZTIME ?= 1m
fuzz:
	FUZZTIME=$(FUZZTIME) bash scripts/fuzz.sh

# bench: dissem against Hugo at N = 1,000 and 10,000, and dissem alone at 30,000
# (scale); more flags: make bench BENCH_FLAGS="--runs 5" (see bash bench/run.sh --help).
bench: build
	bash bench/run.sh --scale $(BENCH_FLAGS)

fmt:
	gofmt -w cmd builder templates static bench e2e 2>/dev/null || gofmt -w cmd builder templates static

lint:
	@out=$$(gofmt -l cmd builder templates static bench e2e); if [ -n "$$out" ]; then echo "gofmt needed:"; echo "$$out"; exit 1; fi
	$(GO) vet ./...

clean:
	rm -rf bin public .dissem-cache
