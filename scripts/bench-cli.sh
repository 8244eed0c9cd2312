#!/usr/bin/env bash
# Times `cee-rules route` over 100,000 JSON Lines requests against `jq -c . FILE > /dev/null` on the
# same file, one after the other, and prints both times and their ratio (the target: at most 3).
#
#   mvn -q -DskipTests package      # once, on a fresh clone
#   scripts/bench-cli.sh [REQUESTS] [RUNS]
#   CEE_RULES=DIR/bin/cee-rules scripts/bench-cli.sh [REQUESTS] [RUNS]   # the launcher of an unpacked download
#
# The file (about 300 bytes a request) cycles the JSON requests of cee-rules-examples/samples/:
# the single request of participant-consumption.json and every line of batch.jsonl that is JSON
# (one of them is rejected, in place, as in real batches; the line that is not JSON is left out,
# as jq would stop at it). Each command runs RUNS times (default 3), alternating; the best and the
# worst of each are printed, and the ratio of the best times. Machine noise (other builds) shows
# as a spread between best and worst: measure on a quiet machine.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/bench-lib.sh

requests=${1:-100000}
runs=${2:-3}
jar=cee-rules-examples/target/cee-rules.jar
samples=cee-rules-examples/samples

bench_need_jq
# what is timed: the launcher named by CEE_RULES, else java -jar on the runnable jar
if [ -n "${CEE_RULES:-}" ]; then
    route=("$CEE_RULES" route)
elif [ -f "$jar" ]; then
    route=(java -jar "$jar" route)
else
    echo "$jar is missing: build it first with: mvn -q -DskipTests package" >&2
    exit 2
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
file=$work/requests.jsonl

sample_requests "$samples" > "$work/seed.jsonl"
cycle_lines "$requests" "$work/seed.jsonl" > "$file"

seconds() { # runs "$@" with stdout to /dev/null, prints the elapsed seconds
    local start end
    start=$(date +%s.%N)
    "$@" > /dev/null || true   # route exits 1: one sample request is rejected, by design
    end=$(date +%s.%N)
    awk -v s="$start" -v e="$end" 'BEGIN { printf "%.3f\n", e - s }'
}

jq_times=(); route_times=()
for ((i = 0; i < runs; i++)); do
    jq_times+=("$(seconds jq -c . "$file")")
    route_times+=("$(seconds "${route[@]}" "$file")")
done
best() { printf '%s\n' "$@" | sort -g | head -1; }
worst() { printf '%s\n' "$@" | sort -g | tail -1; }

jq_best=$(best "${jq_times[@]}"); route_best=$(best "${route_times[@]}")
bench_machine
bench_java
echo "input:   $requests requests, $(wc -c < "$file") bytes, from $(wc -l < "$work/seed.jsonl") sample requests"
printf 'jq -c . FILE > /dev/null:         best %.2f s, worst %.2f s (%d runs)\n' "$jq_best" "$(worst "${jq_times[@]}")" "$runs"
echo "route:   ${route[*]} FILE"
printf 'cee-rules route FILE > /dev/null: best %.2f s, worst %.2f s (%d runs)\n' "$route_best" "$(worst "${route_times[@]}")" "$runs"
awk -v r="$route_best" -v j="$jq_best" 'BEGIN { printf "ratio (best / best):              %.2f\n", r / j }'
