#!/usr/bin/env bash
# Runs tests that need a real Flink cluster: starts the local cluster (1 JobManager + 2 TaskManagers x 2
# slots by default), runs the given command, and stops the cluster on every exit (success, failure,
# Ctrl-C). The cluster's logs are printed when the command fails.
#
#   infra/flink/ci-integration.sh [COMMAND...]
#
# Default COMMAND: the Flink cluster integration tests of the pipelines module (failsafe, *ClusterIT), with
# the bundled pipeline jar built in the same run:
#   mvn -B verify -pl pipelines -am -Pflink-cluster,flink-jar -DskipTests
# (-DskipTests skips unit tests only; the flink-cluster profile pins failsafe's skipTests to false.)
# Cluster shape: FLINK_CI_TASKMANAGERS (2), FLINK_CI_SLOTS (2), FLINK_CI_REST_PORT (8081).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cd "$root"

if [[ $# -eq 0 ]]; then
  set -- mvn -B verify -pl pipelines -am -Pflink-cluster,flink-jar -DskipTests
fi
rest_port="${FLINK_CI_REST_PORT:-8081}"

on_exit() {
  local status=$?
  if [[ $status -ne 0 ]]; then
    echo "ci-integration: failed with exit code $status; cluster logs follow" >&2
    for log in "$here"/.cluster/log/*.log "$here"/.cluster/log/*.out; do
      [[ -s "$log" ]] || continue
      echo "----- $log (last 40 lines)" >&2
      tail -n 40 "$log" >&2
    done
  fi
  "$here/stop-cluster.sh" || true
  exit $status
}
trap on_exit EXIT
trap 'exit 130' INT TERM

# The cluster tests compare the cluster's outputs byte for byte with DirectRunner runs in the test JVM, which Maven
# starts with oneDNN's SSE4.1 kernels (sylva.onednn.isa in pom.xml); the TaskManagers must run the same kernels,
# or a convolution's float sums differ in the last bits (measured on AMD Zen 3, where oneDNN's default is AVX2).
export ONEDNN_MAX_CPU_ISA="${ONEDNN_MAX_CPU_ISA:-SSE41}"

started=$(date +%s)
"$here/start-cluster.sh" --taskmanagers "${FLINK_CI_TASKMANAGERS:-2}" --slots "${FLINK_CI_SLOTS:-2}" --rest-port "$rest_port"
echo "ci-integration: cluster up in $(( $(date +%s) - started )) s; running: $*" >&2
# The cluster tests read the master address from SYLVA_FLINK_MASTER (default localhost:8081).
export SYLVA_FLINK_MASTER="localhost:$rest_port"
"$@"
