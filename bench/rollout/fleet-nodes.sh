#!/usr/bin/env bash
# Local multi-node fleet: a centre (GN00) and N county nodes (GN01, GN02, …) from the built distribution,
# side by side on this machine, each with its own folder and free HTTP/SSH/RMI ports.
#
#   bench/rollout/fleet-nodes.sh start [-n N] [-p POLL_S] [-t HEALTH_S] [-d DIR] [-z DIST]
#       unpacks the distribution DIST (.tar.gz or .zip; default karaf-assembly/target/hpf-office-*.tar.gz) into
#       DIR/GN00, DIR/GN01, … (demo data on, so the console logins of the demo work), boots the centre with
#       hpf-fleet-centre(-ui), generates its release signing key and a token per county, then boots the counties
#       with hpf-fleet-agent(-ui) configured for the centre (agents poll every POLL_S seconds, default 20, at
#       least 10; health timeout HEALTH_S, default 180). Each county reaches the centre through its own link
#       (link.py, a TCP relay) that "link" cuts and restores. A node whose first boot hangs is started once more
#       from a clean data folder.
#   bench/rollout/fleet-nodes.sh stop [-d DIR]          stops every node and link of DIR (bin/stop, killed after 30 s)
#   bench/rollout/fleet-nodes.sh status [-d DIR]        ports, links and answers of the nodes; the centre's hpf:fleet
#   bench/rollout/fleet-nodes.sh console NODE CMD… [-d DIR]  one console command on a node, as demo.central
#   bench/rollout/fleet-nodes.sh link NODE down|up [-d DIR]  cuts a county off the centre, or brings the link back;
#       the county keeps running and serving its staff meanwhile
#
# DIR defaults to run/fleet (ignored by git). Nodes keep running after the script ends; stop them with "stop".
# A second release to roll out can be made from the distribution with bench/rollout/make-release.py.
set -euo pipefail

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_ROOT=$(cd "$SCRIPT_DIR/../.." && pwd)
DIR="$REPO_ROOT/run/fleet"
DIST=
COUNTIES=3
POLL=20
HEALTH=180
USER_NAME=demo.central
PASSWORD=Hpf@2026demo
START_TIMEOUT=${HPF_START_TIMEOUT:-240}

log() { printf '[%(%H:%M:%S)T] %s\n' -1 "$*" >&2; }
die() { echo "ERROR: $*" >&2; exit 1; }
usage() { sed -n '2,20p' "$0" | sed 's/^# \{0,1\}//'; exit "${1:-0}"; }

[ $# -ge 1 ] || usage 2
ACTION=$1; shift
ARGS=()
while [ $# -gt 0 ]; do
  case "$1" in
    -n) COUNTIES=$2; shift 2 ;;
    -p) POLL=$2; shift 2 ;;
    -t) HEALTH=$2; shift 2 ;;
    -d) DIR=$(cd "$(dirname "$2")" && pwd)/$(basename "$2"); shift 2 ;;
    -z) DIST=$2; shift 2 ;;
    -h|--help) usage 0 ;;
    *) ARGS+=("$1"); shift ;;
  esac
done
[[ "$COUNTIES" =~ ^[1-8]$ ]] || die "-n takes 1 to 8 county nodes"
[[ "$POLL" =~ ^[0-9]+$ ]] && (( POLL >= 10 )) || die "-p takes a poll interval of at least 10 s"

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

distribution() { # the archive to unpack
  if [ -n "$DIST" ]; then
    [ -f "$DIST" ] || die "no distribution $DIST"
    echo "$DIST"
    return
  fi
  local tarball
  tarball=$(ls "$REPO_ROOT"/karaf-assembly/target/hpf-office-*.tar.gz 2>/dev/null | head -1)
  [ -n "$tarball" ] || die "no karaf-assembly/target/hpf-office-*.tar.gz: build the distribution first (mvn -B -o install -DskipTests)"
  echo "$tarball"
}

extract() { # archive home : the archive's one top folder becomes home
  case "$1" in
    *.zip) python3 - "$1" "$2" <<'PY'
import os, sys, zipfile
archive, home = sys.argv[1], sys.argv[2]
with zipfile.ZipFile(archive) as z:
    for info in z.infolist():
        rel = info.filename.split('/', 1)[1] if '/' in info.filename else ''
        if not rel or info.is_dir():
            continue
        out = os.path.join(home, rel)
        os.makedirs(os.path.dirname(out), exist_ok=True)
        with z.open(info) as src, open(out, 'wb') as dst:
            dst.write(src.read())
        if rel.startswith('bin/') and not rel.endswith('.bat'):
            os.chmod(out, 0o755)
PY
      ;;
    *) tar -xzf "$1" -C "$2" --strip-components=1 ;;
  esac
}

unpack() { # code : a fresh node in $DIR/<code> with free ports, demo data, office code
  local code=$1 home="$DIR/$1"
  [ ! -e "$home" ] || die "$home exists: stop the nodes and remove $DIR first"
  mkdir -p "$home"
  extract "$(distribution)" "$home"
  read -r http ssh rmir rmis link < <(free_ports 5)
  set_prop "$home/etc/org.ops4j.pax.web.cfg" org.osgi.service.http.port "$http"
  set_prop "$home/etc/org.apache.karaf.shell.cfg" sshPort "$ssh"
  set_prop "$home/etc/org.apache.karaf.management.cfg" rmiRegistryPort "$rmir"
  set_prop "$home/etc/org.apache.karaf.management.cfg" rmiServerPort "$rmis"
  set_prop "$home/etc/cn.gannan.hpf.office.cfg" code "$code"
  set_prop "$home/etc/cn.gannan.hpf.office.cfg" demo true
  printf 'HTTP=%s\nSSH=%s\nLINK=%s\n' "$http" "$ssh" "$link" >"$home/ports.env"
}

port_of() { # code kind : HTTP, SSH or LINK port of a node
  sed -n "s/^$2=//p" "$DIR/$1/ports.env"
}

answers() { # code : HTTP status of the node's /hpf/
  curl -s -o /dev/null -m 10 -w '%{http_code}' "http://localhost:$(port_of "$1" HTTP)/hpf/" || true
}

wait_up() { # code : 0 once /hpf/ answers 200, 1 after START_TIMEOUT s
  local code=$1 deadline=$((SECONDS + START_TIMEOUT))
  until [ "$(answers "$code")" = 200 ]; do
    (( SECONDS < deadline )) || return 1
    sleep 2
  done
}

first_boot() { # code : starts a fresh node; a hung first boot is dumped, and started again from a clean data folder
  local code=$1 home="$DIR/$1"
  "$home/bin/start"
  wait_up "$code" && return 0
  log "$code did not answer within $START_TIMEOUT s: thread dump in $home/first-boot-hang-threads.txt; starting it once more"
  local pid; pid=$(cat "$home/karaf.pid" 2>/dev/null || true)
  [ -n "$pid" ] && "$JAVA_HOME/bin/jcmd" "$pid" Thread.print >"$home/first-boot-hang-threads.txt" 2>&1 || true
  [ -n "$pid" ] && kill -9 "$pid" 2>/dev/null || true
  rm -rf "$home/data" "$home/karaf.pid"
  "$home/bin/start"
  wait_up "$code" || die "$code did not answer within $START_TIMEOUT s twice (see $home/data/log/karaf.log)"
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

link_up() { # code : the county's relay to the centre, on its own port
  local code=$1 home="$DIR/$1"
  link_alive "$code" && return 0
  nohup python3 "$SCRIPT_DIR/link.py" "$(port_of "$code" LINK)" "$(port_of GN00 HTTP)" >>"$home/link.log" 2>&1 </dev/null &
  echo $! >"$home/link.pid"
  for _ in $(seq 1 50); do
    python3 -c "import socket,sys; socket.create_connection(('127.0.0.1', int(sys.argv[1])), 1).close()" "$(port_of "$code" LINK)" 2>/dev/null && return 0
    sleep 0.1
  done
  die "the link of $code did not open port $(port_of "$code" LINK)"
}

link_alive() { # code
  local pid
  pid=$(cat "$DIR/$1/link.pid" 2>/dev/null || true)
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null
}

link_down() { # code
  local pid
  pid=$(cat "$DIR/$1/link.pid" 2>/dev/null || true)
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    kill "$pid"
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  fi
  rm -f "$DIR/$1/link.pid"
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
  first_boot "$centre"
  local keyout key
  keyout=$(console_until "$centre" "Public key:|No signing key" "hpf:release-keygen --show")
  if grep -q "No signing key" <<<"$keyout"; then
    keyout=$(console_until "$centre" "Public key:" "hpf:release-keygen")
  fi
  key=$(sed -n 's/^Public key: //p' <<<"$keyout" | tr -d '\r' | head -1)
  [ -n "$key" ] || die "no public key from the centre: $keyout"
  log "release signing key: $key"

  local codes=()
  for i in $(seq 1 "$COUNTIES"); do
    local code token cfg
    code=$(node_code "$i")
    codes+=("$code")
    token=$(console_until "$centre" "^  hpf1\." "hpf:fleet-token $code" | sed -n 's/^  \(hpf1\.[^[:space:]]*\).*/\1/p' | tr -d '\r' | head -1)
    cfg="$DIR/$code/etc/cn.gannan.hpf.fleet.agent.cfg"
    {
      echo "centreUrl = http://localhost:$(port_of "$code" LINK)"
      echo ".token = $token"
      echo "publicKey = $key"
      echo "pollSeconds = $POLL"
      echo "healthTimeoutSeconds = $HEALTH"
    } >"$cfg"
    chmod 600 "$cfg"
    link_up "$code"
  done
  # the counties boot side by side; each is waited for (and started again if its first boot hangs) in parallel
  log "starting the counties ${codes[*]}"
  local pids=() failed=0
  for code in "${codes[@]}"; do
    first_boot "$code" &
    pids+=($!)
  done
  for pid in "${pids[@]}"; do wait "$pid" || failed=1; done
  (( failed == 0 )) || die "not every county came up"
  for code in "${codes[@]}"; do log "county $code on http://localhost:$(port_of "$code" HTTP)/"; done
  log "all up; the fleet as the centre sees it (agents report within ${POLL} s):"
  status
}

stop_node() { # code
  local home="$DIR/$1" pid
  link_down "$1"
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
  local pids=()
  for home in "$DIR"/GN*; do stop_node "$(basename "$home")" & pids+=($!); done
  for pid in "${pids[@]}"; do wait "$pid" || true; done
}

status() {
  [ -d "$DIR" ] || die "no nodes in $DIR"
  for home in "$DIR"/GN*; do
    local code link=""
    code=$(basename "$home")
    if [ "$code" != GN00 ]; then
      if link_alive "$code"; then link="link up"; else link="link DOWN"; fi
    fi
    printf '%-5s http://localhost:%-6s ssh %-6s /hpf/ -> %s  %s\n' "$code" "$(port_of "$code" HTTP)/" "$(port_of "$code" SSH)" \
      "$(answers "$code")" "$link"
  done
  console GN00 "hpf:fleet" || true
}

link() { # code down|up
  local code=$1
  [ "$code" != GN00 ] && [ -f "$DIR/$code/ports.env" ] || die "no county $code in $DIR"
  case "$2" in
    down) link_down "$code"; log "$code is cut off the centre" ;;
    up) link_up "$code"; log "$code reaches the centre again" ;;
    *) usage 2 ;;
  esac
}

case "$ACTION" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  console) [ ${#ARGS[@]} -ge 2 ] || usage 2; node=${ARGS[0]}; console "$node" "${ARGS[@]:1}" ;;
  link) [ ${#ARGS[@]} -eq 2 ] || usage 2; link "${ARGS[0]}" "${ARGS[1]}" ;;
  *) usage 2 ;;
esac
