#!/usr/bin/env bash
# Prints the state of the local Flink cluster: JobManager and TaskManager PIDs, task slots and jobs as the
# REST API reports them. Exit code 0 when the JobManager answers, 1 otherwise.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

only_help_option "Usage: infra/flink/status.sh   (PIDs, slots and running jobs of the local Flink cluster)" "$@"

if [[ ! -f "$STATE_DIR/cluster.env" ]]; then
  echo "no local Flink cluster (start one with infra/flink/start-cluster.sh)"
  exit 1
fi
# shellcheck disable=SC1091
source "$STATE_DIR/cluster.env"

pid_or_dead() {
  live_pid "$1" || echo "not running"
}

echo "Flink $FLINK_VERSION cluster, REST/web UI http://localhost:$REST_PORT (state: $STATE_DIR)"
echo "  jobmanager      pid $(pid_or_dead jobmanager)"
for pid_file in "$STATE_DIR"/taskmanager-*.pid; do
  [[ -e "$pid_file" ]] || continue
  name="$(basename "$pid_file" .pid)"
  printf '  %-15s pid %s\n' "$name" "$(pid_or_dead "$name")"
done

if ! overview="$(rest_get "$REST_PORT" /overview)"; then
  echo "REST API on port $REST_PORT does not answer"
  exit 1
fi
echo "  taskmanagers registered: $(json_field taskmanagers "$overview"), slots $(json_field slots-available "$overview") free of $(json_field slots-total "$overview")"
echo "  jobs: $(json_field jobs-running "$overview") running, $(json_field jobs-finished "$overview") finished, $(json_field jobs-failed "$overview") failed, $(json_field jobs-cancelled "$overview") cancelled"

jobs="$(rest_get "$REST_PORT" /jobs/overview || true)"
# One line per running job: id, name, duration, tasks running/total.
{ grep -o '{"jid":[^]]*"tasks":{[^}]*}}' <<<"$jobs" || true; } | while read -r job; do
  [[ "$(json_field state "$job")" == RUNNING ]] || continue
  printf '  running job %s %s: %s s, tasks %s running of %s\n' "$(json_field jid "$job")" "$(json_field name "$job")" \
    "$(( $(json_field duration "$job") / 1000 ))" "$(json_field running "$job")" "$(json_field total "$job")"
done
