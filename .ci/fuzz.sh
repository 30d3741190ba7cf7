#!/usr/bin/env bash
# fuzz.sh: run every Go fuzz target of the kenner repository for a short
# time each and print a summary.
#
# Usage:
#   .ci/fuzz.sh [FUZZTIME] [REGEXP]
#   .ci/fuzz.sh -list [REGEXP]      print the targets and commands, run nothing
#
#   FUZZTIME  per target, as for go test -fuzztime: 10s (default), 1m, 5000x.
#             Also taken from $FUZZTIME.
#   REGEXP    run only targets whose "dir:FuzzName" matches (grep -E),
#             e.g. 'entity|tokenize' or ':FuzzExtract$'.
#
# Targets are found with grep: every "func FuzzX(" in a *_test.go file
# (testdata and hidden directories skipped). Each one runs alone:
#   go test -run '^$' -fuzz '^FuzzX$' -fuzztime FUZZTIME ./dir/
# from the root of the Go module that contains it (examples with their own
# go.mod run in their module). A target that finds a failure leaves the input
# in dir/testdata/fuzz/FuzzX/ (commit it as a regression seed once fixed).
#
# Exit status: 0 when every target passed, 1 otherwise.
set -uo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
list=false
if [[ ${1:-} == -list || ${1:-} == --list ]]; then
	list=true
	shift
	set -- "${FUZZTIME:-10s}" "$@"
fi
fuzztime=${1:-${FUZZTIME:-10s}}
filter=${2:-}
cd "$root" || exit 1

# Seconds allowed per target before it is killed: the fuzz time plus room
# for building the test binary and the baseline coverage run.
limit=""
case $fuzztime in
*s) limit=$((${fuzztime%s} + 600)) ;;
*m) limit=$((${fuzztime%m} * 60 + 600)) ;;
*h) limit=$((${fuzztime%h} * 3600 + 600)) ;;
esac
run_limited() {
	if [[ -n $limit ]] && command -v timeout >/dev/null; then
		timeout --signal=INT --kill-after=30 "$limit" "$@"
	else
		"$@"
	fi
}

# fuzz_once MODDIR NAME PKG: one fuzzing run of target NAME in package PKG.
fuzz_once() {
	(cd "$1" && run_limited go test -run '^$' -fuzz "^${2}\$" -fuzztime "$fuzztime" -fuzzminimizetime 1s "$3")
}

# modroot DIR: the nearest directory at or above DIR holding a go.mod.
modroot() {
	local d=$1
	while [[ $d != "/" && ! -f $d/go.mod ]]; do d=$(dirname "$d"); done
	echo "$d"
}

mapfile -t targets < <(
	grep -rIE --include='*_test.go' --exclude-dir=testdata --exclude-dir='.[!.]*' \
		-o '^func Fuzz[A-Za-z0-9_]*\(' . |
		sed -E 's#^\./##; s#/[^/]*_test\.go:func (Fuzz[A-Za-z0-9_]*)\($#:\1#; s#^[^/]*_test\.go:func (Fuzz[A-Za-z0-9_]*)\($#.:\1#' |
		sort -u
)
if [[ -n $filter ]]; then
	mapfile -t targets < <(printf '%s\n' "${targets[@]}" | grep -E -- "$filter")
fi
if ((${#targets[@]} == 0)); then
	echo "fuzz.sh: no fuzz targets found${filter:+ matching '$filter'}" >&2
	exit 1
fi

if $list; then
	for t in "${targets[@]}"; do
		dir=${t%%:*}
		name=${t##*:}
		mod=$(modroot "$root/$dir")
		rel=${root}/${dir}
		rel=./${rel#"$mod"/}
		[[ $rel == "./$mod" || $rel == "./" ]] && rel=.
		echo "(cd ${mod#"$root"/} && go test -run '^\$' -fuzz '^${name}\$' -fuzztime $fuzztime $rel)" | sed "s#(cd $root #(cd . #"
	done
	exit 0
fi

echo "fuzz.sh: ${#targets[@]} targets, -fuzztime $fuzztime each ($(go version | cut -d' ' -f3), GOMAXPROCS ${GOMAXPROCS:-$(nproc 2>/dev/null || echo ?)})"
logdir=$(mktemp -d "${TMPDIR:-/tmp}/kenner-fuzz.XXXXXX")
declare -a results
failed=0
total_start=$(date +%s)
for t in "${targets[@]}"; do
	dir=${t%%:*}
	name=${t##*:}
	mod=$(modroot "$root/$dir")
	rel=${root}/${dir}
	rel=./${rel#"$mod"/}
	[[ $rel == "./$mod" || $rel == "./" ]] && rel=.
	log="$logdir/${dir//\//_}.$name.log"
	printf '%-28s %-26s ' "$dir" "$name"
	start=$(date +%s.%N)
	attempt=1
	fuzz_once "$mod" "$name" "$rel" >"$log.try" 2>&1
	status=$?
	cat "$log.try" >"$log"
	# The Go fuzzer sometimes ends a run with "context deadline exceeded"
	# when -fuzztime runs out while a worker is busy with a new input; no
	# failing input is written then. That is no finding: run the target
	# again, up to twice more, keeping every attempt in the log. (On the
	# 2-core CI machine this once hit the same target twice in a row.)
	while ((status != 0 && attempt < 3)) && grep -q 'context deadline exceeded' "$log.try" && ! grep -q 'Failing input written to' "$log.try"; do
		attempt=$((attempt + 1))
		echo "    (fuzzer stopped on its deadline without a finding; attempt $attempt)" >>"$log"
		fuzz_once "$mod" "$name" "$rel" >"$log.try" 2>&1
		status=$?
		cat "$log.try" >>"$log"
	done
	rm -f "$log.try"
	end=$(date +%s.%N)
	secs=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.1f", b - a }')
	execs=$(grep -Eo 'execs: [0-9]+' "$log" | tail -1 | cut -d' ' -f2)
	if ((status == 0)); then
		verdict=ok
	elif grep -q -- '--- FAIL' "$log"; then
		verdict=FAIL
		failed=$((failed + 1))
	elif ((status == 124 || status == 130)); then
		verdict=TIMEOUT
		failed=$((failed + 1))
	else
		verdict=ERROR
		failed=$((failed + 1))
	fi
	printf '%-7s %7ss %12s execs' "$verdict" "$secs" "${execs:-?}"
	((attempt > 1)) && printf '  (%d attempts: fuzzer deadline)' "$attempt"
	echo
	# why, in a line: the summary is what a truncated CI log still shows
	why=""
	if [[ $verdict != ok ]]; then
		why=$(grep -A1 -- '--- FAIL' "$log" | grep -v -- '--- FAIL' | grep -v '^--$' | tail -1 | sed 's/^[[:space:]]*//' | cut -c1-100)
		[[ -z $why ]] && why=$(grep -v '^fuzz: elapsed' "$log" | tail -1 | cut -c1-100)
	elif ((attempt > 1)); then
		why="passed on attempt $attempt after a fuzzer deadline"
	fi
	results+=("$verdict|$secs|${execs:-?}|$dir|$name|$why")
	if [[ $verdict != ok ]]; then
		sed 's/^/    | /' "$log" | tail -40
		new=$(grep -Eo 'testdata/fuzz/[^ ]+' "$log" | sort -u)
		[[ -n $new ]] && echo "    failing input written to: $dir/$new"
	fi
done
total=$(($(date +%s) - total_start))

echo
echo "Summary (fuzztime $fuzztime per target, ${total}s in all; logs in $logdir)"
printf '  %-7s %8s %12s  %s\n' result time execs target
for r in "${results[@]}"; do
	IFS='|' read -r verdict secs execs dir name why <<<"$r"
	printf '  %-7s %7ss %12s  %s %s%s\n' "$verdict" "$secs" "$execs" "$dir" "$name" "${why:+  ($why)}"
done
echo "  $((${#targets[@]} - failed)) passed, $failed failed"
((failed == 0))
