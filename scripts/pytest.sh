#!/usr/bin/env bash
# pytest with the project's venv; exit code 5 ("no tests collected") means the suite is missing,
# which is a failure for us, so it is reported in words.
cd "$(dirname "$0")/.."
.venv/bin/pytest "$@"
rc=$?
if [ $rc -eq 5 ]; then
    echo "pytest collected no tests: the suite is missing or the selection is empty" >&2
fi
exit $rc
