#!/usr/bin/env bash
# Measures the decision service, `cee-rules serve`, on this machine, next to the command line:
#   (a) single requests: wrk, 2 threads, keep-alive, each connection count for a fixed time,
#       POST /v1/route with one JSON request each (scripts/bench-server.lua): decisions/s, p50, p99;
#   (b) batches: N requests as NDJSON, in POSTs of the server's batch limit, sent by 1, 2, ...
#       curl clients at once: decisions/s, every answer checked line for line;
#   (c) the command line through the download's launcher, bin/cee-rules: its first decision
#       (scripts/bench-launcher.sh) and N requests against `jq -c .` on the same file
#       (scripts/bench-cli.sh);
#   (d) with --engine: the router alone, without JSON or HTTP: JMH's RouteAllBenchmark on 1 and 2
#       threads (the sample requests cycled), what any front end of the router can reach at best
#       on the machine as it is loaded now.
# Linux (it reads the server's CPU time in /proc), with wrk, curl and jq. It builds nothing unless
# given --build; otherwise build first, once:
#
#   mvn -q -DskipTests package
#   scripts/bench-server.sh                         # about 4 minutes
#   scripts/bench-server.sh --server jar --rounds 5 --no-cli
#
# Options (defaults in brackets):
#   --build                 run `mvn -q -DskipTests package` first
#   --server download|jar   what serves: the download's bin/cee-rules serve, unpacked from
#                           cee-rules-examples/target/cee-rules-*.tar.gz [download]; or
#                           java -jar cee-rules-examples/target/cee-rules.jar serve
#   --download DIR          an unpacked download to use instead of unpacking the one built
#   --duration SECONDS      each wrk run [10]
#   --connections "C ..."   wrk's connections, one run of each per round ["16 64"]
#   --requests N            the requests of the batches and of bench-cli.sh [100000]
#   --batch-lines L         requests per POST [10000, the server's --max-batch-lines]
#   --clients "K ..."       curl clients at once, one run of each per round ["1 2 4"]
#   --rounds R              rounds of (a) and (b); medians are printed [3]
#   --warmup SECONDS        wrk before measuring, after a first pass of the batches [30]
#   --cli-rounds R          rounds of (c) [2]; --no-cli: no (c)
#   --engine                run (d) too (about a minute; cee-rules-benchmarks/target/benchmarks.jar)
#
# The server listens on a free port of 127.0.0.1 (--port 0) with its default settings (at most 32
# requests at once: with more connections than that, the rest are answered 503, counted apart and
# not as decisions), and is stopped with SIGTERM at the end. The requests are the sample requests
# (cee-rules-examples/samples) that the router routes, cycled; the one it rejects by design is left
# out, so that every answer is a decision. Each round runs every measure once; printed per measure:
# the median of the rounds and their range, the server's CPU time (user + system, all its threads)
# per decision, and the load average (1 minute) seen at the end of the rounds: the machine may be
# shared, and CPU time moves less than wall time when other work takes the cores.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/bench-lib.sh

build=no server=download download= duration=10 connections="16 64" requests=100000 batch_lines=10000
clients="1 2 4" rounds=3 warmup=30 cli_rounds=2 engine=no
while [ $# -gt 0 ]; do
    case $1 in
        --build) build=yes ;;
        --server) server=$2; shift ;;
        --download) download=$2; shift ;;
        --duration) duration=$2; shift ;;
        --connections) connections=$2; shift ;;
        --requests) requests=$2; shift ;;
        --batch-lines) batch_lines=$2; shift ;;
        --clients) clients=$2; shift ;;
        --rounds) rounds=$2; shift ;;
        --warmup) warmup=$2; shift ;;
        --cli-rounds) cli_rounds=$2; shift ;;
        --no-cli) cli_rounds=0 ;;
        --engine) engine=yes ;;
        *) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//' >&2; exit 2 ;;
    esac
    shift
done
[ "$server" = download ] || [ "$server" = jar ] || { echo "--server is download or jar, was $server" >&2; exit 2; }
for tool in wrk curl; do
    command -v $tool >/dev/null 2>&1 || { echo "$tool is missing (Debian/Ubuntu: apt-get install -y $tool)" >&2; exit 2; }
done
bench_need_jq
[ "$build" = no ] || mvn -q -DskipTests package

work=$(mktemp -d)
server_pid=
stop_server() {
    [ -n "$server_pid" ] || return 0
    kill -TERM "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
    server_pid=
}
trap 'stop_server; rm -rf "$work"' EXIT

jar=cee-rules-examples/target/cee-rules.jar
if [ -z "$download" ] && { [ "$server" = download ] || [ "$cli_rounds" -gt 0 ]; }; then
    tarball=$(ls cee-rules-examples/target/cee-rules-*.tar.gz 2>/dev/null | head -1) || true
    [ -n "$tarball" ] || { echo "no download in cee-rules-examples/target: build first (mvn -q -DskipTests package)" >&2; exit 2; }
    tar xzf "$tarball" -C "$work"
    download=$(ls -d "$work"/cee-rules-*/)
fi
[ -z "$download" ] || download=$(cd "$download" && pwd -P)
if [ "$server" = download ]; then
    serve=("$download/bin/cee-rules" serve)
    # the launcher's class-data archive, made by its first run: made here, before the start is timed
    export XDG_CACHE_HOME=$work/cache
    "$download/bin/cee-rules" --version > /dev/null 2>&1
else
    [ -f "$jar" ] || { echo "$jar is missing: build first (mvn -q -DskipTests package)" >&2; exit 2; }
    serve=(java -jar "$jar" serve)
fi

# The CPU time of process $1 so far, in clock ticks (user + system, all its threads)
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
ticks=$(getconf CLK_TCK)
load1() { cut -d' ' -f1 /proc/loadavg; }

# --- the server ------------------------------------------------------------------------------
load_at_start=$(bench_load)
started=$(date +%s.%N)
"${serve[@]}" --port 0 --max-batch-lines "$batch_lines" > /dev/null 2> "$work/server.err" &
server_pid=$!
port=
for _ in $(seq 600); do
    port=$(sed -n 's|^listening on http://127.0.0.1:\([0-9]*\)/$|\1|p' "$work/server.err")
    [ -n "$port" ] && break
    kill -0 "$server_pid" 2>/dev/null || { cat "$work/server.err" >&2; exit 1; }
    sleep 0.1
done
[ -n "$port" ] || { echo "the server did not listen within 60 s" >&2; cat "$work/server.err" >&2; exit 1; }
url=http://127.0.0.1:$port
until curl -fsS -o /dev/null "$url/readyz" 2>/dev/null; do
    kill -0 "$server_pid" 2>/dev/null || { cat "$work/server.err" >&2; exit 1; }
    sleep 0.05
done
ready_seconds=$(awk -v s="$started" -v e="$(date +%s.%N)" 'BEGIN { printf "%.2f", e - s }')

# --- the requests ----------------------------------------------------------------------------
sample_requests cee-rules-examples/samples > "$work/samples.jsonl"
while IFS= read -r line; do   # those the server routes: every answer a decision
    status=$(printf '%s' "$line" | curl -sS -o /dev/null -w '%{http_code}' -H 'Content-Type: application/json' \
        --data-binary @- "$url/v1/route")
    [ "$status" != 200 ] || printf '%s\n' "$line"
done < "$work/samples.jsonl" > "$work/routed.jsonl"
[ -s "$work/routed.jsonl" ] || { echo "the server routed none of the sample requests" >&2; exit 1; }
cycle_lines "$requests" "$work/routed.jsonl" > "$work/requests.jsonl"
mkdir "$work/batches"
split -l "$batch_lines" -a 4 -d --additional-suffix=.jsonl "$work/requests.jsonl" "$work/batches/"

# POSTs every batch with K curl clients at once (xargs hands each the next batch); one line per
# batch: its file, the HTTP status, the bytes of the answer
post_batches() {
    local k=$1 out=$2
    find "$work/batches" -name '*.jsonl' | sort | xargs -P "$k" -I{} \
        curl -sS -o /dev/null -w '{} %{http_code} %{size_download}\n' -H 'Content-Type: application/x-ndjson' \
        --data-binary @{} "$url/v1/route" > "$out"
}

# The first pass checks the answers line for line: as many lines as requests, each a decision;
# the timed runs write to /dev/null and are checked against these lengths.
for f in "$work"/batches/*.jsonl; do
    curl -sS -H 'Content-Type: application/x-ndjson' --data-binary @"$f" "$url/v1/route" > "$work/answer"
    lines=$(wc -l < "$f")
    decisions=$(grep -c '^{"entryNumber":' "$work/answer" || true)
    [ "$(wc -l < "$work/answer")" = "$lines" ] && [ "$decisions" = "$lines" ] || {
        echo "the answer to $f has $(wc -l < "$work/answer") lines, $decisions decisions, for $lines requests" >&2
        exit 1
    }
    echo "$f 200 $(wc -c < "$work/answer")"
done | sort > "$work/expected"
wrk -t2 -c16 -d"${warmup}s" -s scripts/bench-server.lua "$url" -- "$work/routed.jsonl" > /dev/null

# --- the rounds ------------------------------------------------------------------------------
# results: one line per run: measure, then its figures
results=$work/results
for ((r = 1; r <= rounds; r++)); do
    for c in $connections; do
        before=$(cpu_ticks "$server_pid")
        result=$(wrk -t2 -c"$c" -d"${duration}s" -s scripts/bench-server.lua "$url" -- "$work/routed.jsonl" | grep '^RESULT')
        after=$(cpu_ticks "$server_pid")
        # requests, µs, p50 µs, p99 µs, non-2xx, socket errors -> decisions/s, p50 ms, p99 ms, other, CPU µs/decision
        echo "$result" | awk -v c="$c" -v t=$((after - before)) -v hz="$ticks" -v load="$(load1)" '{
            ok = $2 - $6; printf "wrk-c%s %.0f %.2f %.2f %d %.0f %s\n", c, ok / ($3 / 1e6), $4 / 1e3, $5 / 1e3,
                $6 + $7, (ok > 0 ? t / hz * 1e6 / ok : 0), load }' >> "$results"
    done
    for k in $clients; do
        before=$(cpu_ticks "$server_pid")
        start=$(date +%s.%N)
        post_batches "$k" "$work/got"
        end=$(date +%s.%N)
        after=$(cpu_ticks "$server_pid")
        sort "$work/got" | cmp -s - "$work/expected" || {
            echo "batches, $k clients: an answer differs from the checked one:" >&2
            sort "$work/got" | diff - "$work/expected" >&2 || true
            exit 1
        }
        awk -v n="$requests" -v s="$start" -v e="$end" -v k="$k" -v t=$((after - before)) -v hz="$ticks" -v load="$(load1)" \
            'BEGIN { printf "batch-k%s %.0f - - 0 %.0f %s\n", k, n / (e - s), t / hz * 1e6 / n, load }' >> "$results"
    done
done
stop_server

# --- the command line, through the launcher --------------------------------------------------
if [ "$cli_rounds" -gt 0 ]; then
    scripts/bench-launcher.sh "$download" "$cli_rounds" launcher > "$work/launcher.out"
    CEE_RULES=$download/bin/cee-rules scripts/bench-cli.sh "$requests" "$cli_rounds" > "$work/cli.out"
    cli_load=$(bench_load)
fi

# --- the router alone ------------------------------------------------------------------------
benchmarks=cee-rules-benchmarks/target/benchmarks.jar
if [ "$engine" = yes ]; then
    [ -f "$benchmarks" ] || { echo "$benchmarks is missing: build first (mvn -q -DskipTests package)" >&2; exit 2; }
    # the JIT takes about 15 s to settle on this code: 8 warm-up iterations of 2 s
    java -jar "$benchmarks" RouteAllBenchmark -p threads=1,2 -f 1 -wi 8 -w 2 -i 5 -r 2 \
        -rf csv -rff "$work/engine.csv" > "$work/engine.out" 2>&1
    engine_load=$(bench_load)
fi

# --- the table -------------------------------------------------------------------------------
# median and range of column $2 of the measure $1's runs
median() { awk -v m="$1" -v col="$2" '$1 == m { print $col }' "$results" | quartile 0.5; }
range() {
    awk -v m="$1" -v col="$2" '$1 == m { print $col }' "$results" | sort -g | sed -n '1p;$p' | paste -sd- -
}
bench_machine | sed "s/load .*/load $load_at_start at the start, $(bench_load) at the end/"
bench_java
echo "server:  ${serve[*]} --port 0 --max-batch-lines $batch_lines: ready ${ready_seconds} s after its start"
echo "input:   $(wc -l < "$work/routed.jsonl") sample requests the server routes, cycled; $rounds rounds, medians (range)"
printf '%-36s %22s %14s %9s %9s %8s %13s\n' measure "decisions/s" "" "p50 ms" "p99 ms" "non-2xx" "CPU µs/dec."
for c in $connections; do
    printf '%-36s %22s %14s %9s %9s %8s %13s   load %s\n' "single requests, wrk -t2 -c$c ${duration}s" \
        "$(median "wrk-c$c" 2 | cut -d. -f1)" "($(range "wrk-c$c" 2))" "$(median "wrk-c$c" 3)" \
        "$(median "wrk-c$c" 4)" "$(awk -v m="wrk-c$c" '$1 == m { s += $5 } END { print s }' "$results")" \
        "$(median "wrk-c$c" 6 | cut -d. -f1)" "$(range "wrk-c$c" 7)"
done
for k in $clients; do
    printf '%-36s %22s %14s %9s %9s %8s %13s   load %s\n' "batches of $batch_lines, $k client(s), $requests" \
        "$(median "batch-k$k" 2 | cut -d. -f1)" "($(range "batch-k$k" 2))" - - 0 \
        "$(median "batch-k$k" 6 | cut -d. -f1)" "$(range "batch-k$k" 7)"
done
echo "non-2xx: answers other than 200 and socket errors, not counted as decisions (503: past the server's limit of requests at once)"
if [ "$cli_rounds" -gt 0 ]; then
    # bench-launcher.sh: "bin/cee-rules  <wall median> <quartiles> <best> <CPU median>"
    awk '$1 == "bin/cee-rules" { printf "%-36s wall %s s median (%s), best %s s, CPU %s s\n",
        "first decision, bin/cee-rules route", $2, $3, $4, $5 }' "$work/launcher.out"
    best_of() { sed -n "s/^$1.*best \([0-9.]*\) s.*/\1/p" "$work/cli.out"; }
    jq_best=$(best_of 'jq -c \. FILE') route_best=$(best_of 'cee-rules route FILE')
    printf '%-36s %s s best of %s, %s requests/s\n' "$requests requests, bin/cee-rules route" \
        "$route_best" "$cli_rounds" "$(awk -v n="$requests" -v t="$route_best" 'BEGIN { printf "%.0f", n / t }')"
    printf '%-36s %s s best of %s; route / jq: %s\n' "the same file, jq -c ." "$jq_best" "$cli_rounds" \
        "$(sed -n 's/^ratio[^:]*: *//p' "$work/cli.out")"
    echo "(c) run by then, load $cli_load"
fi
if [ "$engine" = yes ]; then
    # "Benchmark","Mode","Threads","Samples","Score","Score Error (99.9%)","Unit","Param: threads"
    awk -F, 'NR > 1 { gsub(/"/, ""); printf "%-36s %22.0f  (± %.0f)   JMH, router.routeAll, no JSON, no HTTP\n",
        "the router alone, " $8 " thread(s)", $5, $6 }' "$work/engine.csv"
    echo "(d) run by then, load $engine_load"
fi
