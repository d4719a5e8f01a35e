#!/usr/bin/env bash
# Makes Debian's Chromium available for the browser tests (issue #9). Prints the browser path on success.
# Exit 0 with the path, or exit 3 with the reason when it cannot be installed here (the tests then report skipped).
set -u
for candidate in "${KEZEN_CHROMIUM:-}" /usr/bin/chromium /usr/bin/chromium-browser; do
  if [ -n "$candidate" ] && [ -x "$candidate" ]; then echo "$candidate"; exit 0; fi
done
if [ "$(id -u)" != "0" ] && ! sudo -n true 2>/dev/null; then
  echo "chromium is missing and this user cannot install packages (apt-get install chromium)" >&2; exit 3
fi
if ! command -v apt-get >/dev/null 2>&1; then echo "chromium is missing and apt-get is not available" >&2; exit 3; fi
SUDO=""; [ "$(id -u)" != "0" ] && SUDO="sudo -n"
echo "installing Debian's chromium (apt-get install chromium)…" >&2
export DEBIAN_FRONTEND=noninteractive
if ! $SUDO apt-get install -y -q chromium >&2; then
  $SUDO apt-get update -q >&2 && $SUDO apt-get install -y -q chromium >&2 || { echo "apt-get install chromium failed" >&2; exit 3; }
fi
[ -x /usr/bin/chromium ] && { echo /usr/bin/chromium; exit 0; }
echo "chromium installed but /usr/bin/chromium not found" >&2; exit 3
