# Thin wrapper over CMake: every target installs what is missing first.
BUILD ?= build
JOBS  ?= $(shell nproc)
DATA  ?= $(HOME)/.local/share/intake-kiosk

.PHONY: deps configure build run test test-long bench fuzz clean
deps:
	@bash packaging/install-deps.sh

configure: deps
	@cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=Release >/dev/null

build: configure
	@cmake --build $(BUILD) -j $(JOBS) -- --no-print-directory

run: build
	./$(BUILD)/intake-kiosk run --data-dir $(DATA)

test: build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS) -LE long

# The long tests (the 1000-kill crash loop of the store).
test-long: build
	cd $(BUILD) && ctest --output-on-failure -L long

bench: build
	@bash tests/bench/run.sh $(BUILD)

clean:
	rm -rf $(BUILD)
