#!/usr/bin/env bash
# install-secantusd-rs.sh -- builds secantusd-rs (the Rust SecantusDB: MongoDB wire protocol over
# WiredTiger) once into a cache directory and prints the binary's path on stdout. It is the sink
# the sync benchmark measures (SPEC §10: the Python secantusd-py of tests/infra/install.sh is a CI
# convenience, several times slower). Never run by CI or tests/run.sh: the build compiles
# WiredTiger from C and takes ~11 min on 2 idle cores (longer on a busy machine).
#
#   tests/infra/install-secantusd-rs.sh              # -> ~/.cache/shark-bench/secantus-rs/bin/secantusd-rs
#   SHARK_MONGO_IMPL=rs tests/infra/up.sh DIR        # then start it instead of secantusd-py
#
# Idempotent: when the binary exists and was built from the pinned version (the stamp file
# ROOT/.version, or cargo's own ROOT/.crates.toml for a binary that `cargo install --root ROOT`
# put there) it only prints the path. Concurrent runs are serialised (flock ROOT.lock); the build
# runs at low CPU priority (nice 10).
#
# Env: SHARK_SECANTUS_RS_ROOT     install root (default ${XDG_CACHE_HOME:-$HOME/.cache}/shark-bench/secantus-rs)
#      SHARK_SECANTUS_RS_VERSION  crate version of secantus-mdb (default 0.5.3-beta.196)
#      SHARK_SECANTUS_RS_CHECK=1  only check: print the path if installed, else exit 1 (no build)
#      CARGO_TARGET_DIR           as for cargo: set it to a kept directory to make rebuilds incremental
# Needs cargo, a C compiler and cmake (cmake is installed from Debian when missing).
# The crate declares rust-version 1.98; it builds and runs on rustc 1.95 with --ignore-rust-version.
set -euo pipefail

VER="${SHARK_SECANTUS_RS_VERSION:-0.5.3-beta.196}"
ROOT="${SHARK_SECANTUS_RS_ROOT:-${XDG_CACHE_HOME:-$HOME/.cache}/shark-bench/secantus-rs}"
BIN="$ROOT/bin/secantusd-rs"
log() { printf '[install-secantusd-rs] %s\n' "$*" >&2; }

installed() {
  [ -x "$BIN" ] || return 1
  [ "$(cat "$ROOT/.version" 2>/dev/null)" = "$VER" ] && return 0
  # a binary that `cargo install --root ROOT` placed without this script: cargo's own record
  grep -qF "\"secantus-mdb $VER " "$ROOT/.crates.toml" 2>/dev/null || return 1
  echo "$VER" > "$ROOT/.version"
}

if installed; then echo "$BIN"; exit 0; fi
if [ "${SHARK_SECANTUS_RS_CHECK:-0}" = 1 ]; then
  log "secantusd-rs $VER is not installed in $ROOT"
  exit 1
fi

mkdir -p "$ROOT"
exec 8>"$ROOT.lock"
if ! flock -n 8; then
  log "another build holds $ROOT.lock: waiting for it"
  flock 8
fi
if installed; then echo "$BIN"; exit 0; fi   # the other build finished it

command -v cargo >/dev/null || { log "cargo not found"; exit 1; }
command -v cc >/dev/null || command -v gcc >/dev/null || { log "no C compiler (cc/gcc) found"; exit 1; }
if ! command -v cmake >/dev/null; then
  log "installing cmake (Debian) for WiredTiger's build"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  export DEBIAN_FRONTEND=noninteractive
  APT=(apt-get -y -q -o DPkg::Lock::Timeout=600)
  [ -n "$SUDO" ] && APT=("$SUDO" "${APT[@]}")
  "${APT[@]}" install --no-install-recommends cmake >/dev/null 2>&1 \
    || { "${APT[@]}" update -qq && "${APT[@]}" install --no-install-recommends cmake >/dev/null; }
fi

log "building secantus-mdb $VER into $ROOT (~11 min on 2 idle cores; output follows)"
start=$(date +%s)
rm -f "$ROOT/.version"
nice -n 10 cargo install secantus-mdb --version "$VER" --ignore-rust-version --root "$ROOT" >&2
[ -x "$BIN" ] || { log "cargo install finished but $BIN is missing"; exit 1; }
echo "$VER" > "$ROOT/.version"
log "built in $(( $(date +%s) - start )) s: $("$BIN" --version 2>/dev/null | head -1)"
echo "$BIN"
