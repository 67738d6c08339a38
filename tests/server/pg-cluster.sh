#!/usr/bin/env bash
# Starts or stops the throwaway PostgreSQL 15 cluster that the *_postgresql server tests use (a CTest fixture).
# usage: pg-cluster.sh start|stop STATE_DIR   (writes STATE_DIR/url: postgresql://postgres@127.0.0.1:PORT/postgres)
# PostgreSQL refuses to run as root: as root, the cluster belongs to the postgres user (runuser).
set -euo pipefail
action=${1:?start or stop}
state=${2:?state directory}

bin=/usr/lib/postgresql/15/bin
[ -x "$bin/initdb" ] || bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -x "$bin/initdb" ] || { echo "pg-cluster: PostgreSQL is not installed (scripts/setup-deps)" >&2; exit 1; }

as=()
[ "$(id -u)" -eq 0 ] && as=(runuser -u postgres --)

stop() {
    [ -f "$state/dir" ] || return 0
    local data
    data=$(cat "$state/dir")
    if [ -d "$data/db" ]; then
        "${as[@]}" "$bin/pg_ctl" -D "$data/db" -m immediate -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$data"
    rm -f "$state/dir" "$state/url"
}

case "$action" in
start)
    stop
    mkdir -p "$state"
    data=$(mktemp -d /tmp/ikkatsu-pgtest.XXXXXX)
    [ "$(id -u)" -eq 0 ] && chown postgres: "$data"
    echo "$data" >"$state/dir"
    "${as[@]}" "$bin/initdb" -D "$data/db" -U postgres --auth=trust --encoding=UTF8 --locale=C >"$data/initdb.log" 2>&1 \
        || { cat "$data/initdb.log" >&2; exit 1; }
    # Durability is not under test here (the tests kill ikkatsu-server, never PostgreSQL), speed is.
    for attempt in 1 2 3 4 5; do
        port=$(/usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
        if "${as[@]}" "$bin/pg_ctl" -D "$data/db" -l "$data/server.log" -w -t 60 \
            -o "-p $port -k $data -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=400 -c shared_buffers=64MB" \
            start >/dev/null; then
            echo "postgresql://postgres@127.0.0.1:$port/postgres" >"$state/url"
            echo "pg-cluster: PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on port $port ($data)"
            exit 0
        fi
    done
    cat "$data/server.log" >&2
    exit 1
    ;;
stop)
    stop
    ;;
*)
    echo "usage: $0 start|stop STATE_DIR" >&2
    exit 2
    ;;
esac
