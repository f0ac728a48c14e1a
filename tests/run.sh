#!/usr/bin/env bash
# The whole test suite, on a fresh machine or a developer's: installs the real counterpart
# servers (tests/infra/install.sh), starts them on free loopback ports, checks formatting and
# lints, runs every test (unit, CLI, integration against the servers, generated-file staleness),
# and stops the servers again, whatever happened. `.ci/run` calls exactly this.
#
# Env: SHARK_TEST_INFRA  run directory for the servers (default target/shark-infra-run)
#      SHARK_TEST_SSH    directory of the ssh test hosts (default $SHARK_TEST_INFRA-ssh)
#      SHARK_KEEP_INFRA=1 leave the servers running afterwards (tests/infra/down.sh DIR stops them)
set -euo pipefail
cd "$(dirname "$0")/.."
start=$(date +%s)
step() { printf '\n== %s (%ss)\n' "$*" "$(( $(date +%s) - start ))"; }

step "install test servers"
tests/infra/install.sh

RUN_DIR="${SHARK_TEST_INFRA:-$PWD/target/shark-infra-run}"
# ssh hosts for tests/deploy.rs (started by the tests themselves, stopped here)
export SHARK_TEST_SSH="${SHARK_TEST_SSH:-$RUN_DIR-ssh}"
if [ "${SHARK_KEEP_INFRA:-0}" != 1 ]; then
  trap 'tests/infra/down.sh "$RUN_DIR" >/dev/null 2>&1 || true; tests/infra/ssh-hosts.sh down "$SHARK_TEST_SSH" >/dev/null 2>&1 || true' EXIT
fi
step "start test servers in $RUN_DIR"
tests/infra/up.sh "$RUN_DIR" >/dev/null
export SHARK_TEST_INFRA="$RUN_DIR"

step "cargo fmt --check"
cargo fmt --all -- --check

step "cargo clippy"
cargo clippy --all-targets --locked -- -D warnings

step "cargo test"
cargo test --locked --no-fail-fast

step "done"
