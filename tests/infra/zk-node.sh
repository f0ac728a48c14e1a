#!/usr/bin/env bash
# zk-node.sh RUN_DIR start|stop|kill|status N -- controls member N (1..3) of the ZooKeeper
# ensemble that tests/infra/up.sh started in RUN_DIR ($SHARK_T_ZK_DIR = RUN_DIR/zk).
#   stop    SIGTERM, SIGKILL after 10 s; removes zkN/zk.pid
#   kill    SIGKILL at once (a crash); removes zkN/zk.pid
#   start   starts the node again with its original config and data, and waits (up to 60 s)
#           until it answers `srvr` as leader or follower and its AdminServer answers
#   status  prints the node's `srvr` Mode line (or "down")
# A node stopped with this script (zk.pid removed) is not treated as dead by up.sh; one killed
# behind its back (kill -9 $(cat zk.pid)) is, and the next up.sh call restarts everything.
# Tests should start the node again when done.
set -euo pipefail
[ $# -eq 3 ] || { echo "usage: $0 RUN_DIR start|stop|kill|status N" >&2; exit 2; }
RUN_DIR="$(cd "$1" && pwd)"; ACTION="$2"; N="$3"
# shellcheck source=lib.sh
. "$(cd "$(dirname "$0")" && pwd)/lib.sh"
D="$RUN_DIR/zk/zk$N"
[ -f "$D/conf/zoo.cfg" ] || die "no ZooKeeper node $N under $RUN_DIR/zk"
pid() { cat "$D/zk.pid" 2>/dev/null || true; }
case "$ACTION" in
  stop)
    p="$(pid)"; if owned "$p"; then stop_pids 10 "$p"; fi; rm -f "$D/zk.pid";;
  kill)
    p="$(pid)"; if owned "$p"; then kill -KILL -- "-$p" 2>/dev/null || kill -KILL "$p"
      for _ in $(seq 1 50); do owned "$p" || break; sleep 0.1; done; fi
    rm -f "$D/zk.pid";;
  start)
    if pidfile_alive "$D/zk.pid"; then log "zk$N already running (pid $(pid))"; exit 0; fi
    zk_launch "$D"
    wait_for "${SHARK_INFRA_TIMEOUT:-60}" "$D/zk.pid" "zk$N" zk_ready "$D" || { log_tail "$D/zookeeper.log"; exit 1; }
    log "zk$N: $(fourlw "$(sed -n 's/^clientPort=//p' "$D/conf/zoo.cfg")" srvr | grep Mode)";;
  status)
    s="$(fourlw "$(sed -n 's/^clientPort=//p' "$D/conf/zoo.cfg")" srvr | grep Mode || true)"
    echo "${s:-down}";;
  *) echo "usage: $0 RUN_DIR start|stop|kill|status N" >&2; exit 2;;
esac
