#!/usr/bin/env bash
# Every `shark es-shards` verb against the project's fake 3-node cluster
# (tests/infra/fake-es-cluster.py; only python3 needed): an unbalanced cluster rebalanced with
# recovery progress and restored, failed allocations recovered, the four replication states,
# a replica mismatch found by verify, a node drained, a snapshot taken and restored.
# Point --url at a real cluster to try the same commands there.
set -euo pipefail
cd "$(dirname "$0")/.."
say() { printf '\n\033[1m$ %s\033[0m\n' "$*"; }

cargo build --locked
SHARK="${SHARK:-$PWD/target/debug/shark}"
DIR="$(mktemp -d)"
export SHARK_STATE="$DIR/shark.db"
python3 tests/infra/fake-es-cluster.py --port-file "$DIR/port" --scenario unbalanced --tick-ms 300 &
FAKE=$!
trap 'kill $FAKE; rm -rf "$DIR"' EXIT
while [ ! -s "$DIR/port" ]; do sleep 0.1; done
URL="http://127.0.0.1:$(cat "$DIR/port")"
scenario() { curl -fsS -XPOST "$URL/_fake/$1" -d "$2" >/dev/null; }
run() { say "shark $*"; "$SHARK" "$@" || echo "(exit $?)"; }

run conn add demo-es --kind elasticsearch --url "$URL"
run es-shards status
run es-shards rebalance --plan --dry-run
run es-shards rebalance --interval 500ms
run es-shards status
run es-shards rebalance --restore

scenario scenario '{"name":"failed"}'
run es-shards replication
run es-shards status
run es-shards recover --interval 500ms

scenario scenario '{"name":"replication"}'
run es-shards replication --fail-on degraded

scenario scenario '{"name":"green"}'
scenario mismatch '{"index":"logs","shard":1,"docs":90}'
run es-shards verify logs

scenario scenario '{"name":"drain"}'
run es-shards drain node-3 --interval 500ms
run es-shards undrain node-3

run es-shards snapshot create nightly --repo backups --location /mnt/es-backups --interval 500ms
run es-shards snapshot list --repo backups
run es-shards snapshot restore nightly --repo backups --rename-pattern '(.+)' --rename-replacement 'restored-$1' --interval 500ms
run es-shards ops
