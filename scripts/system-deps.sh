#!/usr/bin/env bash
# Installs the Debian packages the tests drive for real: Chromium and Firefox ESR (the
# extension is tested in both), gnome-keyring and D-Bus (a real Secret Service keychain),
# Syncthing (multi-device sync is tested through it, on loopback only), Tesseract's English
# model (the export checker reads pictures with it; tesserocr brings the library, Debian the
# model). Does nothing when they
# are already there, so `make test` stays idempotent.
set -euo pipefail

needed=()
command -v chromium >/dev/null 2>&1 || needed+=(chromium)
command -v firefox-esr >/dev/null 2>&1 || needed+=(firefox-esr)  # driven over WebDriver BiDi
command -v gnome-keyring-daemon >/dev/null 2>&1 || needed+=(gnome-keyring)
command -v dbus-run-session >/dev/null 2>&1 || needed+=(dbus dbus-daemon)
command -v syncthing >/dev/null 2>&1 || needed+=(syncthing)  # the real-sync end-to-end test
command -v tesseract >/dev/null 2>&1 || needed+=(tesseract-ocr)
ls /usr/share/tesseract-ocr/*/tessdata/eng.traineddata >/dev/null 2>&1 || needed+=(tesseract-ocr-eng)
command -v systemd-analyze >/dev/null 2>&1 || needed+=(systemd)  # verifies `margin setup`'s unit
[ ${#needed[@]} -eq 0 ] && exit 0

echo "Installing system packages for the tests: ${needed[*]}"
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${needed[@]}" >/dev/null
