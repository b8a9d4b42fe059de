# Thin wrapper over CMake: every target installs what is missing first.
BUILD ?= build
JOBS  ?= $(shell nproc)
DATA  ?= $(HOME)/.local/share/intake-kiosk

.PHONY: deps configure build run test bench fuzz clean
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

bench: build
	@bash tests/bench/run.sh $(BUILD)

clean:
	rm -rf $(BUILD)
