#!/usr/bin/env bash
# Benchmark (not a test): batch signing against a local ikkatsu-server end to end — `ikkatsu-cli batch` lists the
# user's files, downloads them, signs them locally with one PIN and uploads each based on the version it downloaded.
# Seeds a fresh server (SQLite) with N files (default 200) for demo-user and prints files/s.
# Usage: [SIGNING_LEVEL=B-B|B-T|B-LT|B-LTA] [TRANSFERS=1..16] [RTT_MS=ms] bench/batch-sign-server.sh [N]
#   SIGNING_LEVEL: the server's level (default B-LTA); TRANSFERS: the batch's downloads and uploads in flight
#   (default 6, the desktop's); RTT_MS: the batch reaches the server through bench/latency-proxy.py with this round
#   trip (default 0: directly).
set -euo pipefail
cd "$(dirname "$0")/.."
count="${1:-200}"
[ -x build/app/ikkatsu-cli ] || scripts/build default >/dev/null
work="${BENCH_DIR:-build/bench-batch-server}"
rm -rf "$work"
mkdir -p "$work/data" "$work/corpus"
build/bench/ikkatsu-make-corpus --out "$work/corpus" --count "$count" --pages 2 --prefix 申請書 2>/dev/null
# One port for seeding and serving: the certificates name it for their OCSP responder and CRL (B-LT and up).
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
address=(--listen "127.0.0.1:$port" --public-url "http://127.0.0.1:$port/")
build/app/ikkatsu-server demo-seed --data-dir "$work/data" "${address[@]}" >/dev/null
build/app/ikkatsu-server --data-dir "$work/data" "${address[@]}" --require-password-change=false \
    --level "${SIGNING_LEVEL:-B-LTA}" \
    >"$work/server.out" 2>"$work/server.log" &
server_pid=$!
trap 'kill "$server_pid" 2>/dev/null; true' EXIT
for _ in $(seq 100); do
    grep -q "listening on" "$work/server.out" 2>/dev/null && break
    sleep 0.1
done
url=$(grep -o 'http://[0-9.]*:[0-9]*' "$work/server.out" | head -1)

# Register the corpus as demo-admin (demo-user the only required signer), then run the CLI's certificate setup.
python3 - "$url" "$work" <<'PY'
import base64, email, glob, json, os, subprocess, sys, time, urllib.request
url, work = sys.argv[1], sys.argv[2]
outbox = os.path.join(work, "data", "outbox")

def call(method, path, body=None, token=None):
    request = urllib.request.Request(url + path, method=method, data=None if body is None else json.dumps(body).encode())
    request.add_header("Content-Type", "application/json")
    if token:
        request.add_header("Authorization", "Bearer " + token)
    with urllib.request.urlopen(request) as answer:
        return json.loads(answer.read() or b"{}")

def newest_otp(after):
    for _ in range(100):
        mails = sorted(glob.glob(os.path.join(outbox, "*.eml")), key=os.path.getmtime)
        fresh = [m for m in mails if m not in after]
        if fresh:
            message = email.message_from_bytes(open(fresh[-1], "rb").read())
            body = message.get_payload(decode=True).decode()
            return body.split("ワンタイムパスワード：", 1)[1].split()[0]
        time.sleep(0.1)
    raise SystemExit("no OTP mail")

def mails():
    return set(glob.glob(os.path.join(outbox, "*.eml")))

before = mails()
attempt = call("POST", "/api/v1/auth/login", {"userId": "demo-admin", "password": "demo-admin-password"})["attemptId"]
token = call("POST", "/api/v1/auth/otp", {"attemptId": attempt, "otp": newest_otp(before)})["token"]
folder = call("POST", "/api/v1/admin/folders", {"name": "ベンチマーク"}, token)["folder"]["folderId"]
files = sorted(glob.glob(os.path.join(work, "corpus", "*.pdf")))
for start in range(0, len(files), 50):
    batch = [{"name": os.path.basename(f), "content": base64.b64encode(open(f, "rb").read()).decode(),
              "viewers": [], "signers": ["demo-user"]} for f in files[start:start + 50]]
    answer = call("POST", "/api/v1/admin/files", {"folderId": folder, "files": batch}, token)
    refused = [r for r in answer.get("results", answer.get("files", [])) if r.get("code")]
    if refused:
        raise SystemExit("registration refused: %r" % refused[:3])

before = mails()
setup = subprocess.Popen(["build/app/ikkatsu-cli", "certificate-setup", "--server", url, "--user", "demo-user",
                          "--password-stdin", "--otp-stdin", "--pin-stdin", "--key-store", os.path.join(work, "demo-user.p12"),
                          "--session-file", os.path.join(work, "session.json")],
                         stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
setup.stdin.write("demo-user-password\n"); setup.stdin.flush()
setup.stdin.write(newest_otp(before) + "\nBench2024\nBench2024\n"); setup.stdin.close()
if setup.wait() != 0:
    raise SystemExit("certificate setup failed")
print("seeded %d files for demo-user at %s" % (len(files), url))
PY

batch_url="$url"
if [ "${RTT_MS:-0}" != 0 ]; then
    proxy_port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    python3 bench/latency-proxy.py "$proxy_port" 127.0.0.1 "$port" "$RTT_MS" >"$work/proxy.out" 2>&1 &
    proxy_pid=$!
    trap 'kill "$server_pid" "$proxy_pid" 2>/dev/null; true' EXIT
    for _ in $(seq 100); do
        grep -q ready "$work/proxy.out" 2>/dev/null && break
        sleep 0.1
    done
    batch_url="http://127.0.0.1:$proxy_port"
    # The session was made against the server's own address; the CLI keeps one session per server URL.
    python3 -c 'import json,sys; p=sys.argv[1]; d=json.load(open(p)); d["server"]=sys.argv[2]; json.dump(d, open(p,"w"))' \
        "$work/session.json" "$batch_url"
fi
# CPU seconds of both sides, to see which one a faster batch needs to spend less (both share this machine's cores).
server_cpu() { awk -v hz="$(getconf CLK_TCK)" '{ printf "%.2f", ($14 + $15) / hz }' "/proc/$server_pid/stat"; }
server_before=$(server_cpu)
TIMEFORMAT='%U %S'
{ time (echo "Bench2024" | build/app/ikkatsu-cli batch --server "$batch_url" --key-store "$work/demo-user.p12" \
    --pin-stdin --session-file "$work/session.json" --transfers "${TRANSFERS:-6}" >"$work/batch.out" \
    2>"$work/batch.err" || true); } 2>"$work/cli.time"
server_after=$(server_cpu)
tail -1 "$work/batch.out"
awk -v a="$server_before" -v b="$server_after" '{ printf "CPU: server %.2f s, CLI %.2f s (key store unlock included)\n", b - a, $1 + $2 }' \
    "$work/cli.time"
signed=$(grep -c ': signed$' "$work/batch.out" || true)
echo "files 署名済 after the batch: $signed (the benchmark's files plus the demo's; demo 工事請負契約 files stay 署名中)"
