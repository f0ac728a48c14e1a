#!/usr/bin/env bash
# Rule-matching throughput of `shark monitor` (SPEC §10: >= 500 MB/s per core) next to
# `grep -F -f` on the same file in the same run.
#
#   benches/monitor.sh [SIZE_MB]      (default 1024; the file is generated once and kept)
#
# The log is synthetic (timestamped INFO/DEBUG/WARN lines, ~1 in 1000 with one of the 50
# keywords, ~1 in 2000 with a regex hit). shark matches 5 rules = 50 keywords + 5 regexes
# (+ an exclude keyword per rule) on one core, in three modes: `block` (the detector over 64 MiB
# blocks), `batch` (what `monitor run` does: up to 1024 queued lines copied into one block and
# matched in one pass) and `line` (one Matcher::line call per line). grep gets the
# 50 keywords only (-F -f, no regexes), LC_ALL=C, output counted (-c), also one core.
set -euo pipefail
cd "$(dirname "$0")/.."
MB="${1:-1024}"
DIR="${BENCH_DIR:-target/bench-monitor}"
mkdir -p "$DIR"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}"
cargo build --release --locked --example monitor_bench >&2
BIN="$CARGO_TARGET_DIR/release/examples/monitor_bench"
LOG="$DIR/log-${MB}mb.txt"; KW="$DIR/keywords.txt"
[ -s "$LOG" ] && [ -s "$KW" ] || "$BIN" generate "$LOG" "$MB" "$KW"
cat "$LOG" > /dev/null   # page cache, for both tools alike
echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), nproc $(nproc)"
echo "file: $LOG ($(du -m "$LOG" | cut -f1) MB), $(wc -l < "$KW") keywords + 5 regexes"
taskset -c 0 "$BIN" match "$LOG" "$KW" 2>/dev/null || "$BIN" match "$LOG" "$KW"
bytes=$(stat -c %s "$LOG")
t0=$(date +%s.%N)
n=$(LC_ALL=C taskset -c 0 grep -c -F -f "$KW" "$LOG" 2>/dev/null || LC_ALL=C grep -c -F -f "$KW" "$LOG" || true)
t1=$(date +%s.%N)
awk -v b="$bytes" -v t0="$t0" -v t1="$t1" -v n="$n" \
  'BEGIN { s = t1 - t0; printf "{\"mode\":\"grep -F -f\",\"bytes\":%d,\"seconds\":%.3f,\"mb_per_s\":%.1f,\"matched_lines\":%d}\n", b, s, b / 1e6 / s, n }'
