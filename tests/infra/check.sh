#!/usr/bin/env bash
# check.sh RUN_DIR -- smoke-checks every counterpart that tests/infra/up.sh started in RUN_DIR
# (only the components present in RUN_DIR/env). One PASS/FAIL line per check; exit 1 on any FAIL.
# Needs the tools install.sh installs (mariadb client, redis-cli, curl, the venv's pymongo/boto3).
set -euo pipefail
[ $# -eq 1 ] || { echo "usage: $0 RUN_DIR" >&2; exit 2; }
RUN_DIR="$(cd "$1" && pwd)"
# shellcheck source=lib.sh
. "$(cd "$(dirname "$0")" && pwd)/lib.sh"
[ -s "$RUN_DIR/env" ] || die "no $RUN_DIR/env: run tests/infra/up.sh $RUN_DIR"
set -a; . "$RUN_DIR/env"; set +a

FAILS=0
check() {  # check NAME CMD... ; CMD's stdout is the detail
  local name="$1" out; shift
  if out="$("$@" 2>&1)"; then printf 'PASS %-28s %s\n' "$name" "$(echo "$out" | tr '\n' ' ' | cut -c1-100)"
  else printf 'FAIL %-28s %s\n' "$name" "$(echo "$out" | tr '\n' ' ' | cut -c1-200)"; FAILS=$((FAILS + 1)); fi
}
expect() { local want="$1"; shift; local got; got="$("$@" 2>&1)" || true; echo "$got"; [[ "$got" == *"$want"* ]]; }
q() { local pw=(); [ -n "$3" ] && pw=(-p"$3"); mariadb -h127.0.0.1 -P"$1" -u"$2" "${pw[@]}" -N -B -e "$4" </dev/null; }

if [ -n "${SHARK_T_MYSQL_PORT:-}" ]; then
  check "mysql binlog_format ROW" expect ROW q "$SHARK_T_MYSQL_PORT" shark shark 'SELECT @@binlog_format'
  check "mysql row image/metadata" expect "FULL	FULL" q "$SHARK_T_MYSQL_PORT" shark shark 'SELECT @@binlog_row_image, @@binlog_row_metadata'
  check "mysql root no password" expect root q "$SHARK_T_MYSQL_PORT" root '' 'SELECT current_user()'
  check "mysql limited: no binlog" expect "Access denied" q "$SHARK_T_MYSQL_PORT" limited limited 'SHOW BINLOG EVENTS LIMIT 1'
  check "mysql stmt STATEMENT" expect STATEMENT q "$SHARK_T_MYSQL_STMT_PORT" shark shark 'SELECT @@binlog_format'
  check "mysql target ROW, id 3" expect "ROW	3" q "$SHARK_T_MYSQL_TARGET_PORT" shark shark 'SELECT @@binlog_format, @@server_id'
  check "mysql target root" expect root q "$SHARK_T_MYSQL_TARGET_PORT" root '' 'SELECT current_user()'
fi
if [ -n "${SHARK_T_MONGO_URI:-}" ]; then
  check "mongo ping" "$VPY" -c "import pymongo,os; print(pymongo.MongoClient(os.environ['SHARK_T_MONGO_URI'], serverSelectionTimeoutMS=3000).admin.command('ping')['ok'])"
fi
if [ -n "${SHARK_T_ZK_CONNECT:-}" ]; then
  IFS=, read -r -a zk <<< "$SHARK_T_ZK_CONNECT"; IFS=, read -r -a za <<< "$SHARK_T_ZK_ADMIN_PORTS"
  for i in 0 1 2; do
    check "zk$((i + 1)) mntr" expect zk_server_state fourlw "${zk[$i]#*:}" mntr
    check "zk$((i + 1)) admin" curl -fsS -m 3 "http://127.0.0.1:${za[$i]}/commands/ruok"
  done
  check "zk-srvr srvr answers" expect "Mode: standalone" fourlw "${SHARK_T_ZK_SRVR_CONNECT#*:}" srvr
  check "zk-srvr mntr refused" expect "not in the whitelist" fourlw "${SHARK_T_ZK_SRVR_CONNECT#*:}" mntr
  check "zk-srvr admin" curl -fsS -m 3 "http://127.0.0.1:$SHARK_T_ZK_SRVR_ADMIN_PORT/commands/ruok"
fi
if [ -n "${SHARK_T_REDIS_PORT:-}" ]; then
  check "redis auth ping" expect PONG redis-cli -h 127.0.0.1 -p "$SHARK_T_REDIS_PORT" -a "$SHARK_T_REDIS_PASSWORD" --no-auth-warning ping
  check "redis no auth refused" expect NOAUTH redis-cli -h 127.0.0.1 -p "$SHARK_T_REDIS_PORT" ping
fi
if [ -n "${SHARK_T_PROM_URL:-}" ]; then
  check "prometheus TargetDown firing" expect '"state":"firing"' curl -fsS -m 3 "$SHARK_T_PROM_URL/api/v1/alerts"
  check "alertmanager has TargetDown" expect TargetDown curl -fsS -m 3 "$SHARK_T_ALERTMANAGER_URL/api/v2/alerts"
  check "node_exporter metrics" expect node_cpu_seconds_total curl -fsS -m 3 "$SHARK_T_NODE_EXPORTER_URL/metrics"
fi
if [ -n "${SHARK_T_S3_ENDPOINT:-}" ]; then
  s3() {  # s3 SECRET: list the bucket
    "$VPY" - "$1" <<'PY'
import os, sys, boto3
from botocore.config import Config
e = os.environ
c = boto3.client("s3", endpoint_url=e["SHARK_T_S3_ENDPOINT"], aws_access_key_id=e["SHARK_T_S3_ACCESS_KEY"],
                 aws_secret_access_key=sys.argv[1], region_name=e["SHARK_T_S3_REGION"],
                 config=Config(s3={"addressing_style": "path"}, retries={"max_attempts": 1}))
try:
    print("keys:", c.list_objects_v2(Bucket=e["SHARK_T_S3_BUCKET"]).get("KeyCount"))
except Exception as ex:
    print(type(ex).__name__, getattr(ex, "response", {}).get("Error", {}).get("Code")); sys.exit(1)
PY
  }
  check "s3 list bucket" s3 "$SHARK_T_S3_SECRET_KEY"
  check "s3 wrong secret rejected" expect SignatureDoesNotMatch s3 wrong-secret
fi
if [ -n "${SHARK_T_ES_URL:-}" ]; then
  check "es GET /" expect '"version"' curl -fsS -m 3 "$SHARK_T_ES_URL/"
fi
if [ -n "${SHARK_T_OS_URL:-}" ]; then
  check "opensearch is OpenSearch $SHARK_T_OS_VERSION" expect "\"number\" : \"$SHARK_T_OS_VERSION\"" curl -fsS -m 3 "$SHARK_T_OS_URL/"
  check "opensearch 3 nodes" expect '"number_of_nodes":3' curl -fsS -m 5 "$SHARK_T_OS_URL/_cluster/health"
  IFS=',' read -r -a osu <<< "$SHARK_T_OS_URLS"
  for i in 0 1 2; do check "opensearch os$((i + 1)) answers" expect "os$((i + 1))" curl -fsS -m 3 "${osu[$i]}/"; done
  check "opensearch modules" expect PainlessPlugin curl -fsS -m 3 "$SHARK_T_OS_URL/_cat/plugins"
fi
if [ -n "${SHARK_T_ES7_URL:-}" ]; then
  check "es7 is Elasticsearch $SHARK_T_ES7_VERSION" expect "\"number\" : \"$SHARK_T_ES7_VERSION\"" curl -fsS -m 3 "$SHARK_T_ES7_URL/"
  check "es7 3 nodes" expect '"number_of_nodes":3' curl -fsS -m 5 "$SHARK_T_ES7_URL/_cluster/health"
fi
if [ -n "${SHARK_T_LLM_URL:-}" ]; then
  check "llm GET /v1/models" expect "$SHARK_T_LLM_MODEL" curl -fsS -m 3 -H "Authorization: Bearer $SHARK_T_LLM_KEY" "$SHARK_T_LLM_URL/v1/models"
  check "llm wrong key 401" expect 401 curl -s -m 3 -o /dev/null -w '%{http_code}' -H "Authorization: Bearer nope" "$SHARK_T_LLM_URL/v1/models"
fi
[ "$FAILS" = 0 ] && echo "all checks passed" || { echo "$FAILS check(s) failed"; exit 1; }
