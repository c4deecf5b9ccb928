#!/usr/bin/env bash
# `make test` without TESTS: every test, in two pytest processes side by side. The linter's
# tests (pure computation over the repository's files, a third of the run) run in one; the
# rest, which start daemons, browsers, a keychain and Syncthing, run in the other in their
# usual order, as they always have. The linter's report is printed when both are done, and
# the exit status is the first failure's. (Not pytest-xdist: its scheduler keys work by test
# id and ran one of the API fuzz test's 39 operations, which share an id.)
#     scripts/test-in-two.sh PYTHON "PYTEST_ARGS"
set -u
python=$1
read -r -a args <<<"${2:-}"
computation=(tests/linter tests/oversharing tests/test_code_quality.py)
ignored=()
for path in "${computation[@]}"; do ignored+=("--ignore=$path"); done

report=$(mktemp)
trap 'rm -f "$report"' EXIT
# The cache plugin is off beside: two processes must not write .pytest_cache at once.
MARGIN_TESTS_BESIDE=1 "$python" -m pytest -p no:cacheprovider "${args[@]}" "${computation[@]}" \
    >"$report" 2>&1 &
beside=$!
trap 'kill "$beside" 2>/dev/null; rm -f "$report"; exit 130' INT TERM

"$python" -m pytest "${args[@]}" "${ignored[@]}" tests
system=$?
wait "$beside"
linter=$?
echo
echo "== The linter's tests (tests/linter, tests/oversharing, code quality), run beside the others:"
cat "$report"
if [ "$system" -ne 0 ]; then exit "$system"; fi
exit "$linter"
