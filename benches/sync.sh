#!/usr/bin/env bash
# benches/sync.sh -- the `shark sync` benchmark of issues 3 and 11 / SPEC §10, start to finish:
# builds the release binary, starts MariaDB + SecantusDB (tests/infra/up.sh, only those two), runs
# `cargo bench --bench sync` (benches/sync.rs: full copy rows/s and binlog events/s on a generated
# 1M-row table next to the raw read / raw write / raw upsert / decode-only limits of the same run,
# peak RSS, and the CDC lag p95 of a follower under a paced single-row writer) and stops the servers
# again, whatever happened. Run by hand; takes several minutes.
#
#   benches/sync.sh
#   SHARK_BENCH_ROWS=200000 SHARK_BENCH_UPDATES=50000 benches/sync.sh   # a quicker smaller run
#
# The sink: SPEC §10 numbers are measured against secantusd-rs (the Rust SecantusDB). It is used
# when it is built (tests/infra/install-secantusd-rs.sh puts it in ~/.cache/shark-bench/secantus-rs;
# SHARK_SECANTUS_RS_BIN or SHARK_SECANTUS_RS_ROOT point elsewhere); otherwise the run falls back to
# the Python secantusd-py of tests/infra/install.sh and says so. SHARK_MONGO_IMPL=rs insists on
# secantusd-rs (and builds it first when missing: ~11 min); SHARK_MONGO_IMPL=py measures the
# Python one on purpose. The output names the sink it measured and the machine's load.
#
# Env: SHARK_BENCH_INFRA run directory for the servers (default target/bench-infra);
#      SHARK_KEEP_INFRA=1 leaves them running (tests/infra/down.sh DIR stops them);
#      the SHARK_BENCH_* knobs of benches/sync.rs (rows, updates, lag rate and duration).
set -euo pipefail
cd "$(dirname "$0")/.."

DIR="${SHARK_BENCH_INFRA:-$PWD/target/bench-infra}"
export SHARK_BENCH_INFRA="$DIR"

IMPL="$(echo "${SHARK_MONGO_IMPL:-auto}" | tr 'A-Z' 'a-z')"
case "$IMPL" in
  rs|rust)
    IMPL=rs
    if [ -z "${SHARK_SECANTUS_RS_BIN:-}" ]; then
      SHARK_SECANTUS_RS_BIN="$(tests/infra/install-secantusd-rs.sh)"
    fi;;
  auto)
    if [ -n "${SHARK_SECANTUS_RS_BIN:-}" ] && [ -x "$SHARK_SECANTUS_RS_BIN" ]; then
      IMPL=rs
    elif bin="$(SHARK_SECANTUS_RS_CHECK=1 tests/infra/install-secantusd-rs.sh 2>/dev/null)"; then
      IMPL=rs; SHARK_SECANTUS_RS_BIN="$bin"
    else
      IMPL=py
      echo "benches/sync.sh: NOTE: secantusd-rs is not built; measuring the Python SecantusDB" \
           "(secantusd-py, several times slower: not the SPEC §10 sink)." \
           "Build it once with tests/infra/install-secantusd-rs.sh (~11 min)." >&2
    fi;;
  py|python) IMPL=py;;
  *) echo "SHARK_MONGO_IMPL: unknown '$IMPL' (rs, py or auto)" >&2; exit 2;;
esac
export SHARK_MONGO_IMPL="$IMPL"
if [ "$IMPL" = rs ]; then
  export SHARK_SECANTUS_RS_BIN
  echo "benches/sync.sh: sink = secantusd-rs ($SHARK_SECANTUS_RS_BIN)" >&2
else
  echo "benches/sync.sh: sink = secantusd-py" >&2
fi

cargo build --release --locked
if [ "${SHARK_KEEP_INFRA:-0}" != 1 ]; then
  trap 'tests/infra/down.sh "$DIR" >/dev/null 2>&1 || true' EXIT
fi
SHARK_INFRA_SKIP=zookeeper,redis,prometheus,s3,es,opensearch,es7,llm tests/infra/up.sh "$DIR" >/dev/null
cargo bench --locked --bench sync
