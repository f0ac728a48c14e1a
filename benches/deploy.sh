#!/usr/bin/env bash
# benches/deploy.sh [N] [ROUNDS] -- by hand, not in tests: N real sshd hosts (default 24, in network
# namespaces via tests/infra/ssh-hosts.sh) x one command (`uptime`), wall-clock time of
#   shark deploy run   (release build; one ControlMaster per host, native mux)
#   parallel-ssh       (Debian pssh: `apt-get install pssh`)
#   ansible -m shell   (PyPI ansible-core; set ANSIBLE=/path/to/ansible, default: first on PATH
#                       or /opt/shark-bench-venv/bin/ansible)
# each ROUNDS times (default 3), cold every time (no connection reused between rounds), all with
# the same parallelism (N). Prints one line per run and the median per tool; stops the hosts.
# Needs root. Env: SHARK_BENCH_DIR (default /tmp/shark-bench-ssh), SHARK_BIN (a shark binary to use
# instead of building target/release/shark).
set -euo pipefail
cd "$(dirname "$0")/.."
N="${1:-24}"; ROUNDS="${2:-3}"
DIR="${SHARK_BENCH_DIR:-/tmp/shark-bench-ssh}"
# own namespace prefix and subnet, so the bench never collides with the test hosts
export SHARK_SSH_PREFIX="${SHARK_SSH_PREFIX:-shkb}" SHARK_SSH_NET="${SHARK_SSH_NET:-10.213.80}"
ANSIBLE="${ANSIBLE:-$(command -v ansible || echo /opt/shark-bench-venv/bin/ansible)}"
PSSH="$(command -v parallel-ssh || command -v pssh || true)"

if [ -n "${SHARK_BIN:-}" ]; then SHARK="$SHARK_BIN"
else cargo build --release --quiet; SHARK="$PWD/target/release/shark"; fi
trap 'tests/infra/ssh-hosts.sh down "$DIR" >/dev/null 2>&1 || true' EXIT
tests/infra/ssh-hosts.sh up "$DIR" "$N" >/dev/null
# shellcheck disable=SC1091
. "$DIR/env"
WORK="$(mktemp -d /tmp/shark-bench.XXXXXX)"
awk -F'\t' -v u="$SSH_USER" '$3 == "ok" {print u "@" $2}' "$DIR/hosts.tsv" > "$WORK/pssh-hosts"
{ echo "[ok]"; awk -F'\t' '$3 == "ok" {print $1 " ansible_host=" $2}' "$DIR/hosts.tsv"; } > "$WORK/ansible.ini"
SSH_OPTS="-o UserKnownHostsFile=$SSH_KNOWN_HOSTS -o GlobalKnownHostsFile=/dev/null -o StrictHostKeyChecking=yes -o BatchMode=yes -o IdentitiesOnly=yes"

now() { date +%s.%N; }
declare -A TIMES
run() { # tool cmd...
  local tool="$1"; shift
  local t0 t1 rc=0
  t0=$(now)
  "$@" > "$WORK/$tool.out" 2>&1 || rc=$?
  t1=$(now)
  local secs; secs=$(awk -v a="$t0" -v b="$t1" 'BEGIN{printf "%.2f", b-a}')
  local oks; oks=$(grep -c "load average" "$WORK/$tool.out" || true)
  printf '%-8s %6ss  exit %d  %d/%d hosts answered\n' "$tool" "$secs" "$rc" "$oks" "$N"
  TIMES[$tool]="${TIMES[$tool]:-} $secs"
}

for r in $(seq 1 "$ROUNDS"); do
  echo "-- round $r ($N hosts)"
  rm -f "$WORK/state.db"*
  run shark "$SHARK" --state "$WORK/state.db" deploy run -i "$SSH_INVENTORY" --hosts ok \
    --known-hosts "$SSH_KNOWN_HOSTS" --parallel "$N" --command uptime
  if [ -n "$PSSH" ]; then
    run pssh "$PSSH" -h "$WORK/pssh-hosts" -p "$N" -t 60 -i -x "-i $SSH_KEY $SSH_OPTS" uptime
  fi
  if [ -x "$ANSIBLE" ]; then
    rm -rf "$WORK/cp"; mkdir -p "$WORK/cp"
    ANSIBLE_SSH_CONTROL_PATH_DIR="$WORK/cp" ANSIBLE_HOST_KEY_CHECKING=True ANSIBLE_SSH_ARGS="-C -o ControlMaster=auto -o ControlPersist=60s $SSH_OPTS" \
      ANSIBLE_PRIVATE_KEY_FILE="$SSH_KEY" ANSIBLE_PYTHON_INTERPRETER=/usr/bin/python3 ANSIBLE_NOCOLOR=1 \
      ANSIBLE_LOCALHOST_WARNING=False ANSIBLE_DEPRECATION_WARNINGS=False \
      run ansible "$ANSIBLE" ok -i "$WORK/ansible.ini" -u "$SSH_USER" -f "$N" -m shell -a uptime
  fi
done
echo "-- median of $ROUNDS rounds, $N hosts x uptime"
for tool in shark pssh ansible; do
  [ -n "${TIMES[$tool]:-}" ] || { echo "$tool: not installed, skipped"; continue; }
  # shellcheck disable=SC2086
  printf '%-8s %ss\n' "$tool" "$(printf '%s\n' ${TIMES[$tool]} | sort -n | awk '{a[NR]=$1} END{print a[int((NR+1)/2)]}')"
done
rm -rf "$WORK"
