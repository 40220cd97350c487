# shellcheck shell=bash
# Shared helpers for scripts/test: logging, cleanup on exit, free ports, HTTP polling.
# Source it; it defines functions only (plus the cleanup trap installed by cleanup_init).

log() { printf '==> %s\n' "$*" >&2; }
warn() { printf 'warning: %s\n' "$*" >&2; }
die() {
    printf 'error: %s\n' "$*" >&2
    exit 1
}

# --- cleanup stack -----------------------------------------------------------
# Functions (by name) registered with on_exit run in reverse order when the script exits,
# whatever the reason (success, failure, Ctrl-C, TERM).
_CLEANUP_STACK=()

on_exit() { _CLEANUP_STACK+=("$1"); }

_run_cleanup() {
    local rc=$? i
    trap - EXIT INT TERM
    [[ -n $_CHILD_PID ]] && stop_group "$_CHILD_PID" 10
    for ((i = ${#_CLEANUP_STACK[@]} - 1; i >= 0; i--)); do
        "${_CLEANUP_STACK[i]}" || true
    done
    exit "$rc"
}

cleanup_init() {
    trap _run_cleanup EXIT
    trap 'exit 130' INT
    trap 'exit 143' TERM
}

# --- long-running children ---------------------------------------------------
# bash runs a trap only after the foreground command ends, so a TERM (or Ctrl-C) during a
# 10-minute `swift test` would otherwise wait for it. run_child starts the command in its own
# process group and waits for it; on exit the trap stops that whole group by its id.
_CHILD_PID=""

run_child() {
    local rc=0
    setsid "$@" &
    _CHILD_PID=$!
    wait "$_CHILD_PID" || rc=$?
    _CHILD_PID=""
    return "$rc"
}

# Stop the process group led by $1 (a run_child command and its children): TERM, then KILL.
stop_group() {
    local pgid=$1 timeout=${2:-20} i
    kill -TERM -- "-$pgid" 2>/dev/null || return 0
    for ((i = 0; i < timeout * 10; i++)); do
        kill -0 -- "-$pgid" 2>/dev/null || break
        sleep 0.1
    done
    kill -KILL -- "-$pgid" 2>/dev/null || true
    wait "$pgid" 2>/dev/null || true
}

# Stop a process we started, by PID: TERM, wait up to $2 seconds (default 20), then KILL.
stop_pid() {
    local pid=$1 timeout=${2:-20} i
    [[ -n $pid ]] || return 0
    kill -0 "$pid" 2>/dev/null || return 0
    kill -TERM "$pid" 2>/dev/null || true
    for ((i = 0; i < timeout * 10; i++)); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.1
    done
    if kill -0 "$pid" 2>/dev/null; then
        warn "process $pid did not stop after ${timeout}s; killing it"
        kill -KILL "$pid" 2>/dev/null || true
    fi
    wait "$pid" 2>/dev/null || true
}

# --- ports -------------------------------------------------------------------
# Print a TCP port on 127.0.0.1 that is free right now: $1 if it is, else one the kernel picks.
free_port() {
    python3 - "${1:-0}" <<'PY'
import socket, sys

def try_bind(port):
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    # Like the servers themselves: a port held only by TIME_WAIT connections counts as free.
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        s.bind(("127.0.0.1", port))
        return s.getsockname()[1]
    except OSError:
        return None
    finally:
        s.close()

port = try_bind(int(sys.argv[1])) if int(sys.argv[1]) else None
print(port or try_bind(0))
PY
}

# --- HTTP --------------------------------------------------------------------
# Print the HTTP status of GET $1 (000 if nothing answers). No curl needed.
http_status() {
    python3 - "$1" <<'PY'
import sys, urllib.request, urllib.error
try:
    with urllib.request.urlopen(sys.argv[1], timeout=5) as r:
        print(r.status)
except urllib.error.HTTPError as e:
    print(e.code)
except Exception:
    print("000")
PY
}
