#!/usr/bin/env bash
# down.sh RUN_DIR [--purge] -- stops everything tests/infra/up.sh started for RUN_DIR.
#
# Sends SIGTERM to every server's process group, waits up to SHARK_INFRA_STOP_TIMEOUT (15) seconds,
# then SIGKILLs what is left. Servers are found by their pid files and, as a safety net, by the
# SHARK_INFRA_OWNER=RUN_DIR marker in their environment, so nothing is left behind even after an
# interrupted up.sh. Removes RUN_DIR/env and the pid files; data and logs stay for post-mortems
# unless --purge is given (then RUN_DIR is deleted). Idempotent: a second call does nothing.
set -euo pipefail
[ $# -ge 1 ] && [ $# -le 2 ] || { echo "usage: $0 RUN_DIR [--purge]" >&2; exit 2; }
if [ ! -d "$1" ]; then exit 0; fi
RUN_DIR="$(cd "$1" && pwd)"
# shellcheck source=lib.sh
. "$(cd "$(dirname "$0")" && pwd)/lib.sh"
exec 9>"$RUN_DIR.lock"
flock -w 900 9 || die "could not lock $RUN_DIR.lock"
infra_down
if [ "${2:-}" = --purge ]; then rm -rf "${RUN_DIR:?}"; rm -f "$RUN_DIR.lock"; fi
log "stopped ($RUN_DIR)"
