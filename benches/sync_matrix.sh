#!/usr/bin/env bash
# benches/sync_matrix.sh -- the `shark sync` matrix benchmark of issue 12, start to finish: builds
# the release binary, starts the MariaDB instances (source + target) and osmem-server
# (tests/infra/up.sh, nothing else) under their own run directory, runs `cargo bench --bench
# sync_matrix` (benches/sync_matrix.rs: full-copy rows/s of MySQL → ES, MySQL → MySQL, ES → MySQL
# and ES → ES next to the raw read of each source and the raw write of each sink measured in the
# same run, with ratios and PASS/MISS against 80 %; binlog CDC events/s into ES and MySQL; the
# commit-to-visible lag of a follower into each under a paced single-row writer; peak RSS) and
# stops the servers again, whatever happened. Run by hand; takes a few minutes.
#
#   benches/sync_matrix.sh
#   SHARK_BENCH_ROWS=100000 SHARK_BENCH_LAG_SECS=10 benches/sync_matrix.sh   # a quicker run
#
# Env: SHARK_BENCH_INFRA run directory for the servers (default target/bench-matrix-infra);
#      SHARK_KEEP_INFRA=1 leaves them running (tests/infra/down.sh DIR stops them);
#      SHARK_BENCH_ROWS (200000), SHARK_BENCH_UPDATES (= rows), SHARK_BENCH_LAG_RATE (500/s),
#      SHARK_BENCH_LAG_SECS (20; 0 skips the lag step), SHARK_BENCH_SHARK (binary to time).
set -euo pipefail
cd "$(dirname "$0")/.."

DIR="${SHARK_BENCH_INFRA:-$PWD/target/bench-matrix-infra}"
export SHARK_BENCH_INFRA="$DIR"
# only MariaDB (its up.sh instances: source, statement-binlog, target) and osmem-server
SKIP=mongo,zookeeper,redis,prometheus,s3,opensearch,es7,llm,slack,kube

cargo build --release --locked
if [ "${SHARK_KEEP_INFRA:-0}" != 1 ]; then
  trap 'tests/infra/down.sh "$DIR" >/dev/null 2>&1 || true' EXIT
fi
SHARK_INFRA_SKIP="$SKIP" tests/infra/up.sh "$DIR" >/dev/null
cargo bench --locked --bench sync_matrix
