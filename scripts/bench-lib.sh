# Functions shared by the benchmark scripts (bench-cli.sh, bench-launcher.sh, bench-server.sh).
# Sourced, never run:   . "$(dirname "$0")/bench-lib.sh"
# Runs nothing on its own; every function writes to standard output unless said otherwise.

# "machine: 2 cores, CPU model, load 1.23 1.45 1.67": the machine and its load average now
bench_machine() {
    echo "machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p' | head -1), load $(bench_load)"
}

# the load average over 1, 5 and 15 minutes, now
bench_load() {
    cut -d' ' -f1-3 /proc/loadavg
}

# "java:    openjdk version ...": the java on the PATH
bench_java() {
    echo "java:    $(java -version 2>&1 | head -1)"
}

# quartile Q (0 to 1) of the numbers on standard input, two decimals (0 the least, 0.5 the median)
quartile() {
    sort -g | awk -v q="$1" '{ v[NR] = $1 } END { k = (NR - 1) * q; f = int(k); printf "%.2f", v[f + 1] + (v[f + 2 > NR ? NR : f + 2] - v[f + 1]) * (k - f) }'
}

# jq, installed with apt-get when it is missing and this is root on Debian; exits 2 when it cannot be had
bench_need_jq() {
    command -v jq >/dev/null 2>&1 && return 0
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
        echo "jq is missing: installing it (apt-get install -y jq)" >&2
        apt-get install -y jq >/dev/null 2>&1 || { apt-get update >/dev/null 2>&1 && apt-get install -y jq >/dev/null 2>&1; }
    fi
    command -v jq >/dev/null 2>&1 || {
        echo "jq is missing: install it (Debian/Ubuntu: sudo apt-get install -y jq; macOS: brew install jq)" >&2
        exit 2
    }
}

# The JSON requests of the samples folder $1, one per line: the single request of each .json file and
# every line of the .jsonl files that is a request. Left out: the line of batch.jsonl that is not JSON
# (jq would stop at it) and the bare entry summaries of importer-entries.jsonl (the input of `assign`).
# One of them is rejected by the router, by design (an unknown Center): it stays, as in real batches.
sample_requests() {
    local samples=$1 f line
    for f in "$samples"/*.json; do jq -c . "$f"; done
    for f in "$samples"/*.jsonl; do
        while IFS= read -r line; do
            if printf '%s\n' "$line" | jq -e 'type == "object" and has("entrySummary")' >/dev/null 2>&1; then
                printf '%s\n' "$line"
            fi
        done < "$f"
    done
}

# N lines cycling the lines of file $2 (the first, the second, ..., the first again)
cycle_lines() {
    awk -v n="$1" '{ line[NR] = $0 } END { for (i = 0; i < n; i++) print line[i % NR + 1] }' "$2"
}
