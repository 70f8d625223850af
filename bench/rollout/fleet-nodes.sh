#!/usr/bin/env bash
# Local multi-node fleet: a centre (GN00) and N county nodes (GN01, GN02, …) from the built distribution,
# side by side on this machine, each with its own folder and free HTTP/SSH/RMI ports.
#
#   bench/rollout/fleet-nodes.sh start [-n N] [-p POLL_S] [-t HEALTH_S] [-d DIR]
#       unpacks karaf-assembly/target/hpf-office-*.tar.gz into DIR/GN00, DIR/GN01, … (demo data on, so the
#       console logins of the demo work), boots the centre with hpf-fleet-centre(-ui), generates its release
#       signing key and a token per county, then boots each county with hpf-fleet-agent(-ui) configured for the
#       centre (agents poll every POLL_S seconds, default 20; health timeout HEALTH_S, default 180)
#   bench/rollout/fleet-nodes.sh stop [-d DIR]          stops every node of DIR (bin/stop, killed after 30 s)
#   bench/rollout/fleet-nodes.sh status [-d DIR]        ports and answers of the nodes; the centre's hpf:fleet
#   bench/rollout/fleet-nodes.sh console NODE CMD… [-d DIR]  one console command on a node, as demo.central
#
# DIR defaults to run/fleet (ignored by git). Nodes keep running after the script ends; stop them with "stop".
# A second release to roll out can be made from the distribution with bench/rollout/make-release.py.
set -euo pipefail

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_ROOT=$(cd "$SCRIPT_DIR/../.." && pwd)
DIR="$REPO_ROOT/run/fleet"
COUNTIES=3
POLL=20
HEALTH=180
USER_NAME=demo.central
PASSWORD=Hpf@2026demo
START_TIMEOUT=300

log() { printf '[%(%H:%M:%S)T] %s\n' -1 "$*" >&2; }
die() { echo "ERROR: $*" >&2; exit 1; }
usage() { sed -n '2,19p' "$0" | sed 's/^# \{0,1\}//'; exit "${1:-0}"; }

[ $# -ge 1 ] || usage 2
ACTION=$1; shift
ARGS=()
while [ $# -gt 0 ]; do
  case "$1" in
    -n) COUNTIES=$2; shift 2 ;;
    -p) POLL=$2; shift 2 ;;
    -t) HEALTH=$2; shift 2 ;;
    -d) DIR=$(cd "$(dirname "$2")" && pwd)/$(basename "$2"); shift 2 ;;
    -h|--help) usage 0 ;;
    *) ARGS+=("$1"); shift ;;
  esac
done
[[ "$COUNTIES" =~ ^[1-8]$ ]] || die "-n takes 1 to 8 county nodes"

for tool in java curl tar python3; do command -v "$tool" >/dev/null || die "'$tool' not found on PATH"; done
JAVA_HOME=${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}
export JAVA_HOME
unset KARAF_HOME KARAF_BASE KARAF_DATA KARAF_ETC KARAF_OPTS || true
export EXTRA_JAVA_OPTS="${EXTRA_JAVA_OPTS:--Xms96m -Xmx512m}"

node_code() { printf 'GN%02d' "$1"; }

free_ports() { # N : N distinct ports free right now
  python3 - "$1" <<'PY'
import socket, sys
socks = []
for _ in range(int(sys.argv[1])):
    s = socket.socket(); s.bind(("127.0.0.1", 0)); socks.append(s)
print(" ".join(str(s.getsockname()[1]) for s in socks))
for s in socks: s.close()
PY
}

set_prop() { # file key value : sets "key = value", replacing a line of that key if there is one
  local f=$1 k=$2 v=$3 pattern
  pattern="^[#[:space:]]*$(printf '%s' "$k" | sed 's/[.[\*^$]/\\&/g')[[:space:]]*[=:]"
  if [ -f "$f" ] && grep -qE "$pattern" "$f"; then
    sed -i -E "s|${pattern}.*|${k} = ${v}|" "$f"
  else
    printf '%s = %s\n' "$k" "$v" >>"$f"
  fi
}

boot_features() { # home feature… : appends features to featuresBoot
  local home=$1; shift
  local list
  list=$(printf '%s, ' "$@")
  sed -i "s/^featuresBoot = \\\\\$/featuresBoot = \\\\\n    ${list}\\\\/" "$home/etc/org.apache.karaf.features.cfg"
}

unpack() { # code : a fresh node in $DIR/<code> with free ports, demo data, office code
  local code=$1 home="$DIR/$1" tarball ports
  tarball=$(ls "$REPO_ROOT"/karaf-assembly/target/hpf-office-*.tar.gz 2>/dev/null | head -1)
  [ -n "$tarball" ] || die "no karaf-assembly/target/hpf-office-*.tar.gz: build the distribution first (mvn -B -o install -DskipTests)"
  [ ! -e "$home" ] || die "$home exists: stop the nodes and remove $DIR first"
  mkdir -p "$home"
  tar -xzf "$tarball" -C "$home" --strip-components=1
  read -r http ssh rmir rmis < <(free_ports 4)
  set_prop "$home/etc/org.ops4j.pax.web.cfg" org.osgi.service.http.port "$http"
  set_prop "$home/etc/org.apache.karaf.shell.cfg" sshPort "$ssh"
  set_prop "$home/etc/org.apache.karaf.management.cfg" rmiRegistryPort "$rmir"
  set_prop "$home/etc/org.apache.karaf.management.cfg" rmiServerPort "$rmis"
  set_prop "$home/etc/cn.gannan.hpf.office.cfg" code "$code"
  set_prop "$home/etc/cn.gannan.hpf.office.cfg" demo true
  printf 'HTTP=%s\nSSH=%s\n' "$http" "$ssh" >"$home/ports.env"
}

port_of() { # code kind : HTTP or SSH port of a node
  sed -n "s/^$2=//p" "$DIR/$1/ports.env"
}

wait_up() { # code : until /hpf/ answers 200
  local code=$1 url deadline
  url="http://localhost:$(port_of "$code" HTTP)/hpf/"
  deadline=$((SECONDS + START_TIMEOUT))
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "$url" || true)" = 200 ]; do
    (( SECONDS < deadline )) || die "$code did not answer $url within $START_TIMEOUT s (see $DIR/$code/data/log/karaf.log)"
    sleep 2
  done
}

console() { # code command : output of one console command as demo.central
  local code=$1; shift
  printf '%s\n' "$*" | "$DIR/$code/bin/client" -a "$(port_of "$code" SSH)" -u "$USER_NAME" -p "$PASSWORD" -b 2>&1
}

console_until() { # code pattern command : repeats the command until its output matches (commands appear late)
  local code=$1 pattern=$2; shift 2
  local out deadline=$((SECONDS + 120))
  while :; do
    out=$(console "$code" "$@" || true)
    if grep -qE "$pattern" <<<"$out"; then printf '%s\n' "$out"; return 0; fi
    (( SECONDS < deadline )) || die "$code: '$*' did not answer as expected: $out"
    sleep 3
  done
}

start() {
  mkdir -p "$DIR"
  local centre; centre=$(node_code 0)
  log "unpacking the centre $centre and $COUNTIES county nodes into $DIR"
  unpack "$centre"
  boot_features "$DIR/$centre" hpf-fleet-centre hpf-fleet-centre-ui
  # the centre tells the agents how often to poll: the whole configuration, written before the feature writes its own
  cat >"$DIR/$centre/etc/cn.gannan.hpf.fleet.centre.cfg" <<CFG
keyDir = \${karaf.etc}/hpf-fleet
releasesDir = \${karaf.data}/fleet/releases
sources = \${karaf.home}/system
featuresRepository = mvn:cn.gannan.hpf/hpf-features/{version}/xml/features
pollSeconds = $POLL
staleAfterPolls = 3
CFG
  for i in $(seq 1 "$COUNTIES"); do
    unpack "$(node_code "$i")"
    boot_features "$DIR/$(node_code "$i")" hpf-fleet-agent hpf-fleet-agent-ui
  done

  log "starting the centre on http://localhost:$(port_of "$centre" HTTP)/"
  "$DIR/$centre/bin/start"
  wait_up "$centre"
  local keyout key
  keyout=$(console_until "$centre" "Public key:|No signing key" "hpf:release-keygen --show")
  if grep -q "No signing key" <<<"$keyout"; then
    keyout=$(console_until "$centre" "Public key:" "hpf:release-keygen")
  fi
  key=$(sed -n 's/^Public key: //p' <<<"$keyout" | tr -d '\r' | head -1)
  [ -n "$key" ] || die "no public key from the centre: $keyout"
  log "release signing key: $key"

  for i in $(seq 1 "$COUNTIES"); do
    local code token cfg
    code=$(node_code "$i")
    token=$(console_until "$centre" "^  hpf1\." "hpf:fleet-token $code" | sed -n 's/^  \(hpf1\.[^[:space:]]*\).*/\1/p' | tr -d '\r' | head -1)
    cfg="$DIR/$code/etc/cn.gannan.hpf.fleet.agent.cfg"
    {
      echo "centreUrl = http://localhost:$(port_of "$centre" HTTP)"
      echo ".token = $token"
      echo "publicKey = $key"
      echo "pollSeconds = $POLL"
      echo "healthTimeoutSeconds = $HEALTH"
    } >"$cfg"
    chmod 600 "$cfg"
    log "starting county $code on http://localhost:$(port_of "$code" HTTP)/"
    "$DIR/$code/bin/start"
    wait_up "$code"
  done
  log "all up; the fleet as the centre sees it (agents report within ${POLL} s):"
  status
}

stop_node() { # code
  local home="$DIR/$1" pid
  [ -f "$home/karaf.pid" ] || return 0
  pid=$(cat "$home/karaf.pid")
  if kill -0 "$pid" 2>/dev/null; then
    "$home/bin/stop" >/dev/null 2>&1 || true
    for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
    if kill -0 "$pid" 2>/dev/null; then log "$1 did not stop in 30 s: killing $pid"; kill -9 "$pid" || true; fi
  fi
  rm -f "$home/karaf.pid"
  log "$1 stopped"
}

stop() {
  [ -d "$DIR" ] || die "no nodes in $DIR"
  for home in "$DIR"/GN*; do stop_node "$(basename "$home")"; done
}

status() {
  [ -d "$DIR" ] || die "no nodes in $DIR"
  for home in "$DIR"/GN*; do
    local code http answer
    code=$(basename "$home"); http=$(port_of "$code" HTTP)
    answer=$(curl -s -o /dev/null -w '%{http_code}' "http://localhost:$http/hpf/" || true)
    printf '%-5s http://localhost:%-6s ssh %-6s /hpf/ -> %s\n' "$code" "$http/" "$(port_of "$code" SSH)" "$answer"
  done
  console GN00 "hpf:fleet" || true
}

case "$ACTION" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  console) [ ${#ARGS[@]} -ge 2 ] || usage 2; node=${ARGS[0]}; console "$node" "${ARGS[@]:1}" ;;
  *) usage 2 ;;
esac
