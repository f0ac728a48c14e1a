#!/usr/bin/env bash
# `shark deploy` end to end on this machine (root): starts 6 real sshd hosts in network namespaces
# plus four failing ones (tests/infra/ssh-hosts.sh), imports their inventory, copies a file and
# runs a script on them with live output, shows a host that hangs being killed at the timeout, a
# rolling update that stops at --max-fail, and replays a past run from the state file. The hosts
# are stopped at the end unless KEEP=1.
set -euo pipefail
cd "$(dirname "$0")/.."
say() { printf '\n\033[1m$ %s\033[0m\n' "$*"; }

tests/infra/install.sh ssh
cargo build --release --locked
SHARK="$PWD/target/release/shark"
RUN_DIR="${DEMO_DIR:-$PWD/target/deploy-demo}"
export SHARK_SSH_PREFIX="${SHARK_SSH_PREFIX:-shkx}" SHARK_SSH_NET="${SHARK_SSH_NET:-10.213.81}"
[ "${KEEP:-0}" = 1 ] || trap 'tests/infra/ssh-hosts.sh down "$RUN_DIR/hosts" >/dev/null 2>&1 || true' EXIT
tests/infra/ssh-hosts.sh up "$RUN_DIR/hosts" 6 >/dev/null
. "$RUN_DIR/hosts/env"

export SHARK_STATE="$RUN_DIR/shark.db"
rm -f "$SHARK_STATE" "$SHARK_STATE"-wal "$SHARK_STATE"-shm
run() { say "shark $*"; "$SHARK" "$@" || echo "(exit $?)"; }
KH=(--known-hosts "$SSH_KNOWN_HOSTS")

run deploy hosts import "$SSH_INVENTORY"
run deploy hosts list
head -c 1048576 /dev/urandom > "$RUN_DIR/release.bin"
printf '#!/bin/sh\necho "installing on $(hostname)"\nsha256sum %s/release.bin\nsleep 1\necho done\n' "$SSH_PRIVATE_DIR" > "$RUN_DIR/install.sh"
run deploy run --hosts ok "${KH[@]}" --copy "$RUN_DIR/release.bin:$SSH_PRIVATE_DIR/" --script "$RUN_DIR/install.sh"
run deploy run --hosts 'h1,h2,bad' "${KH[@]}" --connect-timeout 5s --command uptime
run deploy run --hosts h3 "${KH[@]}" --timeout 2s --command 'echo hanging; sleep 600'
run deploy run --hosts ok "${KH[@]}" --serial 2 --max-fail 1 --command 'case $(hostname) in h3|h4) exit 3;; esac; echo fine'
run deploy plans
run deploy show 1 --host h2
run history
