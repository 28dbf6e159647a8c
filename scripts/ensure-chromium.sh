#!/usr/bin/env bash
# Playwright cannot download its own browser here: use Debian's Chromium, installing it when missing.
set -euo pipefail
path="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ -x "$path" ]; then
  exit 0
fi
echo "Chromium not found at $path; installing Debian's chromium package..."
sudo_cmd=""
if [ "$(id -u)" -ne 0 ]; then sudo_cmd="sudo"; fi
$sudo_cmd apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq chromium >/dev/null
[ -x "$path" ] || { echo "Chromium still missing at $path" >&2; exit 1; }
