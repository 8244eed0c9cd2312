#!/usr/bin/env bash
# Routes 1,000,000 requests with a 64 MiB heap (-Xmx64m) and checks that every one gets its line:
# the batch path streams, its memory does not grow with the input.
#
#   mvn -q -DskipTests package      # once
#   scripts/route-1m-64m.sh [REQUESTS] [HEAP]
#
# The requests (the JSON requests of cee-rules-examples/samples/, cycled) are generated on the fly
# and piped to `cee-rules route -`; the decisions are counted, not kept. Prints the time, the
# peak resident memory of the JVM and the number of lines; exits non-zero if a line is missing or
# the run fails (exit status 1 is expected: one sample request is rejected, in place).
set -euo pipefail
cd "$(dirname "$0")/.."

requests=${1:-1000000}
heap=${2:-64m}
jar=cee-rules-examples/target/cee-rules.jar
samples=cee-rules-examples/samples
[ -f "$jar" ] || { echo "$jar is missing: build it first with: mvn -q -DskipTests package" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "/usr/bin/time is missing (Debian: apt-get install -y time)" >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# the sample requests, one per line: the pretty-printed one joined, the batch's lines that are requests
{
    for f in "$samples"/*.json; do tr -d '\n' < "$f"; echo; done
    # requests only: not batch.jsonl's non-JSON line, nor importer-entries.jsonl's bare entry summaries
    grep -h '^{"asOf".*"entrySummary"' "$samples"/*.jsonl
} > "$work/seed.jsonl"

set +e
awk -v n="$requests" 'NR == FNR { line[NR] = $0; count = NR; next } END { for (i = 0; i < n; i++) print line[i % count + 1] }' \
    "$work/seed.jsonl" /dev/null \
    | /usr/bin/time -f "%e %M" -o "$work/time" java "-Xmx$heap" -jar "$jar" route - 2> "$work/err" \
    | wc -l > "$work/lines"
statuses=("${PIPESTATUS[@]}")
set -e

read -r seconds peak_kb < <(tail -1 "$work/time")
lines=$(tr -d ' ' < "$work/lines")
echo "requests: $requests, heap -Xmx$heap"
echo "lines:    $lines"
echo "time:     $seconds s"
echo "peak RSS: $((peak_kb / 1024)) MiB"
echo "status:   ${statuses[1]} (1: a sample request is rejected, in place)"
if [ -s "$work/err" ]; then echo "stderr:"; cat "$work/err"; fi
[ "$lines" = "$requests" ] && [ "${statuses[1]}" -le 1 ] || { echo "FAILED" >&2; exit 1; }
