#!/usr/bin/env bash
# The README's test command: every test, the browser tests included. They drive Debian's chromium through
# Microsoft.Playwright (`playwright install` cannot download here), so it is installed first when missing.
# Arguments go to `dotnet test`, e.g. ./test.sh --filter WebChatBrowserTests
set -euo pipefail
cd "$(dirname "$0")"

chromium=/usr/bin/chromium

fail() {
  echo "test.sh: $1" >&2
  exit 1
}

if [ ! -x "$chromium" ]; then
  echo "test.sh: $chromium is missing; the browser tests need it. Installing Debian's chromium package."
  command -v apt-get >/dev/null || fail "cannot install chromium: apt-get not found (Debian's package manager is needed)."
  if [ "$(id -u)" -eq 0 ]; then
    as_root=()
  elif command -v sudo >/dev/null; then
    as_root=(sudo)
    echo "test.sh: not root, so apt-get runs with sudo."
  else
    fail "cannot install chromium: not root and sudo is not available. As root, run: apt-get update && apt-get install -y chromium"
  fi
  echo "test.sh: apt-get update"
  "${as_root[@]}" apt-get update -q || fail "apt-get update failed (see above)."
  echo "test.sh: apt-get install -y chromium"
  "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium || fail "apt-get install chromium failed (see above)."
  [ -x "$chromium" ] || fail "apt-get installed chromium, but $chromium is still missing."
fi
echo "test.sh: $("$chromium" --version 2>/dev/null || echo "chromium at $chromium")"

command -v dotnet >/dev/null || fail "the .NET 10 SDK is required (https://dot.net)."
echo "test.sh: dotnet test $*"
exec dotnet test "$@"
