#!/usr/bin/env bash
# cachegrind.sh counts what one op of a Go benchmark costs: instructions,
# L1 data misses and L2 misses (a 1 MB L2 is simulated, as on the
# project's CI machine), or, with -branches, conditional branches and
# their mispredictions (cachegrind's simple predictor). Timing on a shared
# machine varies by tens of per cent; these counts do not, so they show a
# change of a few per cent.
#
# The benchmark runs at 51 and at 251 iterations (GOGC=off, GOMAXPROCS=1);
# both runs set up the same, so the difference over 200 is one op.
#
# Usage: .ci/cachegrind.sh [-branches] [package dir] [benchmark]
#   .ci/cachegrind.sh                      # ./entity BenchmarkExtractArticles
#   .ci/cachegrind.sh ./internal/tagger BenchmarkTag
#   .ci/cachegrind.sh -branches
# Needs valgrind (Debian: apt-get install valgrind). It does not run in CI.
set -euo pipefail

sim=(--cache-sim=yes --D1=65536,8,64 --LL=1048576,16,64)
branches=false
if [[ "${1:-}" == -branches ]]; then
	sim=(--cache-sim=no --branch-sim=yes)
	branches=true
	shift
fi
pkg=${1:-./entity}
bench=${2:-BenchmarkExtractArticles}
command -v valgrind >/dev/null || { echo "cachegrind.sh: valgrind not found" >&2; exit 1; }

cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go test -c -o "$tmp/b.test" "$pkg"
cd "$pkg" # benchmarks may read testdata relative to their package
for n in 51 251; do
	GOGC=off GOMAXPROCS=1 valgrind --tool=cachegrind "${sim[@]}" \
		--cachegrind-out-file="$tmp/cg.$n" "$tmp/b.test" \
		-test.run '^$' -test.bench "^$bench\$" -test.benchtime "${n}x" >/dev/null 2>&1
done
cg_diff "$tmp/cg.51" "$tmp/cg.251" >"$tmp/diff"
# The summary line lists the events in the order of the events line.
awk -v branches=$branches -v name="$pkg $bench" '
	/^events:/ { for (i = 2; i <= NF; i++) col[$i] = i }
	/^summary:/ {
		if (branches == "true")
			printf "%s: %.0f instructions, %.0f conditional branches, %.0f mispredicted per op\n",
				name, $col["Ir"]/200, $col["Bc"]/200, $col["Bcm"]/200
		else
			printf "%s: %.0f instructions, %.0f L1 data misses, %.0f L2 misses per op\n",
				name, $col["Ir"]/200, ($col["D1mr"]+$col["D1mw"])/200, ($col["DLmr"]+$col["DLmw"])/200
	}' "$tmp/diff"
