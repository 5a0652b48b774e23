#!/usr/bin/env bash
# Installs what the browser tests drive: Debian's Chromium and its chromedriver (packages chromium, chromium-driver).
# Idempotent: installs nothing when both are present. Runs as root or through sudo.
# Usage: scripts/install-browser.sh
set -euo pipefail

packages=()
command -v chromium >/dev/null 2>&1 || packages+=(chromium)
command -v chromedriver >/dev/null 2>&1 || packages+=(chromium-driver)

if [ ${#packages[@]} -gt 0 ]; then
  if [ "$(id -u)" -eq 0 ]; then
    as_root=()
  elif command -v sudo >/dev/null 2>&1; then
    as_root=(sudo)
  else
    echo "install-browser: need root (or sudo) to install ${packages[*]}" >&2
    exit 1
  fi
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "install-browser: no apt-get here; install Chromium and chromedriver yourself (${packages[*]})" >&2
    exit 1
  fi
  apt_install() {
    "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive \
      apt-get install -y -qq --no-install-recommends "${packages[@]}" </dev/null
  }
  echo "install-browser: installing ${packages[*]}"
  # The package lists are refreshed only when the first attempt fails (a fresh image has none, or stale ones).
  if ! apt_install; then
    "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq </dev/null
    apt_install
  fi
fi

chromium --version
chromedriver --version
