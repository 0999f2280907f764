#!/usr/bin/env bash
# A standalone Flink cluster on 127.0.0.1: one JobManager and one TaskManager, two processes.
#
#   deploy/flink/cluster.sh dist     the Flink distribution, from PyPI, into .cache/flink/flink-<version>
#   deploy/flink/cluster.sh start    start JobManager + TaskManager; waits until a slot is free
#   deploy/flink/cluster.sh stop     stop both (by the pids this script recorded)
#   deploy/flink/cluster.sh status
#
# Environment: FLINK_DIST_VERSION (1.19.3), FLINK_REST_PORT (8081), FLINK_RPC_PORT (6123),
# FLINK_SLOTS (2), FLINK_RUN_DIR (.cache/flink/cluster): conf, logs, pids, checkpoints, and the
# processes' working directory (so a PROCESS worker resolves relative paths there: give absolute ones).
#
# The distribution: the PyPI packages apache-flink-libraries (lib/, opt/, plugins/) and
# apache-flink (bin/, conf/) are Flink's binary distribution split in two; `pip download`
# fetches them (no install, no dependency resolution), and they are put back together here.
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
version=${FLINK_DIST_VERSION:-1.19.3}
home="$root/.cache/flink/flink-$version"
run=${FLINK_RUN_DIR:-$root/.cache/flink/cluster}
mkdir -p "$run" && run=$(cd "$run" && pwd)
rest_port=${FLINK_REST_PORT:-8081}
rpc_port=${FLINK_RPC_PORT:-6123}
slots=${FLINK_SLOTS:-2}
python=${PYTHON:-python3}

dist() {
    [ -x "$home/bin/jobmanager.sh" ] && [ -f "$home/lib/flink-dist-$version.jar" ] && return 0
    local dl="$root/.cache/flink/dist" tmp
    mkdir -p "$dl"
    echo "flink cluster: Flink $version distribution from PyPI (apache-flink-libraries, apache-flink)"
    "$python" -m pip download --quiet --no-deps --no-binary :all: -d "$dl" "apache-flink-libraries==$version"
    "$python" -m pip download --quiet --no-deps --only-binary :all: -d "$dl" "apache-flink==$version"
    tmp=$(mktemp -d)
    tar xzf "$dl/apache-flink-libraries-$version.tar.gz" -C "$tmp"
    local wheels=("$dl"/apache_flink-"$version"-*.whl)
    "$python" -m zipfile -e "${wheels[0]}" "$tmp/whl"
    rm -rf "$home.partial" && mkdir -p "$home.partial"
    cp -r "$tmp/apache-flink-libraries-$version/deps/"{lib,opt,plugins} "$home.partial/"
    cp -r "$tmp/whl/pyflink/bin" "$tmp/whl/pyflink/conf" "$home.partial/"
    cp "$tmp/apache-flink-libraries-$version/deps/bin/bash-java-utils.jar" "$home.partial/bin/"
    chmod +x "$home.partial/bin/"*.sh "$home.partial/bin/flink"
    rm -rf "$tmp" "$home" && mv "$home.partial" "$home"
    echo "flink cluster: $home"
}

conf() {
    # Flink's own config.yaml (Java 17 flags included), with our ports, slots and checkpoints.
    mkdir -p "$run/conf" "$run/log" "$run/checkpoints"
    cp "$home/conf/"log4j*.properties "$run/conf/"
    cp "$home/conf/config.yaml" "$run/conf/config.yaml"
    "$python" - "$run/conf/config.yaml" "$rest_port" "$rpc_port" "$slots" "$run" <<'EOF'
import sys
path, rest, rpc, slots, run = sys.argv[1:]
text = open(path).read()
text = text.replace("    port: 6123", f"    port: {rpc}")
text = text.replace("  numberOfTaskSlots: 1", f"  numberOfTaskSlots: {slots}")
text += f"""
# vigie (deploy/flink/cluster.sh)
rest.port: {rest}
taskmanager.memory.process.size: 2g
execution.checkpointing.dir: file://{run}/checkpoints
state.checkpoints.dir: file://{run}/checkpoints
"""
open(path, "w").write(text)
EOF
}

alive() { [ -f "$run/$1.pid" ] && kill -0 "$(cat "$run/$1.pid")" 2>/dev/null; }

start_one() {  # name script entrypoint-args...
    local name=$1 script=$2
    if alive "$name"; then echo "flink cluster: $name already running (pid $(cat "$run/$name.pid"))"; return; fi
    # Working directory: the run folder (PROCESS workers write pipeline_options.json there).
    mkdir -p "$run/work"
    (cd "$run/work" && FLINK_CONF_DIR="$run/conf" FLINK_LOG_DIR="$run/log" \
        exec setsid "$home/bin/$script" start-foreground >"$run/log/$name.out" 2>&1 < /dev/null) &
    echo $! >"$run/$name.pid"
    echo "flink cluster: $name started (pid $!)"
}

start() {
    dist
    conf
    start_one jobmanager jobmanager.sh
    start_one taskmanager taskmanager.sh
    local url="http://127.0.0.1:$rest_port/overview" i
    for i in $(seq 1 120); do
        if "$python" - "$url" <<'EOF' 2>/dev/null; then
import json, sys, urllib.request
o = json.load(urllib.request.urlopen(sys.argv[1], timeout=2))
sys.exit(0 if o.get("taskmanagers", 0) >= 1 and o.get("slots-available", 0) >= 1 else 1)
EOF
            echo "flink cluster: up, web UI and REST at http://localhost:$rest_port (after ${i}s)"
            return 0
        fi
        if ! alive jobmanager || ! alive taskmanager; then
            echo "flink cluster: a process died; logs in $run/log" >&2
            stop
            return 1
        fi
        sleep 1
    done
    echo "flink cluster: not ready after 120 s; logs in $run/log" >&2
    stop
    return 1
}

stop() {
    local name pid
    for name in taskmanager jobmanager; do
        if alive "$name"; then
            pid=$(cat "$run/$name.pid")
            kill -- "-$pid" 2>/dev/null || kill "$pid"
            for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
            kill -0 "$pid" 2>/dev/null && kill -9 -- "-$pid" 2>/dev/null
            echo "flink cluster: $name stopped"
        fi
        rm -f "$run/$name.pid"
    done
}

status() {
    local name
    for name in jobmanager taskmanager; do
        if alive "$name"; then echo "$name: running (pid $(cat "$run/$name.pid"))"; else echo "$name: stopped"; fi
    done
}

case "${1:-}" in
    dist) dist ;;
    start) start ;;
    stop) stop ;;
    status) status ;;
    *) echo "usage: $0 dist|start|stop|status" >&2; exit 2 ;;
esac
