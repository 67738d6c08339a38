#!/usr/bin/env bash
# Builds the Debian packages with CPack, installs them on this machine and runs the installed binaries.
# Usage: deb-install.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
build="$(cd "$1" && pwd)" source="$2"
out="$build/packages"
rm -rf "$out"
(cd "$build" && cpack -G DEB -B "$out" >/dev/null)
ls "$out"/*.deb

desktop_deb=$(ls "$out"/ikkatsu_*.deb)
dpkg-deb --info "$desktop_deb" | grep "Package: ikkatsu" >/dev/null
dpkg -i "$desktop_deb" >/dev/null
dpkg -L ikkatsu | grep "^/usr/bin/ikkatsu-cli$" >/dev/null
desktop-file-validate /usr/share/applications/ikkatsu.desktop
test -f /usr/share/icons/hicolor/scalable/apps/ikkatsu.svg

# The installed CLI works on its own: key store, sign, verify, checked by pdfsig.
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
/usr/bin/ikkatsu-cli version | grep "ikkatsu-cli" >/dev/null
printf 'Deb12345\n' | /usr/bin/ikkatsu-cli keystore create --out "$work/k.p12" --self-signed --name "Deb Test" --pin-stdin >/dev/null
"$build/bench/ikkatsu-make-corpus" --out "$work/in" --count 2 >/dev/null
printf 'Deb12345\n' | /usr/bin/ikkatsu-cli sign --keystore "$work/k.p12" --pin-stdin --out-dir "$work/out" "$work"/in/*.pdf
/usr/bin/ikkatsu-cli verify "$work"/out/*.pdf
pdfsig "$work/out/sample-0001.pdf" | grep "Signature is Valid" >/dev/null

if [ -x "$build/app/ikkatsu" ]; then
    dpkg -L ikkatsu | grep "^/usr/bin/ikkatsu$" >/dev/null
    # The installed desktop app starts and draws its login window (offscreen: no display needed).
    QT_QPA_PLATFORM=offscreen /usr/bin/ikkatsu --version | grep "Ikkatsu" >/dev/null
    QT_QPA_PLATFORM=offscreen IKKATSU_LANGUAGE=ja /usr/bin/ikkatsu --screenshot "$work/installed.png"
    test -s "$work/installed.png"
fi

server_deb=$(ls "$out"/ikkatsu-server_*.deb 2>/dev/null || true)
if [ -n "$server_deb" ]; then
    dpkg -i "$server_deb" >/dev/null
    getent passwd ikkatsu >/dev/null
    test "$(stat -c '%a %U' /var/lib/ikkatsu)" = "750 ikkatsu"
    test -f /lib/systemd/system/ikkatsu-server.service
    test -f /etc/ikkatsu/server.conf
    /usr/bin/ikkatsu-server --version | grep "ikkatsu-server" >/dev/null
    if command -v systemd-analyze >/dev/null; then
        systemd-analyze verify /lib/systemd/system/ikkatsu-server.service
    fi
fi
echo "deb packages installed and working"
