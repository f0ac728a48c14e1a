# shellcheck shell=bash disable=SC2034
# lib.sh -- shared helpers for tests/infra/{up,down,zk-node}.sh. Source it; do not run it.
#
# Every daemon is started through `launch`, which runs it in its own session (setsid), with
# stdin from /dev/null, output to a log file, the lock fd 9 closed, its pid written by the
# process itself, and the marker SHARK_INFRA_OWNER=<abs RUN_DIR> in its environment.
# down.sh uses that marker (read from /proc/PID/environ) to find every process that belongs
# to a RUN_DIR, so nothing is left behind even if a pid file is lost, and a recycled pid of
# an unrelated process is never signalled. Some daemons overwrite their environment block to set
# their process title (redis-server does), so a process named by a pid file also counts as ours
# when its working directory is inside RUN_DIR (launch starts each daemon in its own directory).

INFRA_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
SHARK_INFRA="${SHARK_INFRA:-/opt/shark-infra}"
VENV="$SHARK_INFRA/venv"
VPY="$VENV/bin/python"
SYSPY="$(command -v python3 || echo /usr/bin/python3)"

log()  { printf '[infra %s] %s\n' "$(date +%H:%M:%S.%N | cut -c1-12)" "$*" >&2; }
die()  { log "ERROR: $*"; exit 1; }

# abs_dir DIR: create DIR and print its absolute path
abs_dir() { mkdir -p "$1" && (cd "$1" && pwd); }

# freeports NSINGLE NPAIRS: prints NSINGLE free loopback TCP ports (one per line), then NPAIRS
# ports P such that P and P+10000 are both free (SeaweedFS derives gRPC ports as +10000).
# Ports are picked at random outside the kernel's ephemeral range (singles 23000-29999, pair
# bases 20000-22999 -> 30000-32999) and checked by binding 127.0.0.1; all sockets are held until
# every port is chosen, so the ports are distinct.
freeports() {
  "$SYSPY" - "$1" "$2" <<'PY'
import random, socket, sys
n1, n2 = int(sys.argv[1]), int(sys.argv[2])
held, out = [], []
def grab(p):
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try:
        s.bind(("127.0.0.1", p))
    except OSError:
        s.close(); return None
    return s
def pick(lo, hi, offsets):
    for _ in range(5000):
        p = random.randint(lo, hi)
        socks = []
        for off in offsets:
            s = grab(p + off)
            if s is None:
                break
            socks.append(s)
        if len(socks) == len(offsets):
            held.extend(socks); return p
        for s in socks: s.close()
    sys.exit("no free port found")
for _ in range(n1): out.append(pick(23000, 29999, [0]))
for _ in range(n2): out.append(pick(20000, 22999, [0, 10000]))
print("\n".join(map(str, out)))
PY
}

# launch DIR NAME CMD...: start CMD detached; pid in DIR/NAME.pid, output in DIR/NAME.log
launch() {
  local dir="$1" name="$2"; shift 2
  rm -f "$dir/$name.pid"
  SHARK_INFRA_OWNER="$RUN_DIR" setsid bash -c 'echo $$ > "$0"; cd "${0%/*}"; exec "$@"' "$dir/$name.pid" "$@" \
    </dev/null >>"$dir/$name.log" 2>&1 9>&- &
  local i
  for i in $(seq 1 100); do [ -s "$dir/$name.pid" ] && return 0; sleep 0.02; done
  die "$name: no pid file"
}

# owned PID: true if PID is alive (not a zombie) and was started by launch for this RUN_DIR
owned() {
  local pid="$1" cwd
  [ -n "$pid" ] && [ -r "/proc/$pid/environ" ] || return 1
  case "$(sed -n 's/^State:[[:space:]]*\([A-Z]\).*/\1/p' "/proc/$pid/status" 2>/dev/null)" in Z|X|"") return 1;; esac
  grep -qzxF "SHARK_INFRA_OWNER=$RUN_DIR" "/proc/$pid/environ" 2>/dev/null && return 0
  cwd="$(readlink "/proc/$pid/cwd" 2>/dev/null)" || return 1
  case "$cwd" in "$RUN_DIR"/*) return 0;; esac
  return 1
}

# pidfile_alive FILE: the pid in FILE is alive and ours
pidfile_alive() { [ -s "$1" ] && owned "$(cat "$1")"; }

# owned_pids: every live process carrying this RUN_DIR's marker
owned_pids() {
  grep -lszxF "SHARK_INFRA_OWNER=$RUN_DIR" /proc/[0-9]*/environ 2>/dev/null \
    | sed -n 's|^/proc/\([0-9]*\)/environ$|\1|p' | grep -vx "$$" || true
}

# stop_pids TIMEOUT_S PID...: SIGTERM (process group, as each daemon leads its own session),
# wait up to TIMEOUT_S, then SIGKILL what is left.
stop_pids() {
  local t="$1"; shift
  local pids=() p
  for p in "$@"; do owned "$p" && pids+=("$p"); done
  [ ${#pids[@]} -eq 0 ] && return 0
  for p in "${pids[@]}"; do kill -TERM -- "-$p" 2>/dev/null || kill -TERM "$p" 2>/dev/null || true; done
  local i left
  for i in $(seq 1 $((t * 10))); do
    left=0; for p in "${pids[@]}"; do owned "$p" && left=1; done
    [ "$left" = 0 ] && return 0
    sleep 0.1
  done
  for p in "${pids[@]}"; do
    if owned "$p"; then
      log "pid $p did not stop after ${t}s: SIGKILL"
      kill -KILL -- "-$p" 2>/dev/null || kill -KILL "$p" 2>/dev/null || true
    fi
  done
  for _ in $(seq 1 50); do left=0; for p in "${pids[@]}"; do owned "$p" && left=1; done; [ "$left" = 0 ] && break; sleep 0.1; done
  return 0
}

# wait_for SECONDS PIDFILE DESCRIPTION CMD...: poll CMD until it succeeds; fail early if the
# process in PIDFILE died.
wait_for() {
  local t="$1" pidf="$2" what="$3"; shift 3
  local end=$(( $(date +%s) + t ))
  while :; do
    "$@" >/dev/null 2>&1 && return 0
    if [ -n "$pidf" ] && ! pidfile_alive "$pidf"; then log "$what: process exited"; return 1; fi
    [ "$(date +%s)" -ge "$end" ] && { log "$what: not ready after ${t}s"; return 1; }
    sleep 0.1
  done
}

# fourlw PORT CMD: ZooKeeper four-letter word over bash /dev/tcp (no nc needed)
fourlw() {
  timeout 3 bash -c 'exec 3<>"/dev/tcp/127.0.0.1/$0"; printf "%s" "$1" >&3; cat <&3' "$1" "$2" 2>/dev/null || true
}

# ---- ZooKeeper node helpers (used by up.sh and zk-node.sh) --------------------------------------
ZK_CP="/usr/share/java/zookeeper.jar:/usr/share/java/slf4j-log4j12.jar:/usr/share/java/log4j-1.2.jar:/usr/share/java/servlet-api.jar"

# zk_launch NODE_DIR: start the node whose config is NODE_DIR/conf/zoo.cfg
zk_launch() {
  local d="$1"
  launch "$d" zk java -Xms32m -Xmx"${ZK_HEAP:-128m}" -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xss512k \
    -Dzookeeper.log.dir="$d" -Dlog4j.configuration="file:$d/conf/log4j.properties" \
    -Dzookeeper.jmx.log4j.disable=true -Dzookeeper.admin.enableServer=true \
    -cp "$ZK_CP" org.apache.zookeeper.server.quorum.QuorumPeerMain "$d/conf/zoo.cfg"
}

# zk_ready NODE_DIR: node answers srvr with a Mode and its AdminServer answers
zk_ready() {
  local d="$1" cport aport s
  cport="$(sed -n 's/^clientPort=//p' "$d/conf/zoo.cfg")"
  aport="$(sed -n 's/^admin.serverPort=//p' "$d/conf/zoo.cfg")"
  s="$(fourlw "$cport" srvr)"
  case "$s" in *"Mode: leader"*|*"Mode: follower"*|*"Mode: standalone"*) ;; *) return 1;; esac
  curl -fsS -m 2 -o /dev/null "http://127.0.0.1:$aport/commands/ruok"
}

# log_tail FILE...: print the last lines of each existing FILE to stderr
log_tail() {
  local f
  for f in "$@"; do
    [ -f "$f" ] || continue
    printf -- '----- tail %s -----\n' "$f" >&2
    tail -n "${LOG_TAIL_LINES:-25}" "$f" >&2
  done
}

# sockpath DIR NAME: DIR/NAME, or a short path under /tmp if that would exceed the ~100-char
# limit of a unix socket path
sockpath() {
  local p="$1/$2"
  if [ ${#p} -gt 90 ]; then p="/tmp/shk-$(printf '%s' "$1" | md5sum | cut -c1-12)-$2"; fi
  printf '%s' "$p"
}

# infra_down: stop everything that belongs to RUN_DIR (caller holds the lock), remove RUN_DIR/env
infra_down() {
  local pids=() f p
  while IFS= read -r f; do
    p="$(cat "$f" 2>/dev/null || true)"; [ -n "$p" ] && pids+=("$p")
  done < <(find "$RUN_DIR" -maxdepth 3 -name '*.pid' -type f 2>/dev/null)
  while IFS= read -r p; do pids+=("$p"); done < <(owned_pids)
  if [ ${#pids[@]} -gt 0 ]; then
    mapfile -t pids < <(printf '%s\n' "${pids[@]}" | sort -un)
    stop_pids "${SHARK_INFRA_STOP_TIMEOUT:-15}" "${pids[@]}"
  fi
  # anything that still carries the marker (e.g. a child that left its process group)
  mapfile -t pids < <(owned_pids)
  if [ ${#pids[@]} -gt 0 ]; then
    log "killing leftovers: ${pids[*]}"
    for p in "${pids[@]}"; do kill -KILL "$p" 2>/dev/null || true; done
  fi
  rm -f "$RUN_DIR/env" "$RUN_DIR/env.tmp" "$RUN_DIR/pidfiles"
  # SeaweedFS gRPC sockets (/tmp/seaweedfs-*-grpc-PORT.sock) that a killed weed left behind
  if [ -f "$RUN_DIR/s3/grpc-socks" ]; then
    while IFS= read -r f; do case "$f" in /tmp/seaweedfs-*-grpc-*.sock) rm -f "$f";; esac; done < "$RUN_DIR/s3/grpc-socks"
  fi
  local d   # unix sockets that sockpath moved to /tmp because RUN_DIR is long
  for d in "$RUN_DIR"/* "$RUN_DIR"/.up/*; do
    [ -d "$d" ] && rm -f "/tmp/shk-$(printf '%s' "$d" | md5sum | cut -c1-12)-"*.sock
  done
  find "$RUN_DIR" -maxdepth 3 -name '*.pid' -type f -delete 2>/dev/null || true
}

# ---- MariaDB (used by up.sh and mariadb-pair.sh) --------------------------------------------------
# mariadb_instance NAME PORT SERVER_ID BINLOG_FORMAT [EXTRA_CNF_LINE...]: a MariaDB in RUN_DIR/NAME,
# its system tables copied from $MARIADB_TEMPLATE/data; users root, shark, limited
mariadb_instance() {
  local name="$1" port="$2" sid="$3" fmt="$4"; shift 4
  local d="$RUN_DIR/$name"; mkdir -p "$d/data"
  local sock; sock="$(sockpath "$d" m.sock)"
  local runas=(); [ "$(id -u)" -eq 0 ] && runas=(--user=root)
  cat > "$d/my.cnf" <<CNF
[mariadbd]
datadir                 = $d/data
socket                  = $sock
pid-file                = $d/data/mariadbd.pid
log-error               = $d/mariadbd.err
port                    = $port
bind-address            = 127.0.0.1
skip-name-resolve
log-bin                 = $d/data/binlog
server-id               = $sid
binlog_format           = $fmt
binlog_row_image        = FULL
binlog_row_metadata     = FULL
log_slave_updates       = ON
gtid_strict_mode        = ON
gtid_domain_id          = 0
expire_logs_days        = 1
character-set-server    = utf8mb4
collation-server        = utf8mb4_general_ci
innodb_buffer_pool_size = 64M
innodb_log_file_size    = 16M
innodb_flush_log_at_trx_commit = 2
max_connections         = 200
$(printf '%s\n' "$@")
CNF
  cp -a "$MARIADB_TEMPLATE/data/." "$d/data/"
  launch "$d" mariadb mariadbd --defaults-file="$d/my.cnf" "${runas[@]}"
  wait_for "${TIMEOUT:-90}" "$d/mariadb.pid" "$name" mariadb-admin --socket="$sock" -uroot ping \
    || { log_tail "$d/mariadbd.err" "$d/mariadb.log"; return 1; }
  mariadb --socket="$sock" -uroot <<'SQL' || { log_tail "$d/mariadbd.err"; return 1; }
SET SESSION sql_log_bin = 0;
CREATE USER IF NOT EXISTS 'root'@'%' IDENTIFIED BY '';
GRANT ALL PRIVILEGES ON *.* TO 'root'@'%' WITH GRANT OPTION;
CREATE USER IF NOT EXISTS 'shark'@'%' IDENTIFIED BY 'shark';
GRANT ALL PRIVILEGES ON *.* TO 'shark'@'%' WITH GRANT OPTION;
CREATE USER IF NOT EXISTS 'limited'@'%' IDENTIFIED BY 'limited';
GRANT SELECT ON *.* TO 'limited'@'%';
FLUSH PRIVILEGES;
SQL
  # the TCP path the tests use
  mariadb -h127.0.0.1 -P"$port" -ushark -pshark -N -e 'SELECT 1' >/dev/null || return 1
  log "$name ready on $port ($fmt)"
}
# The system tables are created once (mariadb-install-db) and copied into every instance: the
# bootstrap mariadbd occasionally crashes on this machine kind (seen ~1 in 15 when two ran at
# once), so it runs once, with retries. The copy holds no binlog and no server identity.
mariadb_template() {
  local t="$MARIADB_TEMPLATE" runas=() i
  [ "$(id -u)" -eq 0 ] && runas=(--user=root)
  mkdir -p "$t"
  cat > "$t/my.cnf" <<CNF
[mariadbd]
datadir                 = $t/data
socket                  = $(sockpath "$t" m.sock)
log-error               = $t/mariadbd.err
innodb_buffer_pool_size = 64M
innodb_log_file_size    = 16M
CNF
  for i in 1 2 3; do
    rm -rf "$t/data"; mkdir -p "$t/data"
    if mariadb-install-db --defaults-file="$t/my.cnf" "${runas[@]}" \
         --auth-root-authentication-method=normal --skip-test-db >"$t/install-db.log" 2>&1; then
      return 0
    fi
    log "mariadb-install-db failed (attempt $i)"
  done
  LOG_TAIL_LINES=80 log_tail "$t/install-db.log" "$t/mariadbd.err"
  return 1
}
# ---- OpenSearch / Elasticsearch 7 node helpers (used by up.sh and os-node.sh) ----------------------
# A node is one JVM running the launcher install.sh compiled (tests/infra/opensearch/
# SharkOpenSearchNode.java or tests/infra/elasticsearch7/SharkElasticsearchNode.java) over the
# server jars it put in $OS_HOME / $ES7_HOME; its home (config/, data/, logs/, tmp/, node.pid,
# node.log) is RUN_DIR/opensearch/osN or RUN_DIR/elasticsearch7/esN. Which one a node is follows
# from its config file: config/opensearch.yml or config/elasticsearch.yml.
OPENSEARCH_VERSION="${OPENSEARCH_VERSION:-2.19.6}"
OS_HOME="$SHARK_INFRA/opensearch-$OPENSEARCH_VERSION"
OS_PLUGINS=(org.opensearch.transport.Netty4Plugin org.opensearch.analysis.common.CommonAnalysisPlugin
            org.opensearch.painless.PainlessPlugin org.opensearch.index.reindex.ReindexPlugin)
ES7_VERSION="${ES7_VERSION:-7.17.29}"
ES7_HOME="$SHARK_INFRA/elasticsearch-$ES7_VERSION"
ES7_PLUGINS=(org.elasticsearch.transport.Netty4Plugin org.elasticsearch.reindex.ReindexPlugin)

# node_yml NODE_DIR: the node's config file
node_yml() { if [ -f "$1/config/elasticsearch.yml" ]; then echo "$1/config/elasticsearch.yml"; else echo "$1/config/opensearch.yml"; fi; }

# os_launch NODE_DIR [-Ekey=value ...]: start the node configured in NODE_DIR/config (the -E
# settings override the file for this start only). JVM options are those of the distributions'
# jvm.options that matter without their launcher, with a small fixed heap (SHARK_OS_HEAP, 256m),
# the serial collector and the C1 JIT only (2 shared cores: start-up ~20 s instead of ~45 s).
os_launch() {
  local d="$1"; shift
  local home main plugins
  if [ -f "$d/config/elasticsearch.yml" ]; then home="$ES7_HOME" main=SharkElasticsearchNode plugins=("${ES7_PLUGINS[@]}")
  else home="$OS_HOME" main=SharkOpenSearchNode plugins=("${OS_PLUGINS[@]}"); fi
  mkdir -p "$d/tmp"
  launch "$d" node java -Xms"${SHARK_OS_HEAP:-256m}" -Xmx"${SHARK_OS_HEAP:-256m}" -XX:+UseSerialGC -Xss1m -XX:TieredStopAtLevel=1 \
    -XX:-OmitStackTraceInFastThrow -Djava.io.tmpdir="$d/tmp" -Djna.tmpdir="$d/tmp" -Dfile.encoding=UTF-8 \
    -Djava.locale.providers=SPI,COMPAT -Dlog4j2.disable.jmx=true -Dlog4j.shutdownHookEnabled=false \
    -Dio.netty.noUnsafe=true -Dio.netty.noKeySetOptimization=true -Dio.netty.recycler.maxCapacityPerThread=0 \
    -cp "$home/classes:$home/lib/*" "$main" "$d" "$@" "${plugins[@]}"
}

# os_port NODE_DIR: the node's HTTP port
os_port() { sed -n 's/^http\.port: *//p' "$(node_yml "$1")"; }

# os_joined NODE_DIR N: the node answers HTTP and sees a cluster of N nodes with an elected
# cluster-manager (wait_for_nodes answers 408 until then, which curl -f turns into a failure)
os_joined() {
  curl -fsS -m 3 -o /dev/null "http://127.0.0.1:$(os_port "$1")/_cluster/health?wait_for_nodes=$2&timeout=1s"
}

# node_dir RUN_DIR NAME: the home of node NAME (osN, or a bare N for osN; esN)
node_dir() {
  case "$2" in
    [0-9]*) echo "$1/opensearch/os$2";;
    os[0-9]*) echo "$1/opensearch/$2";;
    es[0-9]*) echo "$1/elasticsearch7/$2";;
    *) echo "$1/nosuch/$2";;
  esac
}
