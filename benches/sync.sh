#!/usr/bin/env bash
# benches/sync.sh -- the `shark sync` benchmark of issue 3 / SPEC §10, start to finish: builds the
# release binary, starts MariaDB + SecantusDB (tests/infra/up.sh, only those two), runs
# `cargo bench --bench sync` (benches/sync.rs: full copy rows/s and binlog events/s on a generated
# 1M-row table next to the raw read / raw write / decode-only limits of the same run) and stops the
# servers again, whatever happened. Run by hand; takes several minutes (SecantusDB is a Python server).
#
#   benches/sync.sh
#   SHARK_BENCH_ROWS=100000 SHARK_BENCH_UPDATES=20000 benches/sync.sh   # a quick smaller run
#
# Env: SHARK_BENCH_INFRA run directory for the servers (default target/bench-infra);
#      SHARK_KEEP_INFRA=1 leaves them running (tests/infra/down.sh DIR stops them).
set -euo pipefail
cd "$(dirname "$0")/.."

DIR="${SHARK_BENCH_INFRA:-$PWD/target/bench-infra}"
export SHARK_BENCH_INFRA="$DIR"

cargo build --release --locked
if [ "${SHARK_KEEP_INFRA:-0}" != 1 ]; then
  trap 'tests/infra/down.sh "$DIR" >/dev/null 2>&1 || true' EXIT
fi
SHARK_INFRA_SKIP=zookeeper,redis,prometheus,s3,es,llm tests/infra/up.sh "$DIR" >/dev/null
cargo bench --locked --bench sync
