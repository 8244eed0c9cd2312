#!/usr/bin/env bash
# Times the first decision of the download, bin/cee-rules route samples/participant-consumption.json,
# against java -jar lib/cee-rules.jar with the JVM's defaults and with the options a launcher could
# choose: -XX:+UseSerialGC, -XX:TieredStopAtLevel=1 (C1 only), a class-data archive (AppCDS, made
# first by a run with -XX:ArchiveClassesAtExit and the same options), and their combinations.
#
#   mvn -q -DskipTests package
#   tar xzf cee-rules-examples/target/cee-rules-*.tar.gz -C /tmp
#   scripts/bench-launcher.sh /tmp/cee-rules-<version> [ROUNDS]       # default 10 rounds
#   scripts/bench-launcher.sh /tmp/cee-rules-<version> ROUNDS launcher   # bin/cee-rules alone
#
# Every round runs each variant once, in a new random order, so that the load of a shared machine
# falls on all of them alike. Printed per variant: the median wall time with its quartiles and its
# best, and the median CPU time (user + system, of the JVM and its threads): CPU time moves less
# than wall time when other work shares the cores. The launcher's own archive goes to a temporary
# cache folder (XDG_CACHE_HOME), made by an untimed first run.
set -euo pipefail
. "$(dirname "$0")/bench-lib.sh"

dist=${1:?usage: scripts/bench-launcher.sh DIST_DIR [ROUNDS [launcher]]}
rounds=${2:-10}
only=${3:-all}
[ "$only" = all ] || [ "$only" = launcher ] || { echo "the third argument is launcher, or none" >&2; exit 2; }
dist=$(cd "$dist" && pwd -P)
jar=$dist/lib/cee-rules.jar
sample=$dist/samples/participant-consumption.json
[ -f "$jar" ] && [ -x "$dist/bin/cee-rules" ] || { echo "not an unpacked download: $dist" >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export XDG_CACHE_HOME=$work/cache

# name|JVM options; cds in a name: with an archive made with the same options
variants=()
[ "$only" = launcher ] || variants=(
    "java -jar (JVM defaults)|"
    "-XX:+UseSerialGC|-XX:+UseSerialGC"
    "-XX:TieredStopAtLevel=1|-XX:TieredStopAtLevel=1"
    "cds|"
    "cds -XX:+UseSerialGC|-XX:+UseSerialGC"
    "cds -XX:TieredStopAtLevel=1|-XX:TieredStopAtLevel=1"
)
for i in "${!variants[@]}"; do
    name=${variants[$i]%%|*}
    opts=${variants[$i]#*|}
    if [[ $name == cds* ]]; then
        # shellcheck disable=SC2086
        java $opts -XX:ArchiveClassesAtExit="$work/$i.jsa" -jar "$jar" route "$sample" > /dev/null 2>&1
        variants[$i]="$name|$opts -XX:SharedArchiveFile=$work/$i.jsa"
    fi
done
variants+=("bin/cee-rules|launcher")
"$dist/bin/cee-rules" route "$sample" > /dev/null   # makes the launcher's archive

TIMEFORMAT='%R %U %S'
for ((r = 1; r <= rounds; r++)); do
    for i in $(seq 0 $((${#variants[@]} - 1)) | shuf); do
        opts=${variants[$i]#*|}
        if [ "$opts" = launcher ]; then
            t=$({ time "$dist/bin/cee-rules" route "$sample" > /dev/null 2>&1; } 2>&1)
        else
            # shellcheck disable=SC2086
            t=$({ time java $opts -jar "$jar" route "$sample" > /dev/null 2>&1; } 2>&1)
        fi
        echo "$t" >> "$work/times.$i"
    done
done

bench_machine
bench_java
echo "rounds:  $rounds, interleaved; seconds"
printf '%-30s %12s %14s %8s %12s\n' variant "wall median" "wall quartiles" "best" "CPU median"
for i in "${!variants[@]}"; do
    f=$work/times.$i
    printf '%-30s %12s %14s %8s %12s\n' "${variants[$i]%%|*}" "$(cut -d' ' -f1 "$f" | quartile 0.5)" \
        "$(cut -d' ' -f1 "$f" | quartile 0.25)-$(cut -d' ' -f1 "$f" | quartile 0.75)" \
        "$(cut -d' ' -f1 "$f" | quartile 0)" "$(awk '{ print $2 + $3 }' "$f" | quartile 0.5)"
done
