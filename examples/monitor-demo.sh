#!/usr/bin/env bash
# shark monitor against the project's test servers: the fake Kubernetes API (tests/infra),
# the fake Slack webhook and SeaweedFS S3. Follows prod pods labelled app=web, alerts on the
# rules in examples/monitor-rules.toml plus ERROR lines, archives every line, pushes a few
# lines, stops with SIGINT (exit 130 after the final flush) and lists/reads the archive.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --locked
SHARK="$PWD/${CARGO_TARGET_DIR:-target}/debug/shark"
RUN_DIR="${DEMO_DIR:-$PWD/target/monitor-demo}"
SHARK_INFRA_SKIP=mariadb,mongo,zookeeper,redis,prometheus,es,opensearch,es7,llm tests/infra/up.sh "$RUN_DIR/servers" >/dev/null
set -a; . "$RUN_DIR/servers/env"; set +a
export SHARK_STATE="$RUN_DIR/shark.db"
rm -f "$SHARK_STATE" "$SHARK_STATE"-wal "$SHARK_STATE"-shm "$SHARK_STATE.key"
run() { printf '\n\033[1m$ shark %s\033[0m\n' "$*"; "$SHARK" "$@"; }

run conn add k8s --kind kubernetes --kubeconfig "$SHARK_T_KUBECONFIG" --context fake
printf %s "$SHARK_T_SLACK_WEBHOOK" | run conn add alerts --kind slack --option channel=#ops --secret-stdin
printf %s "$SHARK_T_S3_SECRET_KEY" | run conn add archive --kind s3 --url "$SHARK_T_S3_ENDPOINT" \
  --bucket "$SHARK_T_S3_BUCKET" --user "$SHARK_T_S3_ACCESS_KEY" --secret-stdin
run monitor add web --kube k8s -n prod -l app=web --rules examples/monitor-rules.toml \
  --include ERROR --exclude healthz --group-window 5s --slack alerts \
  --archive archive --archive-prefix monitor-demo --archive-window 10m --archive-retention 30d
run monitor show web

"$SHARK" monitor run web & PID=$!
sleep 2
push() { curl -fsSk -X POST --data-binary "$2" "$SHARK_T_KUBE_CONTROL_URL/log/$1" >/dev/null; }
push prod/web-7d9f-abcde/app $'GET /orders 200\nERROR upstream timeout\npanic: nil map'
sleep 7
kill -INT "$PID"; wait "$PID" || echo "(exit $? after the final flush)"
run monitor show web
run monitor archive ls web
KEY=$("$SHARK" -o json monitor archive ls web | python3 -c 'import json,sys; print(json.load(sys.stdin)[-1]["key"])')
run monitor archive get web "$KEY"
# (servers stay up for the next run; stop them with tests/infra/down.sh "$RUN_DIR/servers")
