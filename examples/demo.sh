#!/usr/bin/env bash
# End-to-end demo on a fresh machine: installs the local servers (MariaDB with ROW binlog,
# SecantusDB for MongoDB, a 3-node ZooKeeper ensemble, Redis, Prometheus + node_exporter +
# Alertmanager, SeaweedFS S3, an OpenSearch-compatible server, a stand-in LLM API), builds shark,
# starts the servers on loopback, creates one connection of each kind and runs `shark conn test`
# on all of them, syncs a small MariaDB shop database to MongoDB (full copy, then changes through
# the binlog, then verify), copies the orders into the real 3-node OpenSearch cluster and shows its
# shards (es-shards status, replication), produces an inspection report (metrics, health, vulnerabilities, AI analysis)
# exported as HTML, then shows the run history. The servers are stopped at the end unless KEEP=1.
set -euo pipefail
cd "$(dirname "$0")/.."
say() { printf '\n\033[1m$ %s\033[0m\n' "$*"; }

tests/infra/install.sh
cargo build --release --locked
SHARK="$PWD/target/release/shark"
RUN_DIR="${DEMO_DIR:-$PWD/target/demo}"
[ "${KEEP:-0}" = 1 ] || trap 'tests/infra/down.sh "$RUN_DIR/servers" >/dev/null 2>&1 || true' EXIT
tests/infra/up.sh "$RUN_DIR/servers" >/dev/null
set -a; . "$RUN_DIR/servers/env"; set +a

export SHARK_STATE="$RUN_DIR/shark.db"
rm -f "$SHARK_STATE" "$SHARK_STATE"-wal "$SHARK_STATE"-shm "$SHARK_STATE.key"
run() { say "shark $*"; "$SHARK" "$@"; }

printf %s shark | run conn add orders-db --kind mysql --url "mysql://shark@127.0.0.1:$SHARK_T_MYSQL_PORT/" --secret-stdin
run conn add docs --kind mongodb --url "$SHARK_T_MONGO_URI"
run conn add zk --kind zookeeper --url "$SHARK_T_ZK_CONNECT" --option "admin_ports=$SHARK_T_ZK_ADMIN_PORTS"
printf %s "$SHARK_T_REDIS_PASSWORD" | run conn add cache --kind redis --url "redis://127.0.0.1:$SHARK_T_REDIS_PORT" --secret-stdin
run conn add metrics --kind prometheus --url "$SHARK_T_PROM_URL"
printf %s "$SHARK_T_S3_SECRET_KEY" | run conn add archive --kind s3 --url "$SHARK_T_S3_ENDPOINT" \
  --bucket "$SHARK_T_S3_BUCKET" --region "$SHARK_T_S3_REGION" --user "$SHARK_T_S3_ACCESS_KEY" --secret-stdin
run conn add search --kind elasticsearch --url "$SHARK_T_ES_URL"
printf %s "$SHARK_T_LLM_KEY" | run conn add ai --kind llm --url "$SHARK_T_LLM_BASE_URL" --model "$SHARK_T_LLM_MODEL" --secret-stdin
run conn list
run conn test
say "a small shop database in MariaDB, synced to MongoDB"
mariadb --default-character-set=utf8mb4 -h127.0.0.1 -P"$SHARK_T_MYSQL_PORT" -uroot <<'SQL'
DROP DATABASE IF EXISTS shop; CREATE DATABASE shop; USE shop;
CREATE TABLE customers (id INT PRIMARY KEY, name VARCHAR(50), vip BOOLEAN, joined DATETIME(3));
CREATE TABLE orders (id BIGINT PRIMARY KEY, customer INT, total DECIMAL(12,2), status ENUM('new','paid','shipped'), items JSON);
CREATE TABLE order_lines (order_id BIGINT, line INT, sku VARCHAR(20), qty INT, PRIMARY KEY (order_id, line));
INSERT INTO customers SELECT seq, CONCAT('customer ', seq), seq % 7 = 0, NOW(3) - INTERVAL seq MINUTE FROM seq_1_to_2000;
INSERT INTO orders SELECT seq, 1 + seq % 2000, ROUND(seq * 1.37, 2), ELT(1 + seq % 3, 'new', 'paid', 'shipped'), JSON_OBJECT('n', seq % 5) FROM seq_1_to_20000;
INSERT INTO order_lines SELECT o.seq, l.seq, CONCAT('SKU-', (o.seq * l.seq) % 997), l.seq FROM seq_1_to_20000 o, seq_1_to_3 l;
SQL
run sync create shop --source orders-db --target docs --tables 'shop.*'
run sync run shop --once --drop-target
say "changes while nobody is looking: an update, a delete, a new column, a new table"
mariadb -h127.0.0.1 -P"$SHARK_T_MYSQL_PORT" -uroot <<'SQL'
USE shop;
UPDATE orders SET status = 'shipped' WHERE id <= 100;
DELETE FROM order_lines WHERE order_id = 7;
ALTER TABLE customers ADD COLUMN tier VARCHAR(10) NOT NULL DEFAULT 'basic';
CREATE TABLE refunds (id INT PRIMARY KEY, order_id BIGINT, amount DECIMAL(12,2));
INSERT INTO refunds VALUES (1, 42, 9.99);
SQL
run sync run shop --once
run sync status shop
run sync verify shop

say "the orders also go to the real 3-node OpenSearch cluster, and its shards are checked"
run conn add cluster --kind elasticsearch --url "$SHARK_T_OS_URL"
run sync create shop-search --source orders-db --target cluster --tables 'shop.orders'
run sync run shop-search --once
run sync verify shop-search
run es-shards status --conn cluster
run es-shards replication --conn cluster

say "shark inspect run --vulns tests/fixtures --fail-on critical   (exit 1 expected: a scrape target is down on purpose)"
"$SHARK" inspect run --vulns tests/fixtures --fail-on critical || echo "(exit $? as asked by --fail-on)"
run inspect export --format html -O "$RUN_DIR/report.html"
run history
say "the state file holds no plaintext secret:"
if grep -a -q -e "$SHARK_T_S3_SECRET_KEY" -e "$SHARK_T_REDIS_PASSWORD" "$SHARK_STATE"* 2>/dev/null; then
  echo "FOUND a plaintext secret"; exit 1
else
  echo "ok: no secret in $SHARK_STATE"
fi
