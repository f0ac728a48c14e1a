#!/usr/bin/env bash
# os-node.sh RUN_DIR start|stop|kill|status NODE [-Ekey=value ...] -- controls one node of the
# OpenSearch cluster that tests/infra/up.sh started in RUN_DIR (NODE: os1..os3, or just 1..3;
# $SHARK_T_OS_DIR = RUN_DIR/opensearch) or of the Elasticsearch 7 cluster (es1..es3,
# $SHARK_T_ES7_DIR = RUN_DIR/elasticsearch7).
#   stop    SIGTERM (the node leaves the cluster cleanly), SIGKILL after 20 s; removes osN/node.pid
#   kill    SIGKILL at once (a crash: no goodbye to the cluster); removes osN/node.pid
#   start   starts the node again with its config and data, and waits (up to SHARK_INFRA_TIMEOUT, 90 s)
#           until it has rejoined: it sees all 3 nodes and an elected cluster-manager. It does not
#           wait for green (a test waits for what it needs: `_cluster/health?wait_for_status=...`).
#           -Ekey=value settings apply to this start only (e.g. -Ethread_pool.write.queue_size=2).
#   status  prints "up PID HTTP_PORT" or "down"
# A node stopped with this script (node.pid removed) is not treated as dead by up.sh; one killed
# behind its back (kill -9 $(cat osN/node.pid)) is, and the next up.sh call restarts everything.
# Tests should start the node again when done.
set -euo pipefail
usage() { echo "usage: $0 RUN_DIR start|stop|kill|status NODE [-Ekey=value ...]" >&2; exit 2; }
[ $# -ge 3 ] || usage
RUN_DIR="$(cd "$1" && pwd)"; ACTION="$2"; N="$3"; shift 3
# shellcheck source=lib.sh
. "$(cd "$(dirname "$0")" && pwd)/lib.sh"
D="$(node_dir "$RUN_DIR" "$N")"; N="${D##*/}"
[ -f "$(node_yml "$D")" ] || die "no node $N under $RUN_DIR (os1..os3, es1..es3)"
pid() { cat "$D/node.pid" 2>/dev/null || true; }
case "$ACTION" in
  stop)
    p="$(pid)"; if owned "$p"; then stop_pids 20 "$p"; fi; rm -f "$D/node.pid";;
  kill)
    p="$(pid)"; if owned "$p"; then kill -KILL -- "-$p" 2>/dev/null || kill -KILL "$p"
      for _ in $(seq 1 50); do owned "$p" || break; sleep 0.1; done; fi
    rm -f "$D/node.pid";;
  start)
    if pidfile_alive "$D/node.pid"; then log "$N already running (pid $(pid))"; exit 0; fi
    os_launch "$D" "$@"
    wait_for "${SHARK_INFRA_TIMEOUT:-90}" "$D/node.pid" "$N" os_joined "$D" 3 || { log_tail "$D/node.log"; exit 1; }
    log "$N rejoined (pid $(pid), HTTP $(os_port "$D"))";;
  status)
    if pidfile_alive "$D/node.pid"; then echo "up $(pid) $(os_port "$D")"; else echo down; fi;;
  *) usage;;
esac
