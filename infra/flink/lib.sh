# Shared functions of the local Flink cluster scripts (sourced, not run).
#
# Layout of the state folder (default infra/flink/.cluster, git-ignored; SYLVA_FLINK_STATE overrides):
#   classpath.txt              Flink jars resolved by infra/flink/pom.xml (+ SLF4J 1.7 binding)
#   cluster.env                the settings the cluster was started with (REST port, TMs, slots)
#   jobmanager/conf/           flink-conf.yaml of the JobManager
#   taskmanager-<i>/conf/      flink-conf.yaml of TaskManager i (own resource id, tmp dirs)
#   <process>.pid              PID of each JVM; log/<process>.log and log/<process>.out its output
# shellcheck shell=bash

FLINK_INFRA_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
SYLVA_ROOT="$(cd "$FLINK_INFRA_DIR/../.." && pwd)"
STATE_DIR="${SYLVA_FLINK_STATE:-$FLINK_INFRA_DIR/.cluster}"
LOG_DIR="$STATE_DIR/log"

JM_MAIN=org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint
TM_MAIN=org.apache.flink.runtime.taskexecutor.TaskManagerRunner
BASH_JAVA_UTILS=org.apache.flink.runtime.util.bash.BashJavaUtils

# The module opens Flink 1.19 sets in its default configuration for Java 17 (Kryo and Flink's own
# reflection need them; without them jobs fail with InaccessibleObjectException).
JAVA17_OPENS=(
  --add-exports=java.base/sun.net.util=ALL-UNNAMED
  --add-exports=java.rmi/sun.rmi.registry=ALL-UNNAMED
  --add-exports=java.security.jgss/sun.security.krb5=ALL-UNNAMED
  --add-opens=java.base/java.lang=ALL-UNNAMED
  --add-opens=java.base/java.net=ALL-UNNAMED
  --add-opens=java.base/java.io=ALL-UNNAMED
  --add-opens=java.base/java.nio=ALL-UNNAMED
  --add-opens=java.base/sun.nio.ch=ALL-UNNAMED
  --add-opens=java.base/java.lang.reflect=ALL-UNNAMED
  --add-opens=java.base/java.text=ALL-UNNAMED
  --add-opens=java.base/java.time=ALL-UNNAMED
  --add-opens=java.base/java.util=ALL-UNNAMED
  --add-opens=java.base/java.util.concurrent=ALL-UNNAMED
  --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED
  --add-opens=java.base/java.util.concurrent.locks=ALL-UNNAMED
)

die() {
  echo "flink: $*" >&2
  exit 1
}

# For scripts without options: prints the usage line on -h/--help and rejects anything else.
only_help_option() {
  local usage="$1"
  case "${2:-}" in
    -h|--help) echo "$usage"; exit 0 ;;
    "") ;;
    *) die "unknown option $2" ;;
  esac
}

info() {
  echo "flink: $*" >&2
}

# PID stored in a PID file if that process is still one of our Flink JVMs (guards against PID reuse).
live_pid() {
  local pid_file="$STATE_DIR/$1.pid" pid
  [[ -f "$pid_file" ]] || return 1
  pid="$(cat "$pid_file")"
  [[ -n "$pid" && -r "/proc/$pid/cmdline" ]] || return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" | grep -q -- "$STATE_DIR/$1/conf" || return 1
  echo "$pid"
}

# Value of a flat numeric or string field in a JSON object, e.g. json_field taskmanagers "$json".
json_field() {
  sed -n "s/.*\"$1\":\"\{0,1\}\([^,\"}]*\).*/\1/p" <<<"$2"
}

rest_get() {
  curl -fsS --max-time 3 "http://localhost:$1$2" 2>/dev/null
}

# Flink jars resolved by Maven (offline first so a warm ~/.m2 needs no network), cached in the state
# folder until infra/flink/pom.xml, the root pom or the requested Flink version changes.
resolve_classpath() {
  local flink_version="$1" cp_file="$STATE_DIR/classpath.txt" stamp="$STATE_DIR/classpath.version"
  mkdir -p "$STATE_DIR"
  if [[ -f "$cp_file" && "$(cat "$stamp" 2>/dev/null)" == "$flink_version" \
        && "$cp_file" -nt "$FLINK_INFRA_DIR/pom.xml" && "$cp_file" -nt "$SYLVA_ROOT/pom.xml" ]]; then
    return 0
  fi
  info "resolving the Flink jars (version ${flink_version:-from pom.xml}) with Maven..."
  local mvn=(mvn -B -q -f "$FLINK_INFRA_DIR/pom.xml" generate-resources "-Dsylva.cluster.classpath=$cp_file")
  [[ -n "$flink_version" ]] && mvn+=("-Dflink.version=$flink_version")
  if ! "${mvn[@]}" -o >"$LOG_DIR/maven.log" 2>&1 && ! "${mvn[@]}" >>"$LOG_DIR/maven.log" 2>&1; then
    rm -f "$cp_file"
    die "could not resolve the Flink jars with Maven (see $LOG_DIR/maven.log)"
  fi
  echo "$flink_version" >"$stamp"
}

# Flink version of the resolved jars: Maven names them <artifact>-<version>.jar.
classpath_flink_version() {
  local runtime_jar
  runtime_jar="$(tr ':' '\n' <"$STATE_DIR/classpath.txt" | grep -m1 '/flink-runtime-[0-9][^/]*\.jar$')" \
    || die "no flink-runtime jar in $STATE_DIR/classpath.txt"
  basename "$runtime_jar" .jar | sed 's/^flink-runtime-//'
}

# Flink minor line of Sylva's Beam runner artifact (beam-runners-flink-1.19 -> 1.19).
runner_flink_line() {
  grep -o 'beam-runners-flink-[0-9]*\.[0-9]*' "$SYLVA_ROOT/pom.xml" | head -1 | sed 's/beam-runners-flink-//'
}

# JVM flags and dynamic properties Flink computes from a process's memory configuration; prints two lines.
flink_resource_params() {
  local kind="$1" conf_dir="$2" out
  out="$(java -cp "$(cat "$STATE_DIR/classpath.txt")" "$BASH_JAVA_UTILS" "$kind" --configDir "$conf_dir" 2>&1)" \
    || die "Flink rejected the memory configuration in $conf_dir: $(grep -m1 -i exception <<<"$out")"
  grep '^BASH_JAVA_UTILS_EXEC_RESULT:' <<<"$out" | tail -2 | sed 's/^BASH_JAVA_UTILS_EXEC_RESULT://'
}

# Starts one Flink JVM in the background: launch_jvm <name> <main class> [extra args...]
launch_jvm() {
  local name="$1" main="$2" kind="$3"
  shift 3
  local conf_dir="$STATE_DIR/$name/conf" params jvm_flags dynamic
  params="$(flink_resource_params "$kind" "$conf_dir")"
  jvm_flags="$(sed -n 1p <<<"$params")"
  dynamic="$(sed -n 2p <<<"$params")"
  # oneDNN's SSE4.1 kernels on AMD Zen 5, as in the launcher: its wider convolutions gave NaN gradients there.
  local isa=()
  if [[ -z "${ONEDNN_MAX_CPU_ISA:-}" ]] && grep -q -m1 AuthenticAMD /proc/cpuinfo 2>/dev/null \
      && [[ "$(awk -F: '/^cpu family/ {print $2 + 0; exit}' /proc/cpuinfo)" == 26 ]]; then
    isa=(ONEDNN_MAX_CPU_ISA=SSE41)
  fi
  # shellcheck disable=SC2086  # the flag strings from BashJavaUtils are meant to be word-split
  # DJL (staged with Sylva's pipelines) must never download native libraries on a worker. One OpenMP thread
  # by default, as in the sylva launcher: tasks fix PyTorch's threads themselves (bit-identical results).
  OMP_NUM_THREADS="${OMP_NUM_THREADS:-1}" env "${isa[@]}" nohup java $jvm_flags "${JAVA17_OPENS[@]}" -Dai.djl.offline=true ${SYLVA_FLINK_JAVA_OPTS:-} \
    -Dlog.file="$LOG_DIR/$name.log" \
    -Dorg.slf4j.simpleLogger.logFile="$LOG_DIR/$name.log" \
    -Dorg.slf4j.simpleLogger.showDateTime=true \
    -Dorg.slf4j.simpleLogger.dateTimeFormat=HH:mm:ss.SSS \
    -Dorg.slf4j.simpleLogger.log.org.apache.flink.runtime.taskexecutor.slot=warn \
    -cp "$(cat "$STATE_DIR/classpath.txt")" "$main" --configDir "$conf_dir" $dynamic "$@" \
    >"$LOG_DIR/$name.out" 2>&1 </dev/null &
  echo $! >"$STATE_DIR/$name.pid"
}

# Stops a Flink JVM by its PID file: TERM, then KILL after a grace period. No PID file, nothing to do.
stop_jvm() {
  local name="$1" pid
  if pid="$(live_pid "$name")"; then
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 50); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.2
    done
    if kill -0 "$pid" 2>/dev/null; then
      info "$name (pid $pid) did not stop within 10 s; killing it"
      kill -KILL "$pid" 2>/dev/null || true
    fi
    info "stopped $name (pid $pid)"
  fi
  rm -f "$STATE_DIR/$name.pid"
}
