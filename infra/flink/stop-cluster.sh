#!/usr/bin/env bash
# Stops the local Flink cluster started by start-cluster.sh: TaskManagers first, then the JobManager, each
# by its PID file (never by process name). Removes PID files, generated configuration and temporary
# folders; keeps the logs in infra/flink/.cluster/log. Safe to run when nothing is running.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

only_help_option "Usage: infra/flink/stop-cluster.sh   (stops the local Flink cluster; keeps logs)" "$@"

[[ -d "$STATE_DIR" ]] || { info "no cluster state in $STATE_DIR; nothing to stop"; exit 0; }

for pid_file in "$STATE_DIR"/taskmanager-*.pid; do
  [[ -e "$pid_file" ]] && stop_jvm "$(basename "$pid_file" .pid)"
done
stop_jvm jobmanager

rm -rf "$STATE_DIR"/jobmanager "$STATE_DIR"/taskmanager-* "$STATE_DIR/cluster.env"
info "cluster stopped; logs kept in $LOG_DIR"
