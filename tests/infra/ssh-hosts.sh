#!/usr/bin/env bash
# ssh-hosts.sh up DIR [N] | down DIR -- real OpenSSH hosts for `shark deploy` tests and benchmarks.
#
# `up` starts N (default 12) sshd hosts, each in its own network namespace joined to a private
# bridge, plus four hosts that fail in four different ways, and writes DIR/env (KEY=value):
#
#   h1..hN     $NET.(10+i):22  real sshd (own UTS namespace: `hostname` prints hI; own mount
#                              namespace: $SSH_PRIVATE_DIR is private per host, backed by DIR/hI/fs)
#   refused    $NET.200:22     namespace up, nothing listening   -> "Connection refused" at once
#   blackhole  $NET.201:22     SYN-ACKs dropped (blackhole route) -> connect() times out
#   stall      $NET.202:22     accepts TCP, never sends a banner  -> handshake times out
#   down       $NET.250:22     nobody on the bridge at that address -> "No route to host" (~3 s)
#
# DIR also gets: id_ed25519 (client key, authorised on every host for the current user),
# known_hosts (all hN keys), inventory.ini (Ansible INI: group `ok` = h1..hN, group `bad` = the four
# failing hosts), hosts.tsv (name ip kind), logs and pid files.
# Idempotent and safe to call from several test processes: it holds `flock DIR.lock`; when DIR/env
# exists with at least N hosts whose sshd is alive it only prints DIR/env.
# `down` stops the sshd processes, deletes the namespaces and the bridge. Nothing leaves the machine:
# the subnet exists only on the bridge and inside the namespaces created here.
#
# Needs root (namespaces, bridge); packages: tests/infra/install.sh ssh.
# Where network namespaces cannot be created, it falls back to loopback hosts (SSH_MODE=loopback in
# DIR/env, and says so): h1..hN on 127.0.1.(10+i):$SHARK_SSH_PORT, refused on 127.0.1.200, stall on
# 127.0.1.202, and no blackhole or down host (those need a network of their own). Per-host hostnames
# and private dirs still need `unshare --uts --mount` (CAP_SYS_ADMIN).
# Env: SHARK_SSH_NET (10.213.79), SHARK_SSH_PREFIX (shkd: namespace/bridge name prefix, <= 6 chars),
#      SSH_MODE (auto | netns | loopback), SHARK_SSH_PORT (loopback mode; 2222),
#      SSH_USER (current user), SSH_PRIVATE_DIR (/srv/shark-deploy).
set -euo pipefail

usage() { echo "usage: $0 up DIR [N] | down DIR" >&2; exit 2; }
[ $# -ge 2 ] || usage
ACTION="$1"; DIR="$(mkdir -p "$2" && cd "$2" && pwd)"; N="${3:-12}"
NET="${SHARK_SSH_NET:-10.213.79}"
PFX="${SHARK_SSH_PREFIX:-shkd}"
BR="${PFX}br0"
USER_NAME="${SSH_USER:-$(id -un)}"
PRIV="${SSH_PRIVATE_DIR:-/srv/shark-deploy}"
SSHD=/usr/sbin/sshd
log() { printf '[ssh-hosts] %s\n' "$*" >&2; }

exec 9>"$DIR.lock"
flock -w 600 9 || { log "could not lock $DIR.lock"; exit 1; }

stop_all() {
  for f in "$DIR"/*.pid; do
    [ -f "$f" ] || continue
    pid=$(cat "$f"); kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true; rm -f "$f"
  done
  # delete our veth ends first: a namespace's own devices are freed asynchronously after
  # `ip netns del`, and a quick restart would find the old names still taken
  if [ -f "$DIR/veths" ]; then
    while read -r v; do [ -n "$v" ] && ip link del "$v" 2>/dev/null || true; done < "$DIR/veths"
    rm -f "$DIR/veths"
  fi
  if [ -f "$DIR/namespaces" ]; then
    while read -r ns; do
      [ -n "$ns" ] || continue
      # anything still living in one of *our* namespaces (a command a test left behind)
      for p in $(ip netns pids "$ns" 2>/dev/null); do kill -9 "$p" 2>/dev/null || true; done
      ip netns del "$ns" 2>/dev/null || true
    done < "$DIR/namespaces"
    rm -f "$DIR/namespaces"
  fi
  if [ -f "$DIR/bridge" ]; then ip link del "$(cat "$DIR/bridge")" 2>/dev/null || true; rm -f "$DIR/bridge"; fi
  rm -f "$DIR/env"
}

alive() { # every recorded pid alive and at least N ok hosts
  [ -s "$DIR/env" ] || return 1
  [ ! -f "$DIR/bridge" ] || ip link show "$(cat "$DIR/bridge")" >/dev/null 2>&1 || return 1
  local have; have=$(grep -c $'\tok$' "$DIR/hosts.tsv" 2>/dev/null || echo 0)
  [ "$have" -ge "$N" ] || return 1
  for f in "$DIR"/*.pid; do [ -f "$f" ] && kill -0 "$(cat "$f")" 2>/dev/null || return 1; done
  return 0
}

case "$ACTION" in
  down) stop_all; log "stopped ($DIR)"; exit 0;;
  up) ;;
  *) usage;;
esac

if alive; then cat "$DIR/env"; exit 0; fi
stop_all

[ -x "$SSHD" ] || { log "$SSHD missing: run tests/infra/install.sh ssh"; exit 1; }
command -v ip >/dev/null || { log "ip (iproute2) missing: run tests/infra/install.sh ssh"; exit 1; }
MODE="${SSH_MODE:-auto}"
if [ "$MODE" = auto ]; then
  if ip netns add "$PFX-probe" 2>/dev/null; then
    ip netns del "$PFX-probe"; MODE=netns
  else
    MODE=loopback
  fi
fi
if [ "$MODE" = netns ]; then PORT=22; else PORT="${SHARK_SSH_PORT:-2222}"; fi
[ "$MODE" = netns ] || log "network namespaces unavailable (or SSH_MODE=loopback): loopback hosts on 127.0.1.x:$PORT, without the blackhole and down hosts"
if ! unshare --uts --mount --propagation private true 2>/dev/null; then
  log "unshare --uts --mount failed (needs root with CAP_SYS_ADMIN): each test host needs its own hostname and private dir"
  exit 1
fi
addr() { if [ "$MODE" = netns ]; then echo "$NET.$1"; else echo "127.0.1.$1"; fi; }
kh_addr() { if [ "$PORT" = 22 ]; then echo "$1"; else echo "[$1]:$PORT"; fi; }
in_ns() { # name cmd...: exec cmd in the host's namespace (netns mode) or here (loopback); called
  # as `in_ns ... &`, so the exec keeps $! the server's own pid (ip netns exec and unshare exec too)
  local n="$1"; shift
  if [ "$MODE" = netns ]; then exec ip netns exec "$PFX-$n" "$@"; else exec "$@"; fi
}
PY="$(python3 -c 'import sys; print(sys.executable)')"
mkdir -p /run/sshd "$PRIV"
t0=$(date +%s.%N)

[ -f "$DIR/id_ed25519" ] || ssh-keygen -q -t ed25519 -N '' -C shark-test-client -f "$DIR/id_ed25519"
cp "$DIR/id_ed25519.pub" "$DIR/authorized_keys"; chmod 600 "$DIR/authorized_keys"
: > "$DIR/known_hosts"; : > "$DIR/hosts.tsv"; : > "$DIR/namespaces"; : > "$DIR/veths"

if [ "$MODE" = netns ]; then
  if ip link show "$BR" >/dev/null 2>&1; then
    log "bridge $BR exists (another ssh-hosts.sh DIR?): stop it, or set SHARK_SSH_PREFIX and SHARK_SSH_NET"
    exit 1
  fi
  ip link add "$BR" type bridge
  echo "$BR" > "$DIR/bridge"
  ip addr add "$NET.1/24" dev "$BR"
  ip link set "$BR" up
fi

mkns() { # name ip idx: a namespace joined to the bridge (nothing in loopback mode)
  [ "$MODE" = netns ] || return 0
  local ns="$PFX-$1"
  ip netns add "$ns"; echo "$ns" >> "$DIR/namespaces"
  ip link add "${PFX}v$3" type veth peer name eth0 netns "$ns"
  echo "${PFX}v$3" >> "$DIR/veths"
  ip link set "${PFX}v$3" master "$BR" up
  ip -n "$ns" addr add "$2/24" dev eth0
  ip -n "$ns" link set lo up
  ip -n "$ns" link set eth0 up
}
add_host() { printf '%s\t%s\t%s\n' "$1" "$2" "$3" >> "$DIR/hosts.tsv"; }

for i in $(seq 1 "$N"); do
  name="h$i"; ip="$(addr $((10 + i)))"; hd="$DIR/$name"; mkdir -p "$hd/fs"
  mkns "$name" "$ip" "$i"
  [ -f "$hd/ssh_host_ed25519_key" ] || ssh-keygen -q -t ed25519 -N '' -C "$name" -f "$hd/ssh_host_ed25519_key"
  cat > "$hd/sshd_config" <<CFG
Port $PORT
ListenAddress $ip:$PORT
HostKey $hd/ssh_host_ed25519_key
PidFile none
AuthorizedKeysFile $DIR/authorized_keys
AllowUsers $USER_NAME
PermitRootLogin prohibit-password
PubkeyAuthentication yes
PasswordAuthentication no
KbdInteractiveAuthentication no
UsePAM no
StrictModes no
PrintMotd no
MaxStartups 200:30:400
MaxSessions 64
AcceptEnv LANG LC_*
Subsystem sftp internal-sftp
LogLevel VERBOSE
CFG
  in_ns "$name" unshare --uts --mount --propagation private /bin/sh -c \
    "hostname $name && mount --bind $hd/fs $PRIV && exec $SSHD -D -e -f $hd/sshd_config" \
    > "$hd/sshd.log" 2>&1 9>&- &
  echo $! > "$DIR/$name.pid"
  echo "$(kh_addr "$ip") $(cut -d' ' -f1,2 "$hd/ssh_host_ed25519_key.pub")" >> "$DIR/known_hosts"
  add_host "$name" "$ip" ok
done

mkns refused "$(addr 200)" 200; add_host refused "$(addr 200)" refused
mkns stall "$(addr 202)" 202
in_ns stall "$PY" -c '
import socket, sys
s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind((sys.argv[1], int(sys.argv[2]))); s.listen(128); held = []
while True:
    c, _ = s.accept(); held.append(c)
' "$(addr 202)" "$PORT" > "$DIR/stall.log" 2>&1 9>&- &
echo $! > "$DIR/stall.pid"; add_host stall "$(addr 202)" stall
if [ "$MODE" = netns ]; then
  mkns blackhole "$NET.201" 201
  ip -n "$PFX-blackhole" route add blackhole "$NET.1/32"
  add_host blackhole "$NET.201" blackhole
  add_host down "$NET.250" down
fi

{
  echo "# written by tests/infra/ssh-hosts.sh"
  echo "[ok]"
  for i in $(seq 1 "$N"); do echo "h$i ansible_host=$(addr $((10 + i))) tags=n$i"; done
  echo; echo "[bad]"
  awk -F'\t' '$3 != "ok" {print $1 " ansible_host=" $2}' "$DIR/hosts.tsv"
  echo; echo "[all:vars]"
  echo "ansible_user=$USER_NAME"
  echo "ansible_port=$PORT"
  echo "ansible_ssh_private_key_file=$DIR/id_ed25519"
} > "$DIR/inventory.ini"

for i in $(seq 1 "$N"); do
  ip="$(addr $((10 + i)))"; ok=0
  for _ in $(seq 1 200); do
    if timeout 1 bash -c "exec 3<>/dev/tcp/$ip/$PORT && head -c 4 <&3" 2>/dev/null | grep -q SSH-; then ok=1; break; fi
    sleep 0.05
  done
  [ $ok = 1 ] || { log "h$i ($ip) did not come up; see $DIR/h$i/sshd.log"; stop_all; exit 1; }
done
cat > "$DIR/env" <<ENV
SSH_HOSTS_DIR=$DIR
SSH_HOSTS_N=$N
SSH_KEY=$DIR/id_ed25519
SSH_KNOWN_HOSTS=$DIR/known_hosts
SSH_INVENTORY=$DIR/inventory.ini
SSH_USER=$USER_NAME
SSH_PRIVATE_DIR=$PRIV
SSH_NET=$NET
SSH_MODE=$MODE
SSH_PORT=$PORT
ENV
awk -v a="$t0" -v b="$(date +%s.%N)" -v n="$N" 'BEGIN{printf "[ssh-hosts] %d hosts ready in %.2f s\n", n, b-a}' >&2
cat "$DIR/env"
