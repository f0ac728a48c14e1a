#!/usr/bin/env bash
# up.sh RUN_DIR -- starts every test counterpart for shark's integration tests on free loopback
# ports, waits until each one is ready, and writes RUN_DIR/env (sourceable KEY=value lines).
#
#   tests/infra/install.sh            # once per machine
#   tests/infra/up.sh /tmp/shk        # prints the env file; `set -a; . /tmp/shk/env; set +a`
#   tests/infra/down.sh /tmp/shk
#
# Idempotent and safe to call from several test processes at once: it holds `flock RUN_DIR.lock`;
# if RUN_DIR/env exists and every recorded server process is alive it just prints the env file.
# If the env file exists but a server process died, everything is stopped and started afresh.
# Exception: an ensemble member stopped with zk-node.sh (its zk.pid removed), or an OpenSearch node
# stopped with os-node.sh (its node.pid removed), does not count as dead, so a test that stops a
# node does not make a concurrent up.sh restart everything.
# Every server listens on 127.0.0.1 only, on ports picked at random at start-up (see freeports in
# lib.sh), so a developer's own servers on the default ports do not collide. Servers start in
# parallel; each keeps data, log and pid file under RUN_DIR/<name>/ (start-up logs: RUN_DIR/.up/).
# If a server fails to start, its log tail goes to stderr, everything is stopped, exit status 1.
#
# Keys written (see tests/infra/README.md for details):
#   SHARK_T_MYSQL_PORT        MariaDB 10.11, log-bin, binlog_format=ROW, row_image/metadata FULL, GTID
#                             (server_id 1, gtid_domain_id 0, gtid_strict_mode). Users: root@'%' (no
#                             password), shark@'%'/shark (ALL PRIVILEGES), limited@'%'/limited (SELECT only)
#   SHARK_T_MYSQL_STMT_PORT   second MariaDB, binlog_format=STATEMENT (server_id 2), same users
#   SHARK_T_MYSQL_TARGET_PORT third MariaDB, configured like the first (ROW, FULL, GTID; server_id 3),
#                             same users: the MySQL *target* of MySQL → MySQL and ES → MySQL syncs
#   SHARK_T_MARIADB_HA_DIR    component mariadb-ha: the system-table template from which
#                             tests/infra/mariadb-pair.sh starts a MariaDB primary + GTID replica
#                             (log_slave_updates on, or off with `nolsu`) per test
#   SHARK_T_MONGO_URI         SecantusDB, one-member replica set "secantus"
#   SHARK_T_MONGO_IMPL, SHARK_T_MONGO_BIN   which SecantusDB runs (py or rs) and its daemon
#   SHARK_T_ZK_CONNECT, SHARK_T_ZK_ADMIN_PORTS, SHARK_T_ZK_DIR
#                             3-node ensemble, 4lw whitelist *, AdminServer on; node N lives in
#                             $SHARK_T_ZK_DIR/zkN (zk.pid); tests/infra/zk-node.sh RUN_DIR stop|start|kill N
#   SHARK_T_ZK_SRVR_CONNECT, SHARK_T_ZK_SRVR_ADMIN_PORT
#                             standalone ZooKeeper with the default 4lw whitelist (only `srvr`)
#   SHARK_T_REDIS_PORT, SHARK_T_REDIS_PASSWORD (requirepass sharkredis)
#   SHARK_T_PROM_URL, SHARK_T_ALERTMANAGER_URL, SHARK_T_NODE_EXPORTER_URL
#   SHARK_T_PROM_DEAD_TARGET, SHARK_T_PROM_RULES_FILE   (extras)
#   SHARK_T_S3_ENDPOINT, SHARK_T_S3_ACCESS_KEY, SHARK_T_S3_SECRET_KEY, SHARK_T_S3_BUCKET, SHARK_T_S3_REGION
#   SHARK_T_ES_URL            osmem-server (in-memory, OpenSearch-compatible)
#   SHARK_T_OS_URL            a real OpenSearch 2.19 cluster of 3 nodes (os1..os3), HTTP of os1;
#   SHARK_T_OS_URLS           all three, comma-separated, in node order; SHARK_T_OS_NODES=os1,os2,os3
#   SHARK_T_OS_DIR            RUN_DIR/opensearch (osN/node.pid, osN/node.log); kill/restart one node
#                             with tests/infra/os-node.sh RUN_DIR stop|kill|start|status N
#   SHARK_T_OS_REPO           the cluster's path.repo (fs snapshot repositories go below it)
#   SHARK_T_OS_VERSION, SHARK_T_OS_CLUSTER
#   SHARK_T_ES7_URL, _URLS, _NODES, _DIR, _REPO, _VERSION, _CLUSTER   the same for a real
#                             Elasticsearch 7.17 cluster of 3 nodes (es1..es3; os-node.sh ... esN)
#   SHARK_T_LLM_URL           fake-openai.py server root (http://127.0.0.1:PORT; API under /v1)
#   SHARK_T_LLM_BASE_URL      the same with /v1 (what OpenAI SDKs call base_url)
#   SHARK_T_LLM_MODEL, SHARK_T_LLM_KEY, SHARK_T_LLM_CONTROL_URL (…/_fake: failures, delays, replies)
#   SHARK_T_SLACK_WEBHOOK, SHARK_T_SLACK_CONTROL_URL   fake Slack incoming webhook
#   SHARK_T_KUBECONFIG, SHARK_T_KUBE_URL, SHARK_T_KUBE_CONTROL_URL   fake Kubernetes API (HTTPS);
#                             kubeconfig contexts: fake (valid token), badtoken (refused)
#   SHARK_T_RUN_DIR           absolute RUN_DIR
#
# Env knobs: SHARK_INFRA_SKIP=comma list of components to skip (mariadb, mongo, zookeeper, redis,
# prometheus, s3, es, opensearch, es7, llm, mariadb-ha; aliases mysql, zk, prom, seaweedfs, osmem, os, openai); nothing is written
# for a skipped component. SHARK_INFRA_TIMEOUT (90) seconds per server; SHARK_INFRA (/opt/shark-infra).
# SHARK_MONGO_IMPL=py (default: secantusd-py from install.sh, what CI runs) | rs (secantusd-rs, the
# Rust SecantusDB that tests/infra/install-secantusd-rs.sh builds; for benchmarks) | auto (rs when
# that binary exists, else py); SHARK_SECANTUS_RS_BIN names the binary (default
# ${SHARK_SECANTUS_RS_ROOT:-${XDG_CACHE_HOME:-$HOME/.cache}/shark-bench/secantus-rs}/bin/secantusd-rs).
# secantusd-rs runs with a 256M WiredTiger cache and 32MB log files (SHARK_MONGO_RS_CACHE,
# SHARK_MONGO_RS_LOG_FILE_MAX): its defaults (4G cache, 128MB log files allocated in full) are for
# a dedicated host. An env file written for the other implementation counts as not up (restart).
set -euo pipefail

[ $# -eq 1 ] || { echo "usage: $0 RUN_DIR" >&2; exit 2; }
RUN_DIR="$(mkdir -p "$1" && cd "$1" && pwd)"
# shellcheck source=lib.sh
. "$(cd "$(dirname "$0")" && pwd)/lib.sh"
TIMEOUT="${SHARK_INFRA_TIMEOUT:-90}"

# which SecantusDB (resolved before the "already up?" check: a run dir started with the other one
# is restarted)
SECANTUS_RS_BIN="${SHARK_SECANTUS_RS_BIN:-${SHARK_SECANTUS_RS_ROOT:-${XDG_CACHE_HOME:-$HOME/.cache}/shark-bench/secantus-rs}/bin/secantusd-rs}"
MONGO_IMPL="$(echo "${SHARK_MONGO_IMPL:-py}" | tr 'A-Z' 'a-z')"
case "$MONGO_IMPL" in
  py|python) MONGO_IMPL=py; MONGO_BIN="$VENV/bin/secantusd-py";;
  rs|rust) MONGO_IMPL=rs; MONGO_BIN="$SECANTUS_RS_BIN";;
  auto) if [ -x "$SECANTUS_RS_BIN" ]; then MONGO_IMPL=rs; MONGO_BIN="$SECANTUS_RS_BIN";
        else MONGO_IMPL=py; MONGO_BIN="$VENV/bin/secantusd-py"; fi;;
  *) die "SHARK_MONGO_IMPL: unknown '$MONGO_IMPL' (py, rs or auto)";;
esac

# ---- components ------------------------------------------------------------------------------------
ALL=(mariadb mariadb-ha mongo zookeeper redis prometheus s3 es opensearch es7 llm slack kube)
declare -A SKIP=()
IFS=',' read -r -a _skip <<< "${SHARK_INFRA_SKIP:-}"
for s in "${_skip[@]}"; do
  s="$(echo "$s" | tr -d '[:space:]' | tr 'A-Z' 'a-z')"
  case "$s" in
    "") continue;;
    mysql|mariadb) s=mariadb;; mysql-ha|mariadb-ha) s=mariadb-ha;; zk|zookeeper) s=zookeeper;; prom|prometheus) s=prometheus;;
    s3|seaweedfs) s=s3;; es|osmem|elasticsearch) s=es;; os|opensearch) s=opensearch;; es7|elasticsearch7) s=es7;; llm|openai) s=llm;;
    mongo|mongodb) s=mongo;; redis) ;; slack) ;; kube|kubernetes|k8s) s=kube;;
    *) die "SHARK_INFRA_SKIP: unknown component '$s' (known: ${ALL[*]})";;
  esac
  SKIP[$s]=1
done
COMPS=(); for c in "${ALL[@]}"; do [ -z "${SKIP[$c]:-}" ] && COMPS+=("$c"); done
want() { [ -z "${SKIP[$1]:-}" ]; }

exec 9>"$RUN_DIR.lock"
flock -w 900 9 || die "could not lock $RUN_DIR.lock within 900 s"

# ---- already up? ---------------------------------------------------------------------------------
if [ -s "$RUN_DIR/env" ] && [ -s "$RUN_DIR/pidfiles" ]; then
  ok=1
  while IFS= read -r f; do
    # "?FILE": a ZooKeeper ensemble member or an OpenSearch node; a missing pid file means
    # zk-node.sh / os-node.sh stopped it on purpose
    case "$f" in "?"*) f="${f#?}"; [ -e "$f" ] || continue;; esac
    pidfile_alive "$f" || { ok=0; log "not alive: $f"; break; }
  done < "$RUN_DIR/pidfiles"
  if [ "$ok" = 1 ] && grep -q '^SHARK_T_MONGO_URI=' "$RUN_DIR/env" \
     && ! grep -qx "SHARK_T_MONGO_IMPL=$MONGO_IMPL" "$RUN_DIR/env"; then
    ok=2
  fi
  # an env file from before the MariaDB target instance existed: start again with it
  if [ "$ok" = 1 ] && grep -q '^SHARK_T_MYSQL_PORT=' "$RUN_DIR/env" \
     && ! grep -q '^SHARK_T_MYSQL_TARGET_PORT=' "$RUN_DIR/env"; then
    ok=3
  fi
  # an env file written before the OpenSearch / Elasticsearch 7 clusters existed (no components
  # line; one started with them skipped has that line, and is left alone like any other skip)
  if [ "$ok" = 1 ] && { want opensearch || want es7; } \
     && ! grep -q '^SHARK_T_INFRA_COMPONENTS=' "$RUN_DIR/env"; then
    ok=4
  fi
  # an env file from before the MariaDB failover pairs existed
  if [ "$ok" = 1 ] && want mariadb-ha && ! grep -q '^SHARK_T_MARIADB_HA_DIR=' "$RUN_DIR/env"; then
    ok=5
  fi
  if [ "$ok" = 1 ]; then cat "$RUN_DIR/env"; exit 0; fi
  if [ "$ok" = 2 ]; then log "$RUN_DIR runs another SecantusDB than SHARK_MONGO_IMPL=$MONGO_IMPL: restarting everything"
  elif [ "$ok" = 3 ]; then log "$RUN_DIR has no MariaDB target instance (older up.sh): restarting everything"
  elif [ "$ok" = 5 ]; then log "$RUN_DIR has no MariaDB failover template (older up.sh): restarting everything"
  elif [ "$ok" = 4 ]; then log "$RUN_DIR has no OpenSearch/Elasticsearch clusters (older up.sh): restarting everything"
  else log "some servers of $RUN_DIR are gone: restarting everything"; fi
fi
infra_down   # stale processes / files from an earlier or interrupted run


need() { command -v "$1" >/dev/null 2>&1 || [ -x "$1" ] || die "$1 not found: run tests/infra/install.sh $2"; }
want mariadb    && { need mariadbd mariadb; need mariadb-install-db mariadb; }
want mariadb-ha && { need mariadbd mariadb; need mariadb-install-db mariadb; }
want zookeeper  && { need java zookeeper; [ -f /usr/share/java/zookeeper.jar ] && [ -f /usr/share/java/servlet-api.jar ] \
                     || die "zookeeper jars missing: run tests/infra/install.sh zookeeper"; }
want redis      && need redis-server redis
want prometheus && { need prometheus prometheus; need prometheus-node-exporter prometheus; need prometheus-alertmanager prometheus; }
if want mongo; then
  if [ "$MONGO_IMPL" = rs ]; then
    [ -x "$MONGO_BIN" ] || die "secantusd-rs not found at $MONGO_BIN: run tests/infra/install-secantusd-rs.sh (~11 min build), or set SHARK_SECANTUS_RS_BIN"
  else
    need "$MONGO_BIN" mongo
  fi
fi
want s3         && need "$VENV/bin/weed" s3
want es         && { OSMEM_BIN="$("$VPY" -c 'import osmem_server; print(osmem_server.resolve_binary())' 2>/dev/null)" \
                     && [ -x "$OSMEM_BIN" ] || die "osmem-server not found: run tests/infra/install.sh es"; }
want opensearch && { need java opensearch; [ -s "$OS_HOME/.stamp" ] && [ -f "$OS_HOME/classes/SharkOpenSearchNode.class" ] \
                     || die "OpenSearch $OPENSEARCH_VERSION not installed in $OS_HOME: run tests/infra/install.sh opensearch"; }
want es7        && { need java es7; [ -s "$ES7_HOME/.stamp" ] && [ -f "$ES7_HOME/classes/SharkElasticsearchNode.class" ] \
                     || die "Elasticsearch $ES7_VERSION not installed in $ES7_HOME: run tests/infra/install.sh es7"; }
if want mongo || want s3; then "$VPY" -c 'import pymongo, boto3' 2>/dev/null || die "pymongo/boto3 missing: run tests/infra/install.sh python"; fi
need curl curl

# ---- ports -----------------------------------------------------------------------------------------
# singles: mysql 2 (+1 target, last single), mongo 1, zk 3x(client,peer,election,admin)=12, zk-srvr 2, redis 1, prom 4, es 1, llm 1
#          opensearch 3x(http,transport)=6, es7 3x(http,transport)=6
# pairs (P and P+10000): seaweedfs master, volume, filer, s3, admin
mapfile -t PORTS < <(freeports 39 5)
[ ${#PORTS[@]} -eq 44 ] || die "could not pick free ports"
P_MYSQL=${PORTS[0]} P_MYSQL_STMT=${PORTS[1]} P_MONGO=${PORTS[2]}
P_ZK_C=("${PORTS[@]:3:3}") P_ZK_P=("${PORTS[@]:6:3}") P_ZK_E=("${PORTS[@]:9:3}") P_ZK_A=("${PORTS[@]:12:3}")
P_ZKS_C=${PORTS[15]} P_ZKS_A=${PORTS[16]} P_REDIS=${PORTS[17]}
P_PROM=${PORTS[18]} P_NODE=${PORTS[19]} P_AM=${PORTS[20]} P_DEAD=${PORTS[21]}
P_ES=${PORTS[22]} P_LLM=${PORTS[23]}
P_SLACK=${PORTS[24]} P_KUBE=${PORTS[25]} P_MYSQL_TARGET=${PORTS[26]}
P_OS_H=("${PORTS[@]:27:3}") P_OS_T=("${PORTS[@]:30:3}") P_ES7_H=("${PORTS[@]:33:3}") P_ES7_T=("${PORTS[@]:36:3}")
P_W_MASTER=${PORTS[39]} P_W_VOLUME=${PORTS[40]} P_W_FILER=${PORTS[41]} P_W_S3=${PORTS[42]} P_W_ADMIN=${PORTS[43]}

UPD="$RUN_DIR/.up"; rm -rf "$UPD"; mkdir -p "$UPD"
# fresh data for every start
for d in mariadb mariadb-stmt mariadb-target mariadb-ha mongo zk zk-srvr redis prometheus s3 es opensearch elasticsearch7 llm slack kube; do rm -rf "${RUN_DIR:?}/$d"; done

# ---- MariaDB -------------------------------------------------------------------------------------
# (mariadb_instance and mariadb_template are in lib.sh: tests/infra/mariadb-pair.sh uses them too)
start_mariadb() {
  MARIADB_TEMPLATE="$UPD/mariadb-template"
  mariadb_template || return 1
  mariadb_instance mariadb "$P_MYSQL" 1 ROW &
  local a=$!
  mariadb_instance mariadb-stmt "$P_MYSQL_STMT" 2 STATEMENT &
  local b=$!
  # the MySQL target of MySQL → MySQL and ES → MySQL syncs (ROW, so it can be a source as well)
  mariadb_instance mariadb-target "$P_MYSQL_TARGET" 3 ROW &
  local c=$! rc=0
  wait "$a" || rc=1; wait "$b" || rc=1; wait "$c" || rc=1
  rm -rf "$UPD/mariadb-template/data"
  [ "$rc" = 0 ] || return 1
  printf 'SHARK_T_MYSQL_PORT=%s\nSHARK_T_MYSQL_STMT_PORT=%s\nSHARK_T_MYSQL_TARGET_PORT=%s\n' \
    "$P_MYSQL" "$P_MYSQL_STMT" "$P_MYSQL_TARGET" > "$UPD/mariadb.env"
}

# A primary/replica pair is started per test by tests/infra/mariadb-pair.sh (a test kills and
# promotes servers); this component prepares the system tables those instances are copied from.
start_mariadb-ha() {
  local d="$RUN_DIR/mariadb-ha"
  MARIADB_TEMPLATE="$d/template"
  mkdir -p "$d"
  mariadb_template || return 1
  rm -f "$MARIADB_TEMPLATE"/data/*.pid
  printf 'SHARK_T_MARIADB_HA_DIR=%s\n' "$d" > "$UPD/mariadb-ha.env"
}

# ---- MongoDB (SecantusDB: secantusd-py, or secantusd-rs with SHARK_MONGO_IMPL=rs) ------------------
start_mongo() {
  local d="$RUN_DIR/mongo"; mkdir -p "$d/data"
  : > "$d/secantusd.toml"   # explicit (empty) config: no auto-discovery of ~/.secantus etc.
  local args=(--config "$d/secantusd.toml" --host 127.0.0.1 --port "$P_MONGO" --storage-path "$d/data"
              --log-level WARNING)
  if [ "$MONGO_IMPL" = rs ]; then
    # small WiredTiger cache and log files: each log file is allocated in full (default 128MB)
    args+=(--cache-size "${SHARK_MONGO_RS_CACHE:-256M}" --log-file-max "${SHARK_MONGO_RS_LOG_FILE_MAX:-32MB}")
  else
    args+=(--cache-size 256M)
  fi
  log "mongo: $MONGO_IMPL ($MONGO_BIN)"
  launch "$d" mongo "$MONGO_BIN" "${args[@]}"
  wait_for "$TIMEOUT" "$d/mongo.pid" mongo "$VPY" -c "
import pymongo
pymongo.MongoClient('mongodb://127.0.0.1:$P_MONGO/', serverSelectionTimeoutMS=1000).admin.command('ping')" \
    || { log_tail "$d/mongo.log"; return 1; }
  log "mongo ready on $P_MONGO"
  printf 'SHARK_T_MONGO_URI=mongodb://127.0.0.1:%s/\nSHARK_T_MONGO_IMPL=%s\nSHARK_T_MONGO_BIN=%s\n' \
    "$P_MONGO" "$MONGO_IMPL" "$MONGO_BIN" > "$UPD/mongo.env"
}

# ---- ZooKeeper -------------------------------------------------------------------------------------
# zk_write_node DIR MYID CLIENT ADMIN WHITELIST(1/0) [SERVER_LINES]
zk_write_node() {
  local d="$1" id="$2" cport="$3" aport="$4" wl="$5" servers="${6:-}"
  mkdir -p "$d/data" "$d/conf"
  {
    echo "tickTime=2000"; echo "initLimit=10"; echo "syncLimit=5"
    echo "dataDir=$d/data"
    echo "clientPort=$cport"; echo "clientPortAddress=127.0.0.1"
    echo "maxClientCnxns=0"
    [ "$wl" = 1 ] && echo "4lw.commands.whitelist=*"
    echo "admin.enableServer=true"; echo "admin.serverAddress=127.0.0.1"; echo "admin.serverPort=$aport"
    if [ -n "$servers" ]; then
      echo "standaloneEnabled=false"; echo "reconfigEnabled=false"; echo "quorumListenOnAllIPs=false"
      printf '%s' "$servers"
    fi
  } > "$d/conf/zoo.cfg"
  echo "$id" > "$d/data/myid"
  cat > "$d/conf/log4j.properties" <<L4J
log4j.rootLogger=INFO, FILE
log4j.appender.FILE=org.apache.log4j.RollingFileAppender
log4j.appender.FILE.File=$d/zookeeper.log
log4j.appender.FILE.MaxFileSize=10MB
log4j.appender.FILE.MaxBackupIndex=2
log4j.appender.FILE.layout=org.apache.log4j.PatternLayout
log4j.appender.FILE.layout.ConversionPattern=%d{ISO8601} - %-5p [%t:%C{1}@%L] - %m%n
L4J
}
start_zookeeper() {
  local base="$RUN_DIR/zk" sbase="$RUN_DIR/zk-srvr" servers="" i
  for i in 1 2 3; do servers+="server.$i=127.0.0.1:${P_ZK_P[$((i-1))]}:${P_ZK_E[$((i-1))]}"$'\n'; done
  for i in 1 2 3; do
    zk_write_node "$base/zk$i" "$i" "${P_ZK_C[$((i-1))]}" "${P_ZK_A[$((i-1))]}" 1 "$servers"
    zk_launch "$base/zk$i"
  done
  zk_write_node "$sbase/zk1" 1 "$P_ZKS_C" "$P_ZKS_A" 0
  zk_launch "$sbase/zk1"
  for d in "$base/zk1" "$base/zk2" "$base/zk3" "$sbase/zk1"; do
    wait_for "$TIMEOUT" "$d/zk.pid" "zookeeper ${d#"$RUN_DIR"/}" zk_ready "$d" \
      || { log_tail "$d/zookeeper.log" "$d/zk.log"; return 1; }
  done
  for i in 1 2 3; do log "zk$i: $(fourlw "${P_ZK_C[$((i-1))]}" srvr | grep Mode)"; done
  log "zookeeper ready"
  {
    echo "SHARK_T_ZK_CONNECT=127.0.0.1:${P_ZK_C[0]},127.0.0.1:${P_ZK_C[1]},127.0.0.1:${P_ZK_C[2]}"
    echo "SHARK_T_ZK_ADMIN_PORTS=${P_ZK_A[0]},${P_ZK_A[1]},${P_ZK_A[2]}"
    echo "SHARK_T_ZK_DIR=$base"
    echo "SHARK_T_ZK_SRVR_CONNECT=127.0.0.1:$P_ZKS_C"
    echo "SHARK_T_ZK_SRVR_ADMIN_PORT=$P_ZKS_A"
  } > "$UPD/zookeeper.env"
}

# ---- Redis -------------------------------------------------------------------------------------------
start_redis() {
  local d="$RUN_DIR/redis"; mkdir -p "$d"
  launch "$d" redis redis-server --bind 127.0.0.1 --port "$P_REDIS" --requirepass sharkredis \
    --dir "$d" --save '' --appendonly no --daemonize no --protected-mode yes --logfile ''
  redis_ping() { [ "$(redis-cli -h 127.0.0.1 -p "$P_REDIS" -a sharkredis --no-auth-warning ping 2>/dev/null)" = PONG ]; }
  wait_for "$TIMEOUT" "$d/redis.pid" redis redis_ping || { log_tail "$d/redis.log"; return 1; }
  log "redis ready on $P_REDIS"
  printf 'SHARK_T_REDIS_PORT=%s\nSHARK_T_REDIS_PASSWORD=sharkredis\n' "$P_REDIS" > "$UPD/redis.env"
}

# ---- Prometheus + node_exporter + Alertmanager ----------------------------------------------------
start_prometheus() {
  local d="$RUN_DIR/prometheus"; mkdir -p "$d/prom-data" "$d/am-data"
  cat > "$d/alertmanager.yml" <<YML
route:
  receiver: "null"
  group_wait: 1s
  group_interval: 5s
  repeat_interval: 1h
receivers:
  - name: "null"
YML
  # TargetDown fires at once (no `for`) because the `dead` job scrapes a port where nothing listens.
  # HighCpuUsage uses a threshold of 100 %, which CPU usage cannot exceed: the rule is listed by
  # /api/v1/rules but stays inactive however busy the machine is (no flapping). A test that needs it
  # to fire can rewrite $SHARK_T_PROM_RULES_FILE and POST $SHARK_T_PROM_URL/-/reload.
  cat > "$d/rules.yml" <<YML
groups:
  - name: shark-test
    interval: 2s
    rules:
      - alert: TargetDown
        expr: up == 0
        labels: {severity: critical}
        annotations:
          summary: "Target {{ \$labels.instance }} of job {{ \$labels.job }} is down"
      - alert: HighCpuUsage
        expr: 100 * (1 - avg by (instance) (rate(node_cpu_seconds_total{mode="idle"}[1m]))) > 100
        for: 1m
        labels: {severity: warning}
        annotations:
          summary: "CPU usage above 100% on {{ \$labels.instance }}"
YML
  cat > "$d/prometheus.yml" <<YML
global:
  scrape_interval: 2s
  evaluation_interval: 2s
rule_files: ["$d/rules.yml"]
alerting:
  alertmanagers:
    - static_configs: [{targets: ["127.0.0.1:$P_AM"]}]
scrape_configs:
  - job_name: prometheus
    static_configs: [{targets: ["127.0.0.1:$P_PROM"]}]
  - job_name: node
    static_configs: [{targets: ["127.0.0.1:$P_NODE"], labels: {env: test}}]
  - job_name: dead
    static_configs: [{targets: ["127.0.0.1:$P_DEAD"]}]
YML
  launch "$d" prometheus prometheus --config.file="$d/prometheus.yml" --storage.tsdb.path="$d/prom-data" \
    --web.listen-address="127.0.0.1:$P_PROM" --web.enable-lifecycle
  launch "$d" node-exporter prometheus-node-exporter --web.listen-address="127.0.0.1:$P_NODE"
  launch "$d" alertmanager prometheus-alertmanager --config.file="$d/alertmanager.yml" \
    --storage.path="$d/am-data" --web.listen-address="127.0.0.1:$P_AM" --cluster.listen-address=
  local fail=0
  wait_for "$TIMEOUT" "$d/node-exporter.pid" node_exporter curl -fsS -m 2 -o /dev/null "http://127.0.0.1:$P_NODE/metrics" || fail=1
  wait_for "$TIMEOUT" "$d/alertmanager.pid" alertmanager curl -fsS -m 2 -o /dev/null "http://127.0.0.1:$P_AM/-/ready" || fail=1
  wait_for "$TIMEOUT" "$d/prometheus.pid" prometheus curl -fsS -m 2 -o /dev/null "http://127.0.0.1:$P_PROM/-/ready" || fail=1
  [ "$fail" = 0 ] || { log_tail "$d/prometheus.log" "$d/node-exporter.log" "$d/alertmanager.log"; return 1; }
  # ready = node_exporter series queryable, TargetDown firing in Prometheus and known to Alertmanager
  prom_ready() {
    "$SYSPY" - "http://127.0.0.1:$P_PROM" "http://127.0.0.1:$P_AM" <<'PY'
import json, sys, urllib.request, urllib.parse
prom, am = sys.argv[1:3]
get = lambda u: json.load(urllib.request.urlopen(u, timeout=2))
r = get(prom + "/api/v1/query?" + urllib.parse.urlencode({"query": 'count(node_cpu_seconds_total{job="node"})'}))
assert r["data"]["result"], "no node series"
a = get(prom + "/api/v1/alerts")["data"]["alerts"]
assert any(x["labels"].get("alertname") == "TargetDown" and x["state"] == "firing" for x in a), "not firing"
assert any(x["labels"].get("alertname") == "TargetDown" for x in get(am + "/api/v2/alerts")), "not in alertmanager"
PY
  }
  wait_for "${SHARK_INFRA_PROM_TIMEOUT:-30}" "$d/prometheus.pid" "prometheus (node series + TargetDown firing)" prom_ready \
    || { log_tail "$d/prometheus.log"; prom_ready || true; return 1; }
  log "prometheus ready on $P_PROM"
  {
    echo "SHARK_T_PROM_URL=http://127.0.0.1:$P_PROM"
    echo "SHARK_T_ALERTMANAGER_URL=http://127.0.0.1:$P_AM"
    echo "SHARK_T_NODE_EXPORTER_URL=http://127.0.0.1:$P_NODE"
    echo "SHARK_T_PROM_DEAD_TARGET=127.0.0.1:$P_DEAD"
    echo "SHARK_T_PROM_RULES_FILE=$d/rules.yml"
  } > "$UPD/prometheus.env"
}

# ---- S3 (SeaweedFS `weed mini`) --------------------------------------------------------------------
S3_AK=shark-test-key S3_SK=shark-test-secret S3_BUCKET=shark-test S3_REGION=us-east-1
start_s3() {
  local d="$RUN_DIR/s3"; mkdir -p "$d/data"
  cat > "$d/s3.json" <<JSON
{"identities": [{"name": "shark", "credentials": [{"accessKey": "$S3_AK", "secretKey": "$S3_SK"}],
                 "actions": ["Admin", "Read", "List", "Tagging", "Write"]}]}
JSON
  # Every port is given explicitly (gRPC = HTTP + 10000, as SeaweedFS derives some of them itself);
  # -ip/-ip.bind keep it on loopback (the default binds 0.0.0.0 and advertises eth0); -logdir keeps
  # its glog files out of /tmp. (It still puts gRPC sockets at /tmp/seaweedfs-*-grpc-PORT.sock and
  # removes them when it stops.)
  launch "$d" weed "$VENV/bin/weed" -logdir="$d" mini -dir="$d/data" -ip=127.0.0.1 -ip.bind=127.0.0.1 \
    -master.port="$P_W_MASTER" -master.port.grpc=$((P_W_MASTER + 10000)) \
    -volume.port="$P_W_VOLUME" -volume.port.grpc=$((P_W_VOLUME + 10000)) \
    -filer.port="$P_W_FILER" -filer.port.grpc=$((P_W_FILER + 10000)) \
    -s3.port="$P_W_S3" -s3.port.grpc=$((P_W_S3 + 10000)) \
    -admin.port="$P_W_ADMIN" -admin.port.grpc=$((P_W_ADMIN + 10000)) -admin.ui=false \
    -s3.config="$d/s3.json" -s3.port.iceberg=0 -s3.port.lance=0 -webdav=false \
    -master.telemetry=false -bucket="$S3_BUCKET" \
    -filer.localSocket="$(sockpath "$d" filer.sock)" -s3.localSocket="$(sockpath "$d" s3.sock)"
  local svc port   # for down.sh, in case weed is killed before it removes them
  for svc in master:$P_W_MASTER volume:$P_W_VOLUME filer:$P_W_FILER s3:$P_W_S3 admin:$P_W_ADMIN; do
    port=$((${svc#*:} + 10000)); echo "/tmp/seaweedfs-${svc%%:*}-grpc-$port.sock"
  done > "$d/grpc-socks"
  # ready = a real write/read/delete in the bucket succeeds with the configured identity
  s3_ready() {
    "$VPY" - "http://127.0.0.1:$P_W_S3" "$S3_AK" "$S3_SK" "$S3_BUCKET" "$S3_REGION" <<'PY'
import sys, boto3
from botocore.config import Config
ep, ak, sk, b, region = sys.argv[1:6]
s3 = boto3.client("s3", endpoint_url=ep, aws_access_key_id=ak, aws_secret_access_key=sk, region_name=region,
                  config=Config(s3={"addressing_style": "path"}, retries={"max_attempts": 1},
                                connect_timeout=2, read_timeout=5))
try:
    s3.head_bucket(Bucket=b)
except Exception:
    s3.create_bucket(Bucket=b)
s3.put_object(Bucket=b, Key=".ready-probe", Body=b"ok")
assert s3.get_object(Bucket=b, Key=".ready-probe")["Body"].read() == b"ok"
s3.delete_object(Bucket=b, Key=".ready-probe")
PY
  }
  wait_for "$TIMEOUT" "$d/weed.pid" "s3 (seaweedfs)" s3_ready || { log_tail "$d/weed.log"; return 1; }
  log "s3 ready on $P_W_S3"
  {
    echo "SHARK_T_S3_ENDPOINT=http://127.0.0.1:$P_W_S3"
    echo "SHARK_T_S3_ACCESS_KEY=$S3_AK"
    echo "SHARK_T_S3_SECRET_KEY=$S3_SK"
    echo "SHARK_T_S3_BUCKET=$S3_BUCKET"
    echo "SHARK_T_S3_REGION=$S3_REGION"
  } > "$UPD/s3.env"
}

# ---- OpenSearch and Elasticsearch 7: real 3-node clusters ---------------------------------------------
# Nodes os1..os3 (es1..es3), each in its own JVM (os_launch in lib.sh), all master-eligible data
# nodes, discovering each other through discovery.seed_hosts; the first start bootstraps the
# cluster (cluster.initial_cluster_manager_nodes / initial_master_nodes). Ready when the first node
# sees 3 nodes and health is green. The disk-based allocation decider is off: a CI disk at 90 %
# must not make shards unassignable.
# search_cluster BASE PREFIX YML CLUSTER INITIAL_KEY HTTP1 HTTP2 HTTP3 TRANSPORT1 TRANSPORT2 TRANSPORT3
search_cluster() {
  local base="$1" prefix="$2" yml="$3" cluster="$4" initial="$5"; shift 5
  local hp=("$1" "$2" "$3") tp=("$4" "$5" "$6") i d seeds=""
  mkdir -p "$base/repo"
  for i in 1 2 3; do seeds+="${seeds:+, }\"127.0.0.1:${tp[$((i-1))]}\""; done
  for i in 1 2 3; do
    d="$base/$prefix$i"; mkdir -p "$d/config" "$d/data" "$d/logs"
    cat > "$d/config/$yml" <<YML
cluster.name: $cluster
node.name: $prefix$i
path.data: $d/data
path.logs: $d/logs
path.repo: ["$base/repo"]
network.host: 127.0.0.1
http.port: ${hp[$((i-1))]}
transport.port: ${tp[$((i-1))]}
discovery.seed_hosts: [$seeds]
$initial: ["${prefix}1", "${prefix}2", "${prefix}3"]
cluster.routing.allocation.disk.threshold_enabled: false
YML
    cat > "$d/config/log4j2.properties" <<'L4J'
status = error
appender.console.type = Console
appender.console.name = console
appender.console.layout.type = PatternLayout
appender.console.layout.pattern = [%d{ISO8601}][%-5p][%-25c{1.}] [%node_name]%marker %m%n
rootLogger.level = info
rootLogger.appenderRef.console.ref = console
L4J
    os_launch "$d"
  done
  for i in 1 2 3; do
    wait_for "$TIMEOUT" "$base/$prefix$i/node.pid" "$prefix$i" os_joined "$base/$prefix$i" 3 \
      || { log_tail "$base/$prefix$i/node.log"; return 1; }
  done
  wait_for "$TIMEOUT" "$base/${prefix}1/node.pid" "$cluster green" curl -fsS -m 3 -o /dev/null \
    "http://127.0.0.1:${hp[0]}/_cluster/health?wait_for_status=green&wait_for_nodes=3&timeout=1s" \
    || { log_tail "$base/${prefix}1/node.log"; return 1; }
  log "$cluster ready: 3 nodes on ${hp[*]} (HTTP)"
}
# search_env KEY BASE PREFIX VERSION CLUSTER HTTP1 HTTP2 HTTP3: the SHARK_T_<KEY>_* lines
search_env() {
  local key="$1" base="$2" prefix="$3" ver="$4" cluster="$5"; shift 5
  echo "SHARK_T_${key}_URL=http://127.0.0.1:$1"
  echo "SHARK_T_${key}_URLS=http://127.0.0.1:$1,http://127.0.0.1:$2,http://127.0.0.1:$3"
  echo "SHARK_T_${key}_NODES=${prefix}1,${prefix}2,${prefix}3"
  echo "SHARK_T_${key}_DIR=$base"
  echo "SHARK_T_${key}_REPO=$base/repo"
  echo "SHARK_T_${key}_VERSION=$ver"
  echo "SHARK_T_${key}_CLUSTER=$cluster"
}
start_opensearch() {
  search_cluster "$RUN_DIR/opensearch" os opensearch.yml shark-os cluster.initial_cluster_manager_nodes \
    "${P_OS_H[@]}" "${P_OS_T[@]}" || return 1
  search_env OS "$RUN_DIR/opensearch" os "$OPENSEARCH_VERSION" shark-os "${P_OS_H[@]}" > "$UPD/opensearch.env"
}
start_es7() {
  search_cluster "$RUN_DIR/elasticsearch7" es elasticsearch.yml shark-es7 cluster.initial_master_nodes \
    "${P_ES7_H[@]}" "${P_ES7_T[@]}" || return 1
  search_env ES7 "$RUN_DIR/elasticsearch7" es "$ES7_VERSION" shark-es7 "${P_ES7_H[@]}" > "$UPD/es7.env"
}

# ---- Elasticsearch stand-in (osmem-server) ----------------------------------------------------------
start_es() {
  local d="$RUN_DIR/es"; mkdir -p "$d"
  launch "$d" osmem "$OSMEM_BIN" -addr "127.0.0.1:$P_ES" -no-stdin-watch
  wait_for "$TIMEOUT" "$d/osmem.pid" es curl -fsS -m 2 -o /dev/null "http://127.0.0.1:$P_ES/_cluster/health" \
    || { log_tail "$d/osmem.log"; return 1; }
  log "es ready on $P_ES"
  printf 'SHARK_T_ES_URL=http://127.0.0.1:%s\n' "$P_ES" > "$UPD/es.env"
}

# ---- fake OpenAI-compatible LLM -------------------------------------------------------------------
# Failures/timeouts are injected per test through $SHARK_T_LLM_CONTROL_URL (see fake-openai.py):
#   curl -d '{"status":500,"count":3}' $SHARK_T_LLM_CONTROL_URL/fail   -> next 3 completions: HTTP 500
#   curl -d '{"status":429,"retry_after":2}' …/fail                    -> 429 + Retry-After: 2
#   curl -d '{"status":200,"delay":30}' …/fail                         -> next completion held 30 s (timeout)
#   curl -d '{"content":"text"}' …/reply ; curl -X POST …/reset ; curl …/requests
start_llm() {
  local d="$RUN_DIR/llm"; mkdir -p "$d"
  local py="$VPY"; [ -x "$py" ] || py="$SYSPY"
  launch "$d" llm "$py" "$INFRA_DIR/fake-openai.py" --host 127.0.0.1 --port "$P_LLM" \
    --api-key shark-test-llm-key --model fake-model
  wait_for "$TIMEOUT" "$d/llm.pid" llm curl -fsS -m 2 -o /dev/null "http://127.0.0.1:$P_LLM/_fake/requests" \
    || { log_tail "$d/llm.log"; return 1; }
  log "llm ready on $P_LLM"
  {
    echo "SHARK_T_LLM_URL=http://127.0.0.1:$P_LLM"
    echo "SHARK_T_LLM_BASE_URL=http://127.0.0.1:$P_LLM/v1"
    echo "SHARK_T_LLM_MODEL=fake-model"
    echo "SHARK_T_LLM_KEY=shark-test-llm-key"
    echo "SHARK_T_LLM_CONTROL_URL=http://127.0.0.1:$P_LLM/_fake"
  } > "$UPD/llm.env"
}

# ---- fake Slack incoming webhook ------------------------------------------------------------------
# POST /services/... answers like Slack (200 ok, 400 no_text/invalid_payload); failures are queued
# with POST $SHARK_T_SLACK_CONTROL_URL/fail {"status":429,"retry_after":1}; GET …/messages lists posts.
start_slack() {
  local d="$RUN_DIR/slack"; mkdir -p "$d"
  local py="$VPY"; [ -x "$py" ] || py="$SYSPY"
  launch "$d" slack "$py" "$INFRA_DIR/fake-slack-webhook.py" --host 127.0.0.1 --port "$P_SLACK"
  wait_for "$TIMEOUT" "$d/slack.pid" slack curl -fsS -m 2 -o /dev/null "http://127.0.0.1:$P_SLACK/_fake/messages" \
    || { log_tail "$d/slack.log"; return 1; }
  log "slack ready on $P_SLACK"
  {
    echo "SHARK_T_SLACK_WEBHOOK=http://127.0.0.1:$P_SLACK/services/T0000TEST/B0000TEST/shark-test-secret"
    echo "SHARK_T_SLACK_CONTROL_URL=http://127.0.0.1:$P_SLACK/_fake"
  } > "$UPD/slack.env"
}

# ---- fake Kubernetes API server (HTTPS, own CA, bearer token) + kubeconfig ----------------------------
start_kube() {
  local d="$RUN_DIR/kube"; mkdir -p "$d"
  local py="$VPY"; [ -x "$py" ] || py="$SYSPY"
  cat > "$d/pods.json" <<'JSON'
{"pods": [
 {"namespace": "prod", "name": "web-7d9f-abcde", "labels": {"app": "web"}, "containers": ["app"],
  "logs": {"app": [[-300, "started"], [-30, "ERROR upstream timeout"]]}},
 {"namespace": "default", "name": "api-5c6b-xyz12", "labels": {"app": "api"}, "containers": ["api"],
  "logs": {"api": [[-60, "listening on :8080"]]}}
]}
JSON
  openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=shark-test-ca" -keyout "$d/ca.key" -out "$d/ca.crt" \
    -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" 2>/dev/null
  openssl req -newkey rsa:2048 -nodes -subj "/CN=kube-apiserver" -keyout "$d/server.key" -out "$d/server.csr" 2>/dev/null
  printf 'subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n' > "$d/ext.cnf"
  openssl x509 -req -in "$d/server.csr" -CA "$d/ca.crt" -CAkey "$d/ca.key" -CAcreateserial -days 2 \
    -extfile "$d/ext.cnf" -out "$d/server.crt" 2>/dev/null
  local token="shark-test-token-$(head -c 8 /dev/urandom | od -An -tx1 | tr -d ' \n')"
  launch "$d" kube "$py" "$INFRA_DIR/fake-kube-apiserver.py" --host 127.0.0.1 --port "$P_KUBE" \
    --pods "$d/pods.json" --token "$token" --cert "$d/server.crt" --key "$d/server.key"
  wait_for "$TIMEOUT" "$d/kube.pid" kube curl -fsSk -m 2 -o /dev/null "https://127.0.0.1:$P_KUBE/_fake/requests" \
    || { log_tail "$d/kube.log"; return 1; }
  cat > "$d/kubeconfig" <<KC
apiVersion: v1
kind: Config
clusters:
- name: fake
  cluster:
    server: https://127.0.0.1:$P_KUBE
    certificate-authority-data: $(base64 -w0 < "$d/ca.crt")
users:
- name: shark
  user:
    token: $token
contexts:
- name: fake
  context: {cluster: fake, user: shark, namespace: default}
- name: badtoken
  context: {cluster: fake, user: intruder, namespace: default}
current-context: fake
KC
  # a user with a wrong token, for the refused-credentials case
  sed -i 's/^users:/users:\n- name: intruder\n  user:\n    token: wrong-token/' "$d/kubeconfig"
  log "kube ready on $P_KUBE"
  {
    echo "SHARK_T_KUBECONFIG=$d/kubeconfig"
    echo "SHARK_T_KUBE_URL=https://127.0.0.1:$P_KUBE"
    echo "SHARK_T_KUBE_CONTROL_URL=https://127.0.0.1:$P_KUBE/_fake"
  } > "$UPD/kube.env"
}

# ---- start all in parallel ---------------------------------------------------------------------------
T0=$(date +%s.%N)
log "starting ${COMPS[*]} in $RUN_DIR"
declare -A JOB=()
# the slow ones first (OpenSearch, Elasticsearch 7: 3 JVMs each, ~20-30 s; Prometheus waits ~6 s for
# its first scrape; ZooKeeper starts 4 JVMs)
for c in opensearch es7 prometheus zookeeper mariadb mariadb-ha s3 mongo es redis llm slack kube; do
  want "$c" || continue
  ( "start_$c" ) > "$UPD/$c.log" 2>&1 &
  JOB[$c]=$!
done
FAILED=()
for c in "${!JOB[@]}"; do wait "${JOB[$c]}" || FAILED+=("$c"); done
if [ ${#FAILED[@]} -gt 0 ]; then
  for c in "${FAILED[@]}"; do
    echo "===== $c failed to start (log: $UPD/$c.log) =====" >&2
    tail -n 60 "$UPD/$c.log" >&2
  done
  log "stopping everything that did start"
  infra_down
  exit 1
fi

# ---- env file ------------------------------------------------------------------------------------------
{
  echo "# written by tests/infra/up.sh on $(date -u +%Y-%m-%dT%H:%M:%SZ); source with: set -a; . FILE; set +a"
  for c in "${ALL[@]}"; do want "$c" && cat "$UPD/$c.env"; done
  echo "SHARK_T_RUN_DIR=$RUN_DIR"
  echo "SHARK_T_INFRA_COMPONENTS=$(IFS=,; echo "${COMPS[*]}")"
} > "$RUN_DIR/env.tmp"
find "$RUN_DIR" -mindepth 2 -maxdepth 3 -name '*.pid' -type f ! -path '*/data/*' | sort \
  | sed -e "s|^$RUN_DIR/zk/|?$RUN_DIR/zk/|" -e "s|^$RUN_DIR/opensearch/|?$RUN_DIR/opensearch/|" \
      -e "s|^$RUN_DIR/elasticsearch7/|?$RUN_DIR/elasticsearch7/|" > "$RUN_DIR/pidfiles"
mv "$RUN_DIR/env.tmp" "$RUN_DIR/env"
awk -v a="$T0" -v b="$(date +%s.%N)" 'BEGIN { printf "[infra] all ready in %.1f s\n", b - a }' >&2
cat "$RUN_DIR/env"
