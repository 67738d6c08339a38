#!/usr/bin/env bash
# Benchmark and by-hand proof (not a test: it writes 10 GB): signs a 10.1 GB PDF whose classic cross-reference
# table ends beyond ten digits of offset, then checks the result with our verifier and pdfsig and prints the times.
# The input is sparse (its image is a hole), the signed copy is not: needs ~11 GB free in BENCH_DIR.
# Usage: bench/sign-beyond-10gb.sh [BYTES]   (default 10100000000)
set -euo pipefail
cd "$(dirname "$0")/.."
size="${1:-10100000000}"
[ -n "${BENCH_NO_BUILD:-}" ] || scripts/build default >/dev/null
bin=build/app/ikkatsu-cli
work="${BENCH_DIR:-build/bench-10gb}"
pin=bench1234
rm -rf "$work"; mkdir -p "$work"
trap 'rm -f "$work"/*.pdf' EXIT
# One page drawing a DeviceGray image of `size` zero bytes; objects 1–5 before the image, the table after it.
python3 - "$work/big.pdf" "$size" <<'PY'
import sys
path, size = sys.argv[1], int(sys.argv[2])
width = 1024; height = size // width; length = width * height
out = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"; offsets = {}
def obj(number, body):
    global out
    offsets[number] = len(out); out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
obj(1, b"<< /Type /Catalog /Pages 2 0 R >>")
obj(2, b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>")
obj(3, b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
       b" /Resources << /XObject << /Im1 5 0 R >> >> >>")
content = b"q 595 0 0 842 0 0 cm /Im1 Do Q\n"
obj(4, b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream")
offsets[5] = len(out)
out += (b"5 0 obj\n<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray"
        b" /BitsPerComponent 8 /Length %d >>\nstream\n" % (width, height, length))
with open(path, "wb") as f:
    f.write(out); end = len(out) + length; f.truncate(end); f.seek(end)
    tail = b"\nendstream\nendobj\n"; xref = end + len(tail)
    tail += b"xref\n0 6\n0000000000 65535 f \n" + b"".join(b"%010d 00000 n \n" % offsets[k] for k in range(1, 6))
    tail += b"trailer\n<< /Size 6 /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % xref
    f.write(tail)
PY
printf '%s\n' "$pin" | "$bin" keystore create --out "$work/me.p12" --self-signed --name Bench --pin-stdin >/dev/null
input_size=$(stat -c %s "$work/big.pdf")
elapsed() { local start=$1; echo "$(date +%s.%N) - $start" | bc; }
start=$(date +%s.%N)
printf '%s\n' "$pin" | "$bin" sign --keystore "$work/me.p12" --pin-stdin --suffix -signed "$work/big.pdf" >/dev/null
sign_s=$(elapsed "$start")
start=$(date +%s.%N)
verify=$("$bin" verify "$work/big-signed.pdf" || true)
verify_s=$(elapsed "$start")
start=$(date +%s.%N)
pdfsig_out=$(pdfsig "$work/big-signed.pdf" 2>&1 || true)
pdfsig_s=$(elapsed "$start")
grep -q "Covers the whole document" <<<"$verify" || { echo "FAIL: our verifier: $verify"; exit 1; }
grep -q "Signature is Valid" <<<"$pdfsig_out" || { echo "FAIL: pdfsig: $pdfsig_out"; exit 1; }
grep -q "Total document signed" <<<"$pdfsig_out" || { echo "FAIL: pdfsig: $pdfsig_out"; exit 1; }
grep "Signed Ranges" <<<"$pdfsig_out" | sed 's/^ *- */pdfsig: /'
awk -v b="$input_size" -v s="$sign_s" -v v="$verify_s" -v p="$pdfsig_s" 'BEGIN {
    printf "%.2f GB input: signed in %.1f s (%.0f MB/s), verified in %.1f s, pdfsig %.1f s\n", b / 1e9, s, b / 1e6 / s, v, p }'
