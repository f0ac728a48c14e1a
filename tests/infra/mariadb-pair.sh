#!/usr/bin/env bash
# mariadb-pair.sh RUN_DIR start|stop|kill|status NAME [ROLE] [nolsu] -- a MariaDB primary and a
# GTID replica of it for failover tests, under RUN_DIR/mariadb-ha/NAME/{primary,replica}, copied
# from the template that tests/infra/up.sh prepared (component mariadb-ha; RUN_DIR is up.sh's).
#   start NAME [nolsu]  starts both (~2 s), the replica replicating from the primary by GTID
#                       (CHANGE MASTER ... master_use_gtid=slave_pos; read_only ON), prints
#                       PRIMARY_PORT=.. REPLICA_PORT=.. (one per line) once the replica runs.
#                       Both log ROW binlogs with GTID strict mode, server_id 11 and 12;
#                       log_slave_updates is ON on the replica, OFF with `nolsu` (then its binlog
#                       lacks the primary's changes). Users as in up.sh (root, shark/shark).
#   kill NAME ROLE      SIGKILL the primary or the replica at once (a crash); promote the replica
#                       with `STOP SLAVE; RESET SLAVE ALL; SET GLOBAL read_only = 0`
#   stop NAME           stops both (SIGTERM, SIGKILL after 10 s) and deletes their data
#   status NAME         prints the running roles
# Servers are started with up.sh's owner marker: down.sh stops any pair left behind.
set -euo pipefail
usage() { echo "usage: $0 RUN_DIR start|stop|kill|status NAME [ROLE] [nolsu]" >&2; exit 2; }
[ $# -ge 3 ] || usage
RUN_DIR="$(cd "$1" && pwd)"; ACTION="$2"; NAME="$3"; shift 3
# shellcheck source=lib.sh
. "$(cd "$(dirname "$0")" && pwd)/lib.sh"
MARIADB_TEMPLATE="$RUN_DIR/mariadb-ha/template"
[ -d "$MARIADB_TEMPLATE/data/mysql" ] || die "no MariaDB template in $MARIADB_TEMPLATE: start tests/infra/up.sh with component mariadb-ha"
case "$NAME" in ""|*/*|.*) die "bad pair name '$NAME'";; esac
D="$RUN_DIR/mariadb-ha/$NAME"
pid() { cat "$D/$1/mariadb.pid" 2>/dev/null || true; }
sql() { mariadb --socket="$(sockpath "$D/$1" m.sock)" -uroot -N -e "$2"; }
case "$ACTION" in
  start)
    lsu=ON; [ "${1:-}" = nolsu ] && lsu=OFF
    rm -rf "$D"; mkdir -p "$D"
    mapfile -t P < <(freeports 2 0)
    [ ${#P[@]} -eq 2 ] || die "could not pick free ports"
    mariadb_instance "mariadb-ha/$NAME/primary" "${P[0]}" 11 ROW >"$D/start-primary.log" 2>&1 &
    a=$!
    mariadb_instance "mariadb-ha/$NAME/replica" "${P[1]}" 12 ROW "log_slave_updates       = $lsu" \
      >"$D/start-replica.log" 2>&1 &
    b=$! rc=0
    wait "$a" || rc=1; wait "$b" || rc=1
    [ "$rc" = 0 ] || { cat "$D"/start-*.log >&2; die "pair $NAME did not start"; }
    sql replica "CHANGE MASTER TO master_host='127.0.0.1', master_port=${P[0]}, master_user='shark',
                 master_password='shark', master_use_gtid=slave_pos, master_connect_retry=1; START SLAVE;
                 SET GLOBAL read_only = 1;"
    end=$(( $(date +%s) + 30 ))
    until [ "$(sql replica "SELECT COUNT(*) FROM information_schema.GLOBAL_STATUS WHERE VARIABLE_NAME = 'SLAVE_RUNNING' AND VARIABLE_VALUE = 'ON'")" = 1 ]; do
      [ "$(date +%s)" -ge "$end" ] && { sql replica "SHOW SLAVE STATUS\G" >&2 || true; die "replica of $NAME not running after 30 s"; }
      sleep 0.1
    done
    printf 'PRIMARY_PORT=%s\nREPLICA_PORT=%s\n' "${P[0]}" "${P[1]}";;
  kill)
    role="${1:-}"; case "$role" in primary|replica) ;; *) usage;; esac
    p="$(pid "$role")"
    if owned "$p"; then kill -KILL -- "-$p" 2>/dev/null || kill -KILL "$p"
      for _ in $(seq 1 50); do owned "$p" || break; sleep 0.1; done; fi
    rm -f "$D/$role/mariadb.pid";;
  stop)
    pids=(); for r in primary replica; do p="$(pid "$r")"; [ -n "$p" ] && pids+=("$p"); done
    [ ${#pids[@]} -gt 0 ] && stop_pids 10 "${pids[@]}"
    for r in primary replica; do rm -f "$(sockpath "$D/$r" m.sock)"; done
    rm -rf "$D";;
  status)
    for r in primary replica; do pidfile_alive "$D/$r/mariadb.pid" && echo "$r"; done; true;;
  *) usage;;
esac
