#!/usr/bin/env bash
# compare.sh runs the benchmark suite and prints the standard library's
# regexp against rerepl's, one row per workload, with benchstat.
#
# Usage: bench/compare.sh [-count N] [-benchtime D] [-bench REGEXP] [-out DIR]
#
# Every workload runs as the sub-benchmarks .../std and .../rerepl. The raw
# output is split into std.txt and rerepl.txt with that last name element
# removed, so benchstat sees the same benchmark names in two files and
# prints them as two columns with the ratio between them. Files are kept
# in -out (default: a new temporary directory) for later comparisons.
#
# Real texts are read from $REREPL_HAYSTACKS when it is set (see
# docs/PERFORMANCE.md); otherwise generated text is measured.
set -euo pipefail

count=6
benchtime=200ms
bench=.
out=""
while [ $# -gt 0 ]; do
	case "$1" in
	-count) count=$2; shift 2 ;;
	-benchtime) benchtime=$2; shift 2 ;;
	-bench) bench=$2; shift 2 ;;
	-out) out=$2; shift 2 ;;
	*) echo "usage: $0 [-count N] [-benchtime D] [-bench REGEXP] [-out DIR]" >&2; exit 2 ;;
	esac
done

cd "$(dirname "$0")/.."
if [ -z "$out" ]; then
	out=$(mktemp -d "${TMPDIR:-/tmp}/rerepl-bench.XXXXXX")
fi
mkdir -p "$out"

echo "haystacks: ${REREPL_HAYSTACKS:-<generated>}; results in $out" >&2
# Not -run=^$ alone: the suite checks answers before timing, and a wrong
# answer fails the run, which set -e then reports.
go test ./bench -run='^$' -bench="$bench" -benchtime="$benchtime" -count="$count" | tee "$out/raw.txt" >&2

# Header lines (goos, cpu, ...) go to both files; a result line goes to
# the file its engine names. Go appends -GOMAXPROCS to the last element,
# so "BenchmarkX/std-2" becomes "BenchmarkX-2".
awk -v std="$out/std.txt" -v rerepl="$out/rerepl.txt" '
	/^Benchmark/ {
		if (match($1, /\/std(-[0-9]+)?$/)) { sub(/\/std/, "", $1); print > std; next }
		if (match($1, /\/rerepl(-[0-9]+)?$/)) { sub(/\/rerepl/, "", $1); print > rerepl; next }
		next
	}
	/^(goos|goarch|pkg|cpu):/ { print > std; print > rerepl }
' "$out/raw.txt"

benchstat=(go run golang.org/x/perf/cmd/benchstat@latest)
if command -v benchstat >/dev/null; then
	benchstat=(benchstat)
fi
"${benchstat[@]}" std="$out/std.txt" rerepl="$out/rerepl.txt" | tee "$out/compare.txt"
