#!/usr/bin/env bash
# Compiles the Windows branches of the platform layer with mingw-w64 (Debian has no Qt for Windows, so the rest of
# the Windows build runs only in .github/workflows/windows-msi.yml). These files are Qt-free on purpose: a Win32
# API misuse or a typo in code that Linux never compiles fails here instead of on the release runner.
# Usage: windows-compile-check.sh SOURCE_DIR
set -euo pipefail
src="$1"
compiler=x86_64-w64-mingw32-g++-posix
command -v "$compiler" >/dev/null || { echo "missing $compiler (scripts/setup-deps installs it)" >&2; exit 1; }
files=("$src"/core/platform/*.cpp "$src/core/common/ProcessHardening.cpp")
checked=0
for file in "${files[@]}"; do
    # -D_WIN32 is implied by the target; the POSIX files compile to nothing there, the Windows ones fully.
    "$compiler" -std=c++20 -fsyntax-only -Wall -Wextra -Werror -I"$src/core" "$file"
    checked=$((checked + 1))
done
windows_files=$(ls "$src"/core/platform/*_win.cpp | wc -l)
[ "$windows_files" -ge 2 ] || { echo "expected the Windows implementations in core/platform" >&2; exit 1; }
echo "compiled $checked files for x86_64-w64-mingw32 ($windows_files Windows implementations)"
