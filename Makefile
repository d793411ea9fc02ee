# Verder — the two commands a newcomer needs:
#   make run    install what is missing, build (Release), import data on first start, serve :8080
#   make test   build and run every test: unit, integration, browser, sanitizers, format and lint checks
SHELL := /bin/bash
JOBS ?= $(shell nproc)
DATA ?= $(CURDIR)/../shared/data
DB ?= $(CURDIR)/var/verder.db
PORT ?= 8080
CMAKE_FLAGS := -G Ninja -DCMAKE_EXPORT_COMPILE_COMMANDS=ON

.PHONY: run build test deps deps-browser test-release test-asan test-fuzz fuzz check-build check-format check-tidy format bench bench-http clean stress

deps:
	@scripts/install-deps build

# Debian's chromium and node, and the suite's npm packages (tests/browser, ctest browser_suite).
deps-browser:
	@scripts/install-deps browser
	@scripts/install-browser-tests

# The optimised server (what `make run` serves, the browser suite and the stress runs drive).
build: deps
	@cmake -S . -B build/release $(CMAKE_FLAGS) -DCMAKE_BUILD_TYPE=Release -DVERDER_WERROR=ON -DVERDER_TESTS=OFF >/dev/null
	@cmake --build build/release -j $(JOBS)

run: build
	@mkdir -p $(dir $(DB))
	./build/release/src/app/verder --db $(DB) --data $(DATA) serve --port $(PORT) --resources $(CURDIR)/data

test: deps deps-browser check-format test-release test-asan check-tidy
	@echo "make test: all checks passed"

# Against the Release server: the browser suite (tests/browser) and the short stress runs.
test-release: build deps-browser
	cd build/release && VERDER_DATA=$(DATA) ctest -j $(JOBS) --output-on-failure --timeout 600

# The checking build (clang-14): ASan+UBSan and libFuzzer's coverage instrumentation on
# everything, so one build runs every GoogleTest binary (unit, integration, black-box) under the
# sanitizers and the fuzz targets' short runs (fuzz/README.md). -g1: line tables, enough for the
# sanitizers' stack traces, at a fraction of full debug information's compile time.
CHECK_DIR := build/check
check-build: deps
	@CXX=clang++-14 cmake -S . -B $(CHECK_DIR) $(CMAKE_FLAGS) -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS_DEBUG="-g1 -O1" -DVERDER_FUZZ=ON -DVERDER_WERROR=ON >/dev/null
	@cmake --build $(CHECK_DIR) -j $(JOBS)

# A smaller quarantine, no fill of new memory and shorter allocation stacks: a fifth less time
# per test (the servers the black-box tests start allocate millions of small strings); errors
# are still caught, and reported with where they happened.
ASAN_OPTIONS := detect_leaks=1:abort_on_error=1:quarantine_size_mb=32:max_malloc_fill_size=0:malloc_context_size=10
# Every test but the browser suite and the short stress runs, which go once, against the Release
# server: under ASan they would add minutes to CI and drive the C++ paths the black-box tests
# (HTTP, SIGKILL during imports and feeds) already run under the sanitizers. Includes each fuzz
# target for a short run (VERDER_FUZZ_SECONDS, 4 s) over a copy of its seed corpus.
test-asan: check-build
	cd $(CHECK_DIR) && VERDER_DATA=$(DATA) ASAN_OPTIONS=$(ASAN_OPTIONS) \
	  UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 ctest -j $(JOBS) -LE 'browser|stress-short' --output-on-failure --timeout 900

# Only the fuzz targets' short runs.
test-fuzz: check-build
	cd $(CHECK_DIR) && ctest -L fuzz -j $(JOBS) --output-on-failure

# Each target long: 10 million executions (or FUZZ_SECONDS=N seconds), as many at once as there
# are cores (FUZZ_JOBS); prints executions and crashes per target, crashes kept in build/check/crashes.
fuzz: check-build
	FUZZ_SECONDS=$(FUZZ_SECONDS) FUZZ_RUNS=$(FUZZ_RUNS) FUZZ_JOBS=$(FUZZ_JOBS) FUZZ_TIMEOUT=$(FUZZ_TIMEOUT) \
	  fuzz/run-long $(CHECK_DIR)

check-format: deps
	@scripts/check-format

# On the checking build's compile commands: clang's own flags, and every source including tests.
check-tidy: check-build
	@scripts/check-tidy $(CHECK_DIR)

# Benchmarks against Xapian and SQLite FTS5 (needs their packages: installed here on demand).
bench:
	@scripts/install-deps bench
	@cmake -S . -B build/bench $(CMAKE_FLAGS) -DCMAKE_BUILD_TYPE=Release -DVERDER_BUILD_BENCH=ON >/dev/null
	@cmake --build build/bench -j $(JOBS)
	./build/bench/bench/relevance_bench --data $(DATA) --resources $(CURDIR)/data
	./build/bench/bench/search_bench --data $(DATA) --resources $(CURDIR)/data --courses 200000
	./build/bench/bench/search_bench --data $(DATA) --resources $(CURDIR)/data --courses 1000000
	./build/bench/bench/ingest_bench --data $(DATA) --resources $(CURDIR)/data --courses 100000
	$(MAKE) bench-http

# The results page under wrk (issue 5): a Release server over the open data + 200,000 demo courses.
bench-http:
	@scripts/install-deps bench
	@cmake -S . -B build/release $(CMAKE_FLAGS) -DCMAKE_BUILD_TYPE=Release >/dev/null
	@cmake --build build/release -j $(JOBS) --target verder
	bench/http/run build/release/src/app/verder --courses 200000 --seconds 30

# Issue 8, the long runs (tests/stress; `make test` runs short versions, ctest label stress-short):
# SIGKILL during imports and ingests, slow and hostile clients, and wrk at 70% of the measured
# capacity. Prints kills survived, batches verified, requests, errors, p99 and memory growth.
STRESS_MINUTES ?= 10
STRESS_KILLS ?= 100
stress: build
	@scripts/install-deps bench
	STRESS_MINUTES=$(STRESS_MINUTES) STRESS_KILLS=$(STRESS_KILLS) VERDER_DATA=$(DATA) \
	  scripts/stress build/release/src/app/verder

format: deps
	@git ls-files '*.cpp' '*.h' | xargs clang-format -i

clean:
	rm -rf build
