#!/usr/bin/env bash
# The streaming router's throughput in Kafka's TopologyTestDriver: REQUESTS records cycled
# from cee-rules-examples/samples/ (routed, rejected and not JSON, as in batch.jsonl) through the
# routing topology with the application's own properties (exactly_once_v2), RUNS times in one JVM.
# Prints records/s for each run (the first includes the JIT's warm-up) and the load average, since
# other work on the machine shows in the figures.
#
#   scripts/bench-streams.sh [REQUESTS] [RUNS] [JAVA OPTIONS...]
#   scripts/bench-streams.sh 100000 5 -XX:StartFlightRecording=filename=/tmp/streams.jfr   # with a JFR profile
set -euo pipefail
cd "$(dirname "$0")/.."

requests=${1:-100000}
runs=${2:-5}
shift $(( $# < 2 ? $# : 2 ))

# build through the reactor, so that the class path holds this tree's modules, not stale snapshots
mvn -B -ntp -q -pl cee-rules-kafka -am -DskipTests -Dfuzz.skip package dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile=target/test-classpath.txt
kafka=cee-rules-kafka
examples=cee-rules-examples
classpath="$kafka/target/test-classes:$kafka/target/classes:$(cat "$kafka/target/test-classpath.txt")"

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
java "$@" -cp "$classpath" org.ceerules.kafka.TopologyThroughput "$examples/samples" "$requests" "$runs"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
