# Two commands on a fresh machine: `make serve` and `make test`. `make build` writes site/.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1
# Reproducible output: dates in the sitemap come from the last commit, not the clock.
export SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null || echo 0)

.PHONY: serve build offline test test-unit test-browser fuzz clean zensical properdocs

# Which site to build: mkdocs.yml, or a council's own config, e.g.
#   make build CONFIG=examples/harbourside/mkdocs.yml
CONFIG ?= mkdocs.yml

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# The pinned dependencies, then this project itself in editable mode (pyproject.toml), so the hooks,
# scripts, benchmarks and tests import `macros` without touching sys.path.
$(VENV)/.build-deps: requirements.txt pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	$(BIN)/pip install --quiet --no-deps -e .
	touch $@

# The W3C Nu HTML Checker for tests/build/test_html_valid.py: the npm registry's vnu-jar tarball, fetched
# with Python (no npm needed) and checked against the registry's sha512 integrity
# (https://registry.npmjs.org/vnu-jar/<version>, dist.integrity). It needs Java (Debian: default-jre-headless).
VNU_VERSION := 26.9.27
VNU_INTEGRITY := sha512-TkQd5DFfOaWC9ebtvozTsrH2Vaod3jYg+vrOeREzIXxBexLz9+rS2DNtjn7+RPUiZhgli0SghgBX6RJRNea0KA==
VNU_JAR ?= $(VENV)/vnu/vnu-$(VNU_VERSION).jar
export VNU_JAR := $(abspath $(VNU_JAR))

$(VNU_JAR): | $(BIN)/python
	$(BIN)/python scripts/fetch_vnu.py $(VNU_VERSION) $(VNU_INTEGRITY) $@

$(VENV)/.test-deps: requirements-test.txt $(VENV)/.build-deps | $(BIN)/python $(VNU_JAR)
	$(BIN)/pip install --quiet -r requirements-test.txt
	@# Use Debian's chromium when present (CHROMIUM_PATH); otherwise Playwright's own browser.
	@if [ -z "$$CHROMIUM_PATH" ] && ! command -v chromium >/dev/null 2>&1; then \
		$(BIN)/python -m playwright install chromium; fi
	touch $@

# Each rebuild ends with the post-build step on the served folder (hooks/postbuild.py). --dirty: after an
# edit, only the pages whose inputs changed are built again (hooks/incremental.py says how it decides).
serve: $(VENV)/.build-deps
	$(BIN)/mkdocs serve --strict --dirty -f $(CONFIG) -a 127.0.0.1:8000

# Build into a temporary folder and swap it in only on success, so a failed build leaves site/ intact.
# mkdocs build ends with the post-build step (hooks/postbuild.py -> macros/postbuild/: assets, open data,
# page embeds, csp.txt) on .site-build, so its failures also keep site/ as it was.
build: $(VENV)/.build-deps
	rm -rf .site-build
	$(BIN)/mkdocs build --strict -f $(CONFIG) -d $(CURDIR)/.site-build || { rm -rf .site-build; exit 1; }
	rm -rf site && mv .site-build site
	@echo "Built the site into site/"

# The offline bundle: the site built to open from disk (file://), zipped. Built and zipped in
# temporary places; the old zip is replaced only when both succeed. 404.html is dropped: with
# no server nothing shows it, and its absolute links cannot work from disk.
# With a council's CONFIG, a copy of its config that inherits mkdocs-council-offline.yml is built instead.
# As in `build`, the post-build step runs inside mkdocs build, on the temporary folder, before anything is zipped.
OFFLINE_ZIP ?= coproduction-explainer-offline.zip
OFFLINE_CONFIG = $(if $(filter mkdocs.yml,$(CONFIG)),mkdocs-offline.yml,$(dir $(CONFIG)).offline-mkdocs.yml)
offline: $(VENV)/.build-deps
	rm -rf .offline-build .offline.zip
	@if [ "$(CONFIG)" != mkdocs.yml ]; then \
		sed 's#^INHERIT: *\(.*\)mkdocs-council\.yml#INHERIT: \1mkdocs-council-offline.yml#' $(CONFIG) > $(OFFLINE_CONFIG); fi
	$(BIN)/mkdocs build --strict -f $(OFFLINE_CONFIG) -d $(CURDIR)/.offline-build/coproduction-explainer \
		|| { rm -rf .offline-build; [ "$(CONFIG)" = mkdocs.yml ] || rm -f $(OFFLINE_CONFIG); exit 1; }
	@[ "$(CONFIG)" = mkdocs.yml ] || rm -f $(OFFLINE_CONFIG)
	rm -f .offline-build/coproduction-explainer/404.html
	$(BIN)/python scripts/zip_dir.py .offline-build/coproduction-explainer .offline.zip \
		|| { rm -rf .offline-build .offline.zip; exit 1; }
	mv .offline.zip $(OFFLINE_ZIP) && rm -rf .offline-build
	@echo "Wrote $(OFFLINE_ZIP): unzip it and open coproduction-explainer/index.html"

# Two other generators, each in a venv of its own, to see how the site fares without mkdocs (README, "Other
# generators: Zensical and ProperDocs"; tests/build/test_other_generators.py compares them with the mkdocs
# build). Each venv has requirements.txt's pins, which pip installs beside the generator or refuses with the
# conflict, and this project in editable mode. As with `make build`, a failed build leaves the last one alone.
# Zensical 0.0.73 is the newest that installs from the registry: 0.1.x requires zensical-ui, which it lacks.
ZENSICAL_VERSION := 0.0.73
PROPERDOCS_VERSION := 1.6.7
ZENSICAL_VENV := .venv-zensical
PROPERDOCS_VENV := .venv-properdocs

# $(1): the venv's folder; $(2): the generator's pinned requirement.
define generator_venv
	$(PYTHON) -m venv $(1)
	$(1)/bin/python -m pip install --quiet -r requirements.txt $(2)
	$(1)/bin/python -m pip install --quiet --no-deps -e .
	touch $(1)/.deps
endef

$(ZENSICAL_VENV)/.deps: requirements.txt pyproject.toml
	$(call generator_venv,$(ZENSICAL_VENV),zensical==$(ZENSICAL_VERSION))

$(PROPERDOCS_VENV)/.deps: requirements.txt pyproject.toml
	$(call generator_venv,$(PROPERDOCS_VENV),properdocs==$(PROPERDOCS_VERSION))

# Zensical reads mkdocs.yml (through zensical.yml, which says where to write and names its own theme overrides,
# overrides-zensical/) but never runs its hooks, so the post-build step that needs no generator
# (python -m macros.postbuild) adds what it can of what they add under mkdocs; the component views under embed/
# stay missing (README, "Other generators").
# --clean empties Zensical's own cache (.cache/), so each build starts from the sources alone.
zensical: $(ZENSICAL_VENV)/.deps
	rm -rf .site-zensical-build
	ZENSICAL_SITE_DIR=.site-zensical-build $(ZENSICAL_VENV)/bin/zensical build --clean --strict -f zensical.yml \
		|| { rm -rf .site-zensical-build; exit 1; }
	$(ZENSICAL_VENV)/bin/python -m macros.postbuild .site-zensical-build -f zensical.yml \
		|| { rm -rf .site-zensical-build; exit 1; }
	rm -rf site-zensical && mv .site-zensical-build site-zensical
	@echo "Built the site with Zensical $(ZENSICAL_VERSION) into site-zensical/"

# ProperDocs, a maintained fork of MkDocs 1.6, runs material, the macros and the hooks as mkdocs does.
properdocs: $(PROPERDOCS_VENV)/.deps
	rm -rf .site-properdocs-build
	$(PROPERDOCS_VENV)/bin/properdocs build --strict -f $(CONFIG) -d $(CURDIR)/.site-properdocs-build \
		|| { rm -rf .site-properdocs-build; exit 1; }
	rm -rf site-properdocs && mv .site-properdocs-build site-properdocs
	@echo "Built the site with ProperDocs $(PROPERDOCS_VERSION) into site-properdocs/"

# The linter first (pyproject.toml, [tool.ruff]): it takes a second and names the line to fix.
test: $(VENV)/.test-deps
	$(BIN)/ruff check .
	$(BIN)/python -m pytest

test-unit: $(VENV)/.test-deps
	$(BIN)/ruff check .
	$(BIN)/python -m pytest -m "not browser and not build"

# The generated-data tests (tests/unit/test_fuzz.py) with many more examples than `make test` runs.
fuzz: $(VENV)/.test-deps
	HYPOTHESIS_PROFILE=long $(BIN)/python -m pytest tests/unit/test_fuzz.py

clean:
	rm -rf site .site-build .pytest_cache .ruff_cache .offline-build .offline.zip coproduction-explainer-offline.zip \
		site-zensical site-properdocs .site-zensical-build .site-properdocs-build .cache

# Figures, not tests (see bench/README.md): build time at 1x, 10x and 100x the data with the generator's
# overhead over plain mkdocs-material and live-reload time; timeline filter latency at 5,000 events;
# each page's first-view weight; Lighthouse scores per page template, desktop and mobile.
.PHONY: bench
bench: $(VENV)/.test-deps
	$(BIN)/python bench/build_scale.py
	$(BIN)/python bench/timeline_filter.py
	$(BIN)/python bench/page_weight.py
	$(BIN)/python bench/lighthouse.py

# Every external address in the data, checked over the network and compared with the state the data
# records (url_status). Not part of `make test`: it needs the internet, and old addresses come and go.
.PHONY: check-links
check-links: $(VENV)/.build-deps
	$(BIN)/python scripts/check_links.py
