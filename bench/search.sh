#!/usr/bin/env bash
# bench/search.sh — what the search index costs and what a query transfers.
# For each N (a corpus bench/run.sh made, or made here with bench/gencorpus):
# builds the site with and without the index (--no-briefs) RUNS times each,
# alternating, and prints the medians of wall time, CPU time (user + system)
# and peak RSS and what the index adds (targets: ≤ 10 % wall time, ≤ 100 MB
# peak RSS at N = 10,000; the CPU time is the steadier figure on a shared
# machine, whose other work stretches the wall time);
# then bench/searchbench on the last build: the gzip-compressed transfer and
# requests of a cold one-word query until its first results (median and
# worst over common and rare words; target ≤ 50 KB in ≤ 3 requests), and
# each language's index size on disk.
#
# Usage: bash bench/search.sh [--n "1000 10000"] [--runs 3] [--dir DIR] [--out DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
NS=${BENCH_NS:-"1000 10000"}
RUNS=${BENCH_SEARCH_RUNS:-3}
DIR=${BENCH_DIR:-/tmp/dissem-bench}
OUT=${BENCH_OUT:-$DIR}
while [ $# -gt 0 ]; do
	case $1 in
	--n) NS=$2; shift ;;
	--runs) RUNS=$2; shift ;;
	--dir) DIR=$2; shift ;;
	--out) OUT=$2; shift ;;
	-h | --help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
	*) echo "bench/search.sh: unknown flag $1" >&2; exit 2 ;;
	esac
	shift
done
GO=${GO:-go}
mkdir -p bin "$OUT"
$GO build -o bin/dissem ./cmd/dissem
$GO build -o bin/gencorpus ./bench/gencorpus
$GO build -o bin/searchbench ./bench/searchbench
RES=$(mktemp -d)
trap 'rm -rf "$RES"' EXIT
# median FILE COLUMN
median() { sort -n -k"$2","$2" "$1" | awk -v c="$2" '{v[NR] = $c} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }
echo
echo "search index: $(nproc) CPUs, load average at start $(cut -d' ' -f1-3 /proc/loadavg)"
for n in $NS; do
	[ -d "$DIR/$n/site" ] || bin/gencorpus -n "$n" -seed 1 -out "$DIR/$n" >&2
	find "$DIR/$n/site/content" -type f -exec cat {} + >/dev/null
	for ((r = 1; r <= RUNS; r++)); do
		for mode in off on; do
			flag=--no-search
			[ $mode = on ] && flag=
			rm -rf "$OUT/$n/out-search"
			/usr/bin/time -f "%e %M %U %S" -o "$RES/t" bin/dissem build --source "$DIR/$n/site" --dest "$OUT/$n/out-search" --no-briefs $flag --quiet
			awk '{print $1, $2, $3 + $4}' "$RES/t" >>"$RES/$n.$mode"
		done
	done
	off_t=$(median "$RES/$n.off" 1) on_t=$(median "$RES/$n.on" 1)
	off_m=$(median "$RES/$n.off" 2) on_m=$(median "$RES/$n.on" 2)
	off_c=$(median "$RES/$n.off" 3) on_c=$(median "$RES/$n.on" 3)
	awk -v n="$n" -v a="$off_t" -v b="$on_t" -v c="$off_m" -v d="$on_m" -v e="$off_c" -v f="$on_c" -v r="$RUNS" 'BEGIN {
		printf "N=%s (%d runs each, medians): without the index %.2f s, %.0f MB; with it %.2f s, %.0f MB; the index adds %.2f s (%.1f %%, target ≤ 10 %%) and %.0f MB peak RSS (target ≤ 100 MB)\n",
			n, r, a, c / 1024, b, d / 1024, b - a, (b - a) * 100 / a, (d - c) / 1024
		printf "N=%s  CPU time (user + system): without the index %.1f s, with it %.1f s; the index costs %.1f CPU s (%.1f %% of the build)\n",
			n, e, f, f - e, (f - e) * 100 / e }'
	bin/searchbench -site "$OUT/$n/out-search" -js static/js/search.js | sed "s/^/N=$n  /"
	rm -rf "$OUT/$n/out-search"
done
