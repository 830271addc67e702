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
    # Go's fuzzer sometimes ends a run with "context deadline exceeded" when
    # the time is up while it is still minimising a new input, without any
    # failing input: that is the clock, not a finding, so run once more.
    ok=false
    for attempt in 1 2; do
      if go test -run '^$' -fuzz "^${target}\$" -fuzztime "$FUZZTIME" "$pkg" >/tmp/dissem-fuzz-one.log 2>&1; then
        ok=true
        break
      fi
      if grep -q 'Failing input written' /tmp/dissem-fuzz-one.log || ! grep -q 'context deadline exceeded' /tmp/dissem-fuzz-one.log; then
        break
      fi
      echo "fuzz      $pkg $target: the run ended at its deadline with no failing input; running again"
    done
    if $ok; then
      echo "fuzz ok   $pkg $target $(( $(date +%s) - start ))s"
    else
      echo "fuzz FAIL $pkg $target"
      tail -30 /tmp/dissem-fuzz-one.log
      status=1
    fi
  done
done
exit $status
