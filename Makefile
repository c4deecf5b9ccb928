# Margin: the two commands a new user needs are `make run` and `make test`.
# Every target sets up what it needs first and can be run again safely.

VENV    := .venv
PYTHON  := $(VENV)/bin/python
SUM     := $(shell cat daemon/pyproject.toml | cksum | cut -d' ' -f1)
# Two stamps: running needs only Margin's own dependencies; tests and tools add the extras.
RUN_STAMP := $(VENV)/.installed-run-$(SUM)
STAMP     := $(VENV)/.installed-$(SUM)
PYTEST_ARGS ?=
# Empty: every test, the linter's beside the rest (scripts/test-in-two.sh). Set: just those.
TESTS       ?=

.PHONY: run test bench eval lint soak package package-extension system-deps extension-deps xpi clean

$(RUN_STAMP): daemon/pyproject.toml
	@test -x $(PYTHON) || python3 -m venv $(VENV)
	$(PYTHON) -m pip install --quiet --upgrade pip
	$(PYTHON) -m pip install --quiet -e daemon
	@rm -f $(VENV)/.installed-run-*
	@touch $(RUN_STAMP)

$(STAMP): $(RUN_STAMP)
	$(PYTHON) -m pip install --quiet -e 'daemon[test]'
	@rm -f $(VENV)/.installed-[0-9]*
	@touch $(STAMP)

## Start Margin in the foreground, with its vault in your data folder.
run: $(RUN_STAMP)
	$(VENV)/bin/margin serve

## Set up everything the tests need (Python packages, Chromium, a keychain) and run them all.
test: $(STAMP) system-deps extension-deps
ifeq ($(strip $(TESTS)),)
	scripts/test-in-two.sh $(PYTHON) "$(PYTEST_ARGS)"
else
	$(PYTHON) -m pytest $(PYTEST_ARGS) $(TESTS)
endif

## Benchmarks; figures are printed as ratios against a baseline measured in the same run.
bench: $(STAMP)
	@$(PYTHON) -m pip install --quiet -e 'daemon[corpus]'  # reportlab builds the 500-page PDF
	@for script in bench/bench_*.py; do echo "== $$script"; $(PYTHON) $$script || exit 1; done

## Precision and recall of the misplacement linter and of the over-sharing check on their corpora.
eval: $(STAMP)
	$(PYTHON) tests/linter/eval.py
	$(PYTHON) tests/oversharing/eval.py

## Long crash and fuzz runs, kept out of `make test`.
soak: $(STAMP) system-deps
	MARGIN_SOAK=1 $(PYTHON) -m pytest -m soak tests
	MARGIN_SOAK=1 $(PYTHON) -m pytest tests/core/test_api_fuzz.py tests/core/test_daemon_kill.py tests/scan/test_bombs.py

lint: $(STAMP)
	$(VENV)/bin/ruff check daemon/src tests bench
	cd daemon && ../$(VENV)/bin/mypy src/margin

## Installable files in dist/: the wheel and sdist (margin command), the Chromium store zip and
## the unsigned Firefox .xpi of the extension.
package: $(STAMP) package-extension
	$(PYTHON) -m build daemon --outdir dist
	@ls -l dist

package-extension: extension-deps
	@mkdir -p dist
	node extension/tools/build.mjs chromium-store
	rm -f dist/margin-chromium.zip
	cd extension/dist/chromium-store && python3 -m zipfile -c ../../../dist/margin-chromium.zip manifest.json PERMISSIONS.md src
	node extension/tools/build.mjs firefox
	extension/tools/node_modules/.bin/web-ext build --source-dir extension/dist/firefox \
		--artifacts-dir dist --filename margin-firefox.xpi --overwrite-dest --no-config-discovery

system-deps:
	@bash scripts/system-deps.sh

## Node.js, web-ext and the real editor libraries the browser tests bundle (npm, pinned by
## extension/tools/package-lock.json and tests/editors/package-lock.json).
extension-deps:
	@bash extension/tools/install-deps.sh

## The Firefox add-on as an unsigned .xpi (web-ext build), in extension/dist/artifacts/.
xpi: extension-deps
	node extension/tools/build.mjs xpi

clean:
	rm -rf $(VENV) tests/artifacts
