#!/usr/bin/env bash
# Server load benchmark (not a test): seeds 100,000 files and 1,000 users, then measures the filtered My Page list
# endpoint (a page of 50) with wrk on loopback, on SQLite and on a throwaway PostgreSQL 15 cluster.
# usage: bench/server-load.sh [sqlite|postgresql ...]   (default: both; needs a build in build/ and `wrk`)
# env: DURATION (default 20s), CONNECTIONS (default 8), THREADS (default 2), WORKERS (server threads, default 4)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
server=$root/build/app/ikkatsu-server
[ -x "$server" ] || { echo "build first: cmake --preset default && cmake --build --preset default" >&2; exit 1; }
command -v wrk >/dev/null || { echo "wrk is missing (scripts/setup-deps)" >&2; exit 1; }
duration=${DURATION:-20s}
connections=${CONNECTIONS:-8}
threads=${THREADS:-2}
workers=${WORKERS:-4}
databases=("$@")
[ ${#databases[@]} -gt 0 ] || databases=(sqlite postgresql)

work=$(mktemp -d /tmp/ikkatsu-bench.XXXXXX)
pg_state=$work/pg
server_pid=
cleanup() {
    [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null || true
    "$root/tests/server/pg-cluster.sh" stop "$pg_state" >/dev/null 2>&1 || true
    rm -rf "$work"
}
trap cleanup EXIT

free_port() { /usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

now=$(date +%s)
token=$(openssl rand -base64 32 | tr '+/' '-_' | tr -d '=\n')
token_hash=$(printf %s "$token" | sha256sum | cut -d' ' -f1)
from=$(TZ=Asia/Tokyo date -d '3 months ago' +%F)
to=$(TZ=Asia/Tokyo date +%F)
# The desktop app's default My Page query: 未処理, 全処理対象, 全データ, the last three months, newest first.
default_query="/api/v1/files?myStatus=unprocessed&target=all&signatureStatus=all&registeredFrom=$from&registeredTo=$to&sort=registeredAt&order=desc&limit=50"
# A narrower one: 電子署名対象, 署名中, a partial file name, sorted by name.
name_query="/api/v1/files?target=sign&signatureStatus=signing&name=%E7%94%B3%E8%AB%8B%E6%9B%B8_1&sort=name&order=asc&limit=50"

report=()
for db in "${databases[@]}"; do
    data=$work/$db
    mkdir -p "$data"
    case "$db" in
    sqlite)
        url="sqlite:$data/ikkatsu.sqlite3"
        run_sql() { sqlite3 "$data/ikkatsu.sqlite3"; }
        ;;
    postgresql)
        "$root/tests/server/pg-cluster.sh" start "$pg_state" >/dev/null
        admin_url=$(cat "$pg_state/url")
        psql "$admin_url" -q -c "CREATE DATABASE ikkatsu_bench" >/dev/null
        url="${admin_url%/postgres}/ikkatsu_bench"
        run_sql() { psql "$url" -q -v ON_ERROR_STOP=1 >/dev/null; }
        ;;
    *) echo "unknown database $db" >&2; exit 2 ;;
    esac
    echo "== $db: schema and seed"
    echo "bench-admin-password" | "$server" init --admin-id admin --password-stdin --data-dir "$data" --database "$url" >/dev/null
    start=$(date +%s%N)
    sed -e "s/:NOW/$now/g" -e "s/:TOKEN_HASH/$token_hash/" bench/seed-files.sql | run_sql
    # PostgreSQL: VACUUM too, which autovacuum would have done on a database this size (it lets My Page read the
    # permissions index alone); SQLite has no such map.
    if [ "$db" = postgresql ]; then echo "VACUUM ANALYZE;" | run_sql; else echo "ANALYZE;" | run_sql; fi
    echo "seeded in $(( ($(date +%s%N) - start) / 1000000 )) ms"

    port=$(free_port)
    "$server" serve --data-dir "$data" --database "$url" --listen "127.0.0.1:$port" --workers "$workers" \
        --queue 1000 >"$work/server-$db.log" 2>&1 &
    server_pid=$!
    for _ in $(seq 50); do curl -sf "http://127.0.0.1:$port/api/v1/health" >/dev/null && break; sleep 0.1; done
    base="http://127.0.0.1:$port"
    total=$(curl -sf -H "Authorization: Bearer $token" "$base$default_query" | /usr/bin/python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["total"], len(d["files"]))')
    echo "default query: total/page = $total"
    for scenario in default name; do
        query=default_query
        [ "$scenario" = name ] && query=name_query
        out=$(wrk -t"$threads" -c"$connections" -d"$duration" --latency -H "Authorization: Bearer $token" "$base${!query}")
        rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
        p50=$(awk '$1 == "50%" {print $2}' <<<"$out")
        p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
        errors=$(awk '/Non-2xx|Socket errors/ {print}' <<<"$out")
        line="$db  $scenario query: ${rps} req/s, p50 ${p50}, p99 ${p99} ($connections connections, $workers workers, $duration)${errors:+ ERRORS: $errors}"
        echo "$line"
        report+=("$line")
    done
    kill "$server_pid"
    wait "$server_pid" 2>/dev/null || true
    server_pid=
done
echo
echo "== summary (issue 14 target: p99 < 10 ms)"
printf '%s\n' "${report[@]}"
