#!/usr/bin/env bash
# bench/media.sh: the Targets of the site's pictures (issue 14), printed by
# `make bench` (bench/run.sh) and runnable alone:
#   - a 2400 × 1600 JPEG into all sizes: ≤ 1 s of one core (CPU time, not
#     wall time: the build machine is shared);
#   - a rebuild with no picture changed: 0 pictures processed, ≤ 5 ms each
#     to reuse (BenchmarkReuse; TestPicturesInTheSite checks the 0);
#   - a case study with its lead picture on a 390 px phone: ≤ 200 KB of
#     pictures, and a cumulative layout shift of 0 on every page with
#     pictures (TestPicturesOnAPhone, Chromium; skipped without it).
set -euo pipefail
cd "$(dirname "$0")/.."

echo
echo "pictures (go test ./builder/media -bench 'Process|Reuse' -cpu 1):"
out=$(go test ./builder/media -run - -bench 'Process/CatmullRom|Reuse' -benchtime 5x -cpu 1 -count=1 2>&1) || { printf '%s\n' "$out"; exit 1; }
printf '%s\n' "$out" | awk '
	/^BenchmarkProcess\/CatmullRom/ { for (i = 1; i <= NF; i++) { if ($i == "cpu-ms/op") ms = $(i-1); if ($i == "KB-out") kb = $(i-1) }
		printf "  a 2400 × 1600 JPEG into 480/800/1200/1600 px: %.0f ms of CPU (target ≤ 1000: %s), %.0f KB out\n", ms, (ms <= 1000 ? "met" : "NOT met"), kb }
	/^BenchmarkReuse/ { for (i = 1; i <= NF; i++) if ($i == "cpu-ms/op") ms = $(i-1)
		printf "  reuse of an unchanged picture (probe + cache): %.2f ms of CPU (target ≤ 5: %s)\n", ms, (ms <= 5 ? "met" : "NOT met") }'

if ! command -v chromium >/dev/null && ! command -v chromium-browser >/dev/null; then
	echo "  phone page weight and layout shift: skipped (no Chromium; make e2e-setup installs it)"
	exit 0
fi
if ! out=$(go test -tags e2e ./e2e -run TestPicturesOnAPhone -v -count=1 2>&1); then
	printf '%s\n' "$out" | grep -v '^=== ' | tail -20
	echo "  phone page weight and layout shift: NOT met (see above)"
	exit 0
fi
printf '%s\n' "$out" | awk '/target: / {
	sub(/^.*target: /, ""); sub(/ in [0-9]+ files \([^)]*\)/, "")
	match($0, /: [0-9]+ KB/); kb = substr($0, RSTART + 2, RLENGTH - 5) + 0
	match($0, /shift [0-9.]+/); cls = substr($0, RSTART + 6, RLENGTH - 6) + 0
	t = ($0 ~ /case-studies/) ? sprintf(" (target ≤ 200 KB: %s)", kb <= 200 ? "met" : "NOT met") : ""
	printf "  %s%s (target 0: %s)\n", $0, t, (cls == 0 ? "met" : "NOT met")
}'
