# shellcheck shell=bash
# A private, throw-away PostgreSQL cluster for the tests. Requires common.sh.
#
#   pg_test_start   initdb into a temp dir, start on 127.0.0.1:$PG_TEST_PORT, create role and
#                   database, export TICKETWERK_TEST_POSTGRES. Registers pg_test_stop on exit.
#   pg_test_stop    stop the server (fast) and delete the temp dir. Safe to call twice.
#
# Tunables (env): TICKETWERK_TEST_PG_PORT (preferred port, default 55432).

PG_TEST_DB=ticketwerk_test
PG_TEST_USER=ticketwerk
PG_TEST_PASSWORD=ticketwerk
PG_TEST_DIR=""
PG_TEST_PORT=""
PG_TEST_BIN=""

# Directory with initdb/pg_ctl/postgres: the newest /usr/lib/postgresql/*/bin.
pg_test_bindir() {
    local dir
    dir=$(find /usr/lib/postgresql -mindepth 2 -maxdepth 2 -name bin -type d 2>/dev/null | sort -V | tail -n 1)
    [[ -n $dir && -x $dir/initdb ]] || die "no PostgreSQL server found under /usr/lib/postgresql/*/bin"
    printf '%s\n' "$dir"
}

# Run a command as the cluster's owner: the postgres OS user when we are root
# (postgres refuses to run as root), else ourselves.
_pg_as_owner() {
    if [[ $EUID -eq 0 ]]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

pg_test_start() {
    PG_TEST_BIN=$(pg_test_bindir)
    pg_test_reap_stale

    # The postgres user must be able to reach the temp dir; fall back to /tmp if not.
    local base=${TMPDIR:-/tmp}
    if [[ $EUID -eq 0 ]] && ! runuser -u postgres -- test -x "$base" 2>/dev/null; then
        base=/tmp
    fi
    PG_TEST_DIR=$(mktemp -d "$base/ticketwerk-test-pg.XXXXXX")
    on_exit pg_test_stop
    echo "$$" >"$PG_TEST_DIR/owner.pid" # lets a later run clean up if this one is killed outright
    [[ $EUID -eq 0 ]] && chown postgres: "$PG_TEST_DIR"

    PG_TEST_PORT=$(free_port "${TICKETWERK_TEST_PG_PORT:-55432}")
    log "PostgreSQL: starting $("$PG_TEST_BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PG_TEST_PORT ($PG_TEST_DIR)"

    _pg_as_owner "$PG_TEST_BIN/initdb" -D "$PG_TEST_DIR/data" -U postgres -A trust -E UTF8 \
        --locale=C.UTF-8 >"$PG_TEST_DIR/initdb.log" 2>&1 ||
        {
            cat "$PG_TEST_DIR/initdb.log" >&2
            die "initdb failed"
        }

    # Settings for speed, not durability; trust auth on loopback only (initdb -A trust).
    cat >>"$PG_TEST_DIR/data/postgresql.conf" <<EOF

# --- ticketwerk test settings ---
listen_addresses = '127.0.0.1'
port = $PG_TEST_PORT
unix_socket_directories = '$PG_TEST_DIR'
fsync = off
synchronous_commit = off
full_page_writes = off
max_connections = 1000
shared_buffers = 128MB
logging_collector = off
EOF
    cat >"$PG_TEST_DIR/data/pg_hba.conf" <<'EOF'
# TYPE  DATABASE  USER  ADDRESS        METHOD
local   all       all                  trust
host    all       all   127.0.0.1/32   trust
EOF

    _pg_as_owner "$PG_TEST_BIN/pg_ctl" -D "$PG_TEST_DIR/data" -l "$PG_TEST_DIR/server.log" \
        -w -t 60 start >/dev/null ||
        {
            cat "$PG_TEST_DIR/server.log" >&2
            die "PostgreSQL did not start"
        }

    local i
    for ((i = 0; i < 60; i++)); do
        "$PG_TEST_BIN/pg_isready" -q -h 127.0.0.1 -p "$PG_TEST_PORT" && break
        sleep 0.5
    done
    "$PG_TEST_BIN/pg_isready" -q -h 127.0.0.1 -p "$PG_TEST_PORT" || die "PostgreSQL is not ready"

    # Superuser role: the cluster is throw-away and tests may create databases or extensions.
    _pg_psql postgres -c "CREATE ROLE $PG_TEST_USER LOGIN SUPERUSER PASSWORD '$PG_TEST_PASSWORD'" >/dev/null
    _pg_psql postgres -c "CREATE DATABASE $PG_TEST_DB OWNER $PG_TEST_USER" >/dev/null

    export TICKETWERK_TEST_POSTGRES="postgres://$PG_TEST_USER:$PG_TEST_PASSWORD@127.0.0.1:$PG_TEST_PORT/$PG_TEST_DB"
    export TICKETWERK_TEST_POSTGRES_SOCKET_DIR="$PG_TEST_DIR"
    log "PostgreSQL: ready, TICKETWERK_TEST_POSTGRES=$TICKETWERK_TEST_POSTGRES"
}

# Stop and delete clusters left behind by runs that were killed (SIGKILL skips the exit trap):
# those whose owner.pid names a process that no longer exists.
pg_test_reap_stale() {
    local dir owner
    for dir in "${TMPDIR:-/tmp}"/ticketwerk-test-pg.* /tmp/ticketwerk-test-pg.*; do
        [[ -f $dir/owner.pid ]] || continue
        owner=$(cat "$dir/owner.pid" 2>/dev/null || true)
        [[ -n $owner ]] && kill -0 "$owner" 2>/dev/null && continue
        log "PostgreSQL: removing the cluster of an earlier, killed run ($dir)"
        if [[ -f $dir/data/postmaster.pid ]]; then
            _pg_as_owner "$PG_TEST_BIN/pg_ctl" -D "$dir/data" -m immediate -w -t 30 stop >/dev/null 2>&1 || true
        fi
        rm -rf "$dir"
    done
}

# psql as the bootstrap superuser over TCP: _pg_psql DB ARGS...
_pg_psql() {
    local db=$1
    shift
    "$PG_TEST_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PG_TEST_PORT" -U postgres -d "$db" "$@"
}

pg_test_stop() {
    [[ -n $PG_TEST_DIR && -d $PG_TEST_DIR ]] || return 0
    if [[ -f $PG_TEST_DIR/data/postmaster.pid ]]; then
        log "PostgreSQL: stopping"
        _pg_as_owner "$PG_TEST_BIN/pg_ctl" -D "$PG_TEST_DIR/data" -m fast -w -t 60 stop >/dev/null 2>&1 || {
            # Last resort: kill the postmaster by its PID (first line of postmaster.pid).
            local pid
            pid=$(head -n 1 "$PG_TEST_DIR/data/postmaster.pid" 2>/dev/null || true)
            [[ -n $pid ]] && stop_pid "$pid" 10
        }
    fi
    rm -rf "$PG_TEST_DIR"
    PG_TEST_DIR=""
}
