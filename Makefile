# Thin wrapper over CMake: every target installs what is missing first.
BUILD ?= build
JOBS  ?= $(shell nproc)
DATA  ?= $(HOME)/.local/share/intake-kiosk

.PHONY: deps configure build run test test-long test-package bench fuzz package clean
deps:
	@bash packaging/install-deps.sh

configure: deps
	@cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=Release >/dev/null

build: configure
	@cmake --build $(BUILD) -j $(JOBS) -- --no-print-directory

run: build
	./$(BUILD)/intake-kiosk run --data-dir $(DATA)

test: build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS) -LE 'long|package'

# The package test (label `package`) builds, installs and purges the .deb on this machine, as root.
test-package: build
	@bash packaging/install-deps.sh package
	cd $(BUILD) && ctest --output-on-failure -L package

# The long tests (the 1000-kill crash loop of the store).
test-long: build
	cd $(BUILD) && ctest --output-on-failure -L long

bench: build
	@bash tests/bench/run.sh $(BUILD)

# libFuzzer on the form loader (clang, ASan + UBSan), FUZZ_SECONDS long; findings land in
# $(FUZZ_BUILD)/findings and belong in tests/data/fuzz-regressions/ (see its README).
FUZZ_BUILD   ?= build-fuzz
FUZZ_SECONDS ?= 600
fuzz:
	@bash packaging/install-deps.sh fuzz
	@CC=clang CXX=clang++ cmake -S . -B $(FUZZ_BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DKIOSK_FUZZ=ON \
	  -DKIOSK_BUILD_TESTS=OFF -DKIOSK_BUILD_BENCH=OFF >/dev/null
	@cmake --build $(FUZZ_BUILD) -j $(JOBS) --target form_loader_fuzz -- --no-print-directory
	@mkdir -p $(FUZZ_BUILD)/corpus $(FUZZ_BUILD)/findings
	$(FUZZ_BUILD)/tests/fuzz/form_loader_fuzz -max_total_time=$(FUZZ_SECONDS) -rss_limit_mb=2048 -timeout=10 \
	  -dict=tests/fuzz/form.dict -artifact_prefix=$(FUZZ_BUILD)/findings/ -print_final_stats=1 \
	  $(FUZZ_BUILD)/corpus tests/fuzz/corpus tests/data/fuzz-regressions forms

# The Debian packages (packaging/debian, packaging/README.md): $(BUILD)/package/intake-kiosk_*.deb and
# intake-kiosk-voice_*.deb (read aloud).
package:
	@bash packaging/install-deps.sh package
	@JOBS=$(JOBS) bash packaging/build-deb.sh $(BUILD)/package

clean:
	rm -rf $(BUILD)
