# KhôngChờ — the two commands: `make run` and `make test` (run as root or with sudo on Debian 12).
SHELL := /bin/bash
.DEFAULT_GOAL := run

# System packages: SQLite, libusb, FreeType, libqrencode and libpng for the build, a Vietnamese-capable font for tickets.
APT_RUN  := espeak-ng pkg-config libsqlite3-dev libusb-1.0-0-dev libfreetype-dev libqrencode-dev libpng-dev fonts-dejavu-core ca-certificates curl
# Tests: Chromium + driver (browser suite), pytest + Selenium for Debian python3, umockdev (emulated USB).
APT_TEST := sox chromium chromium-driver python3 python3-pytest python3-selenium umockdev libumockdev-dev gir1.2-umockdev-1.0 python3-gi zbar-tools
PYTHON   := /usr/bin/python3

HOST ?= 127.0.0.1
PORT ?= 8080
DATA ?= var
SWIFT_BUILD_FLAGS ?=

.PHONY: run test deps-run deps-test build build-release lint unit-test unit-test-tsan e2e bench soak clean

# Installs only what is missing; refreshes the package lists once, when something must be installed.
define apt_install
	@missing=""; for p in $(1); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing:$$missing"; \
	  SUDO=""; [ "$$(id -u)" = 0 ] || SUDO=sudo; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing; \
	fi
endef

deps-run:
	$(call apt_install,$(APT_RUN))

deps-test: deps-run
	$(call apt_install,$(APT_TEST))

build-release: deps-run
	swift build -c release $(SWIFT_BUILD_FLAGS)

# Tests build with warnings as errors for the package's own targets (Package.swift reads KHONGCHO_STRICT).
build: deps-run
	KHONGCHO_STRICT=1 swift build --build-tests $(SWIFT_BUILD_FLAGS)

run: build-release
	@mkdir -p $(DATA)
	.build/release/khongcho serve --data $(DATA) --host $(HOST) --port $(PORT) --demo-accounts --devices auto

# Formatting (.swift-format) and a doc line on every public type.
lint:
	swift format lint --strict --recursive --parallel Sources Tests Package.swift
	$(PYTHON) scripts/check-public-docs.py

unit-test: build
	KHONGCHO_STRICT=1 swift test --skip-build

# The Swift suite once more under ThreadSanitizer, in its own build directory (a data race fails the run).
unit-test-tsan: deps-run
	swift build --build-tests --sanitize=thread --scratch-path .build-tsan $(SWIFT_BUILD_FLAGS)
	TSAN_OPTIONS=halt_on_error=1 swift test --skip-build --sanitize=thread --scratch-path .build-tsan

e2e: build deps-test
	KHONGCHO_BIN=$(CURDIR)/.build/debug/khongcho $(PYTHON) -m pytest -q -p no:cacheprovider e2e

test: deps-test lint unit-test e2e unit-test-tsan

bench: build-release
	KHONGCHO_BIN=$(CURDIR)/.build/release/khongcho $(PYTHON) bench/bench.py
	.build/release/khongcho report-bench --runs 3

# 10 minutes of kiosks, staff, displays, SSE, a login flood and 1,500 half-open sockets (bench/soak.py).
soak: build-release
	KHONGCHO_BIN=$(CURDIR)/.build/release/khongcho $(PYTHON) bench/soak.py

clean:
	rm -rf .build
