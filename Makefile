# KhôngChờ — the two commands: `make run` and `make test` (run as root or with sudo on Debian 12).
SHELL := /bin/bash
.DEFAULT_GOAL := run

# System packages: SQLite, libusb, FreeType, libqrencode and libpng for the build, a Vietnamese-capable font for tickets.
APT_RUN  := espeak-ng pkg-config libsqlite3-dev libusb-1.0-0-dev libfreetype-dev libqrencode-dev libpng-dev fonts-dejavu-core ca-certificates curl
# Tests: Chromium + driver (browser suite), pytest + Selenium for Debian python3, umockdev (emulated USB).
APT_TEST := postgresql sox chromium chromium-driver python3 python3-pytest python3-selenium umockdev libumockdev-dev gir1.2-umockdev-1.0 python3-gi zbar-tools
PYTHON   := /usr/bin/python3

HOST ?= 127.0.0.1
PORT ?= 8080
DATA ?= var
SWIFT_BUILD_FLAGS ?=

.PHONY: run test deps-run deps-test build build-release lint unit-test unit-test-tsan e2e screenshots deploy-check install bench bench-province soak clean

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
	MALLOC_ARENA_MAX=2 .build/release/khongcho serve --data $(DATA) --assets assets --devices-directory devices --host $(HOST) --port $(PORT) --demo-accounts --devices auto

# Formatting (.swift-format) and a doc line on every public type.
lint:
	swift format lint --strict --recursive --parallel Sources Tests Package.swift
	$(PYTHON) scripts/check-public-docs.py

# The tests make their stores, profiles, clusters and browser profiles under TMPDIR: each run gets its own directory,
# open to all like /tmp (the PostgreSQL tests hand theirs to the postgres account), removed afterwards whatever the
# result, so no run leaves anything in /tmp.
define in_test_tmp
	@tmp=$$(mktemp -d /tmp/khongcho-test.XXXXXX) && chmod 1777 $$tmp; \
	echo "TMPDIR=$$tmp $(1)"; TMPDIR=$$tmp $(1); status=$$?; rm -rf $$tmp; exit $$status
endef

unit-test: build
	$(call in_test_tmp,KHONGCHO_STRICT=1 swift test --skip-build)

# The Swift suite once more under ThreadSanitizer, in its own build directory (a data race fails the run).
unit-test-tsan: deps-run
	swift build --build-tests --sanitize=thread --scratch-path .build-tsan $(SWIFT_BUILD_FLAGS)
	$(call in_test_tmp,TSAN_OPTIONS=halt_on_error=1 swift test --skip-build --sanitize=thread --scratch-path .build-tsan)

e2e: build deps-test
	$(call in_test_tmp,KHONGCHO_BIN=$(CURDIR)/.build/debug/khongcho $(PYTHON) -m pytest -q -p no:cacheprovider e2e)

# Every page at 1080p and the kiosk at 1080×1920 portrait, after a morning's work, as PNGs in var/screenshots/.
screenshots: build deps-test
	rm -rf var/screenshots
	KHONGCHO_BIN=$(CURDIR)/.build/debug/khongcho KHONGCHO_SCREENSHOTS=$(CURDIR)/var/screenshots \
	  $(PYTHON) -m pytest -q -p no:cacheprovider e2e/test_page_tour.py
	@ls var/screenshots

# The service unit as `make install` would place it, pointed at this build: systemd-analyze must accept every line
# (it only warns on a bad value, so any output fails). Skipped where systemd-analyze does not exist.
deploy-check: build
	@if command -v systemd-analyze >/dev/null; then \
	  dir=$$(mktemp -d); \
	  sed "s|/usr/local/bin/khongcho|$(CURDIR)/.build/debug/khongcho|; s|/usr/share/khongcho|$(CURDIR)|g" deploy/khongcho.service > $$dir/khongcho.service; \
	  out=$$(systemd-analyze verify $$dir/khongcho.service 2>&1); status=$$?; rm -rf $$dir; \
	  if [ $$status -ne 0 ] || [ -n "$$out" ]; then echo "$$out"; echo "deploy/khongcho.service: systemd-analyze verify failed"; exit 1; fi; \
	  echo "deploy/khongcho.service: systemd-analyze verify passed"; \
	else echo "systemd-analyze not found: unit check skipped"; fi

test: deps-test lint unit-test deploy-check e2e unit-test-tsan

# Installs the service (as root): binary, assets and device profiles, the systemd unit, the udev rule and the
# khongcho system user; then `systemctl enable --now khongcho`. The binary uses the Swift runtime it was built
# with; for a box without the toolchain build with SWIFT_BUILD_FLAGS=--static-swift-stdlib.
PREFIX ?= /usr/local
SHARE  ?= /usr/share/khongcho
install: build-release
	install -D -m 0755 .build/release/khongcho $(DESTDIR)$(PREFIX)/bin/khongcho
	install -d $(DESTDIR)$(SHARE) $(DESTDIR)/etc/khongcho
	rm -rf $(DESTDIR)$(SHARE)/assets $(DESTDIR)$(SHARE)/devices
	cp -r assets devices $(DESTDIR)$(SHARE)/
	install -m 0644 README.md $(DESTDIR)$(SHARE)/README.md
	install -D -m 0644 deploy/khongcho.service $(DESTDIR)/etc/systemd/system/khongcho.service
	sed -i "s|/usr/local/bin/khongcho|$(PREFIX)/bin/khongcho|; s|/usr/share/khongcho|$(SHARE)|g" $(DESTDIR)/etc/systemd/system/khongcho.service
	install -D -m 0644 deploy/60-khongcho.rules $(DESTDIR)/etc/udev/rules.d/60-khongcho.rules
	[ -e $(DESTDIR)/etc/khongcho/khongcho.yaml ] || install -m 0644 deploy/khongcho.yaml $(DESTDIR)/etc/khongcho/khongcho.yaml
	@if [ -z "$(DESTDIR)" ]; then \
	  getent group khongcho >/dev/null || groupadd --system khongcho; \
	  id -u khongcho >/dev/null 2>&1 || useradd --system --gid khongcho --home-dir /var/lib/khongcho --shell /usr/sbin/nologin khongcho; \
	  if [ -d /run/systemd/system ]; then systemctl daemon-reload; fi; \
	  if command -v udevadm >/dev/null && [ -d /run/udev ]; then udevadm control --reload-rules && udevadm trigger --subsystem-match=usb --action=change; fi; \
	  echo "Installed. Start it with: systemctl enable --now khongcho   (logs: journalctl -u khongcho -f)"; \
	fi

bench: build-release
	KHONGCHO_BIN=$(CURDIR)/.build/release/khongcho $(PYTHON) bench/bench.py
	.build/release/khongcho report-bench --runs 3

# A province of 150 centres on a throw-away PostgreSQL: history by COPY, ingest, live lag, report (bench/province_bench.py).
# `make bench-province ARGS=--year` loads a year.
bench-province: build-release deps-test
	KHONGCHO_BIN=$(CURDIR)/.build/release/khongcho $(PYTHON) bench/province_bench.py $(ARGS)

# 10 minutes of kiosks, staff, displays, SSE, a login flood and 1,500 half-open sockets (bench/soak.py).
soak: build-release
	KHONGCHO_BIN=$(CURDIR)/.build/release/khongcho $(PYTHON) bench/soak.py

clean:
	rm -rf .build
