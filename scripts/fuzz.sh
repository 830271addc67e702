#!/usr/bin/env bash
# Runs every fuzz target of the module for FUZZTIME each (default 1m), one at
# a time (go test -fuzz takes one target per run). The seed corpora live in
# each package's testdata/fuzz/<FuzzName>/ and are also run by `make test`.
# New failing inputs are written there by Go; commit them with the fix.
set -uo pipefail
cd "$(dirname "$0")/.."
FUZZTIME=${FUZZTIME:-1m}
status=0
for pkg in $(go list ./...); do
  for target in $(go test -list '^Fuzz' "$pkg" 2>/dev/null | grep '^Fuzz'); do
    start=$(date +%s)
    if go test -run '^$' -fuzz "^${target}\$" -fuzztime "$FUZZTIME" "$pkg" >/tmp/dissem-fuzz-one.log 2>&1; then
      echo "fuzz ok   $pkg $target $(( $(date +%s) - start ))s"
    else
      echo "fuzz FAIL $pkg $target"
      tail -30 /tmp/dissem-fuzz-one.log
      status=1
    fi
  done
done
exit $status
