# Margin: the two commands a new user needs are `make run` and `make test`.
# Every target sets up what it needs first and can be run again safely.

VENV    := .venv
PYTHON  := $(VENV)/bin/python
STAMP   := $(VENV)/.installed-$(shell cat daemon/pyproject.toml | cksum | cut -d' ' -f1)
PYTEST_ARGS ?=
TESTS       ?= tests

.PHONY: run test bench eval lint soak system-deps extension-deps clean

$(STAMP): daemon/pyproject.toml
	@test -x $(PYTHON) || python3 -m venv $(VENV)
	$(PYTHON) -m pip install --quiet --upgrade pip
	$(PYTHON) -m pip install --quiet -e 'daemon[test]'
	@rm -f $(VENV)/.installed-*
	@touch $(STAMP)

## Start Margin in the foreground, with its vault in your data folder.
run: $(STAMP)
	$(VENV)/bin/margin serve

## Set up everything the tests need (Python packages, Chromium, a keychain) and run them all.
test: $(STAMP) system-deps extension-deps
	$(PYTHON) -m pytest $(PYTEST_ARGS) $(TESTS)

## Benchmarks; figures are printed as ratios against a baseline measured in the same run.
bench: $(STAMP)
	@$(PYTHON) -m pip install --quiet -e 'daemon[corpus]'  # reportlab builds the 500-page PDF
	@for script in bench/bench_*.py; do echo "== $$script"; $(PYTHON) $$script || exit 1; done

## Precision and recall of the misplacement linter on the labeled corpus.
eval: $(STAMP)
	$(PYTHON) tests/linter/eval.py

## Long crash and fuzz runs, kept out of `make test`.
soak: $(STAMP) system-deps
	MARGIN_SOAK=1 $(PYTHON) -m pytest -m soak tests
	MARGIN_SOAK=1 $(PYTHON) -m pytest tests/core/test_api_fuzz.py tests/core/test_daemon_kill.py tests/scan/test_bombs.py

lint: $(STAMP)
	$(VENV)/bin/ruff check daemon/src tests bench
	cd daemon && ../$(VENV)/bin/mypy src/margin

system-deps:
	@bash scripts/system-deps.sh

## Node.js and web-ext (npm, pinned by extension/tools/package-lock.json) for the extension's tests.
extension-deps:
	@bash extension/tools/install-deps.sh

clean:
	rm -rf $(VENV) tests/artifacts
