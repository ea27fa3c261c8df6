#!/usr/bin/env bash
# Builds the NativeAOT binary at artifacts/rpctl (with libe_sqlite3.so beside it, which it needs).
# NativeAOT links with clang and zlib; they are installed through apt when missing.
set -euo pipefail
cd "$(dirname "$0")"

if ! command -v clang >/dev/null 2>&1 || [ ! -e /usr/include/zlib.h ]; then
  echo "build.sh: installing clang and zlib1g-dev (needed by NativeAOT)..." >&2
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq clang zlib1g-dev >/dev/null
fi

dotnet publish src/Rpctl/Rpctl.csproj -c Release -r linux-x64 -o artifacts/publish -nologo -v quiet "$@"
# Replace, not overwrite: a running rpctl (e.g. emulator serve) keeps its old file.
cp artifacts/publish/rpctl artifacts/rpctl.new && mv -f artifacts/rpctl.new artifacts/rpctl
cp artifacts/publish/*.so artifacts/ 2>/dev/null || true
echo "build.sh: built $(pwd)/artifacts/rpctl ($(du -h artifacts/rpctl | cut -f1))" >&2
