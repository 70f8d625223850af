#!/usr/bin/env bash
# Startup benchmark: HPF office distribution vs. stock Karaf 4.4.10 + Pax Web + Vaadin 8.14.3.
#
# For each distribution and each run: unpack a fresh copy into a temp dir, give it free ports,
# start `bin/karaf server`, measure wall time from process start until the page is served
# (cold start = first start of a freshly unpacked distribution, feature resolution included),
# wait for things to settle, read VmRSS of the Karaf java process, stop it.
#
#   hpf-office : GET /hpf/ -> 200 with HTML (the login page)
#   stock      : GET /vaadin-8.14.3/VAADIN/themes/valo/styles.css -> 200 (served by vaadin-shared)
#
# Usage: bench/startup/run.sh [-n RUNS] [-w] [-s SETTLE_S] [-p BASE_PORT] [-b] [-d] [-k]
#   -n RUNS      runs per distribution (default 3)
#   -w           also measure a second (warm) start of each unpacked copy
#   -s SECONDS   settle time before reading RSS (default 10)
#   -p PORT      first port to try for the HTTP/SSH/RMI ports (default 8481)
#   -b           build the HPF distribution (mvn -B -q -o install -DskipTests) if it is missing
#   -d           start HPF in demo mode (etc/cn.gannan.hpf.office.cfg demo = true); default: as shipped
#   -k           keep the temp dir (logs) after the run
set -euo pipefail

RUNS=3; WARM=0; SETTLE=10; BASE_PORT=8481; BUILD=0; DEMO=0; KEEP=0
TIMEOUT=180          # seconds per start
STOP_TIMEOUT=30      # seconds to wait for bin/stop before killing
KARAF_VERSION=4.4.10
VAADIN_VERSION=8.14.3

usage() { sed -n '2,22p' "$0" | sed 's/^# \{0,1\}//'; exit "${1:-0}"; }
while getopts "n:ws:p:bdkh" opt; do
  case "$opt" in
    n) RUNS=$OPTARG ;; w) WARM=1 ;; s) SETTLE=$OPTARG ;; p) BASE_PORT=$OPTARG ;;
    b) BUILD=1 ;; d) DEMO=1 ;; k) KEEP=1 ;; h) usage 0 ;; *) usage 2 ;;
  esac
done
[[ "$RUNS" =~ ^[1-9][0-9]*$ ]] || { echo "-n needs a positive integer" >&2; exit 2; }

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_ROOT=$(cd "$SCRIPT_DIR/../.." && pwd)
CACHE_DIR="$SCRIPT_DIR/.cache"
M2_REPO="${M2_REPO:-$HOME/.m2/repository}"

log() { printf '[%(%H:%M:%S)T] %s\n' -1 "$*" >&2; }
die() { echo "ERROR: $*" >&2; exit 1; }

for tool in java curl tar python3; do command -v "$tool" >/dev/null || die "'$tool' not found on PATH"; done
JAVA_HOME=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")
export JAVA_HOME
unset KARAF_HOME KARAF_BASE KARAF_DATA KARAF_ETC KARAF_OPTS EXTRA_JAVA_OPTS || true

# ---------------------------------------------------------------- inputs
find_hpf_tgz() { ls -1 "$REPO_ROOT"/karaf-assembly/target/hpf-office-*.tar.gz 2>/dev/null | head -1; }
HPF_TGZ=$(find_hpf_tgz || true)
if [[ -z "$HPF_TGZ" ]]; then
  if (( BUILD )); then
    log "HPF distribution missing; building (mvn -B -q -o install -DskipTests)"
    (cd "$REPO_ROOT" && mvn -B -q -o install -DskipTests) || die "build failed"
    HPF_TGZ=$(find_hpf_tgz || true)
  fi
  [[ -n "$HPF_TGZ" ]] || die "no karaf-assembly/target/hpf-office-*.tar.gz; build it first: (cd $REPO_ROOT && mvn -B -q -o install -DskipTests) or rerun with -b"
fi

STOCK_TGZ="$M2_REPO/org/apache/karaf/apache-karaf/$KARAF_VERSION/apache-karaf-$KARAF_VERSION.tar.gz"
if [[ ! -f "$STOCK_TGZ" ]]; then
  STOCK_TGZ="$CACHE_DIR/apache-karaf-$KARAF_VERSION.tar.gz"
  if [[ ! -f "$STOCK_TGZ" ]]; then
    log "downloading stock apache-karaf $KARAF_VERSION tar.gz from Maven Central into $CACHE_DIR"
    mkdir -p "$CACHE_DIR"
    (cd "$CACHE_DIR" && mvn -B -q dependency:copy \
        -Dartifact=org.apache.karaf:apache-karaf:$KARAF_VERSION:tar.gz -DoutputDirectory="$CACHE_DIR") \
      || die "could not fetch org.apache.karaf:apache-karaf:$KARAF_VERSION:tar.gz"
  fi
fi

# The baseline resolves everything from the local Maven repository (no remote repos), so the
# artifacts it needs must be there (the HPF build puts them there).  Fetch any that are missing.
ensure_artifact() { # g:a:v[:type[:classifier]]  relpath
  local coords=$1 rel=$2
  [[ -f "$M2_REPO/$rel" ]] && return 0
  log "fetching $coords into the local repository"
  (cd "${TMPDIR:-/tmp}" && mvn -B -q dependency:get -Dtransitive=false -Dartifact="$coords") || die "cannot fetch $coords"
}
ensure_artifact "org.ops4j.pax.web:pax-web-features:8.0.34:xml:features" \
  "org/ops4j/pax/web/pax-web-features/8.0.34/pax-web-features-8.0.34-features.xml"
for a in vaadin-shared vaadin-server vaadin-themes vaadin-client-compiled; do
  ensure_artifact "com.vaadin:$a:$VAADIN_VERSION" "com/vaadin/$a/$VAADIN_VERSION/$a-$VAADIN_VERSION.jar"
done
ensure_artifact "org.jsoup:jsoup:1.14.3" "org/jsoup/jsoup/1.14.3/jsoup-1.14.3.jar"
ensure_artifact "com.vaadin.external.gwt:gwt-elemental:2.8.2.vaadin2" \
  "com/vaadin/external/gwt/gwt-elemental/2.8.2.vaadin2/gwt-elemental-2.8.2.vaadin2.jar"
ensure_artifact "com.vaadin.external:gentyref:1.2.0.vaadin1" \
  "com/vaadin/external/gentyref/1.2.0.vaadin1/gentyref-1.2.0.vaadin1.jar"

# ---------------------------------------------------------------- cleanup
WORK=$(mktemp -d "${TMPDIR:-/tmp}/hpf-startup-bench.XXXXXX")
LAUNCH_PID=""; JAVA_PID=""
cleanup() {
  local rc=$?
  for p in $JAVA_PID $LAUNCH_PID; do
    if [[ -n "$p" ]] && kill -0 "$p" 2>/dev/null; then kill -TERM "$p" 2>/dev/null || true; fi
  done
  sleep 1
  for p in $JAVA_PID $LAUNCH_PID; do
    if [[ -n "$p" ]] && kill -0 "$p" 2>/dev/null; then kill -KILL "$p" 2>/dev/null || true; fi
  done
  if (( KEEP )); then echo "temp dir kept: $WORK" >&2; else rm -rf "$WORK"; fi
  exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# ---------------------------------------------------------------- helpers
USED_PORTS=" "
free_port() { # first port >= $1 that can be bound and was not handed out yet -> FREE_PORT
  local p=$1
  while :; do
    if [[ "$USED_PORTS" != *" $p "* ]] && python3 - "$p" <<'EOF' 2>/dev/null
import socket, sys
s = socket.socket(socket.AF_INET6 if socket.has_ipv6 else socket.AF_INET)
s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(("", int(sys.argv[1]))); s.close()
EOF
    then USED_PORTS+="$p "; FREE_PORT=$p; return 0; fi
    p=$((p + 1)); (( p < 65000 )) || die "no free port"
  done
}

set_prop() { # file key value : replace "key = ..." (commented or not) or append
  local f=$1 k=$2 v=$3
  touch "$f"
  if grep -qE "^[#[:space:]]*${k//./\\.}[[:space:]]*[=:]" "$f"; then
    sed -i -E "s|^[#[:space:]]*${k//./\\.}[[:space:]]*[=:].*|${k} = ${v}|" "$f"
  else
    printf '%s = %s\n' "$k" "$v" >>"$f"
  fi
}

set_ports() { # dir : free HTTP, SSH and RMI ports so we never clash with another node (e.g. 8181/8101/1099/44444)
  local d=$1
  local ssh rmir rmis
  free_port "$BASE_PORT"; HTTP_PORT=$FREE_PORT
  free_port $((BASE_PORT + 10)); ssh=$FREE_PORT
  free_port $((BASE_PORT + 20)); rmir=$FREE_PORT
  free_port $((BASE_PORT + 30)); rmis=$FREE_PORT
  set_prop "$d/etc/org.ops4j.pax.web.cfg" org.osgi.service.http.port "$HTTP_PORT"
  set_prop "$d/etc/org.apache.karaf.shell.cfg" sshPort "$ssh"
  set_prop "$d/etc/org.apache.karaf.management.cfg" rmiRegistryPort "$rmir"
  set_prop "$d/etc/org.apache.karaf.management.cfg" rmiServerPort "$rmis"
}

unpack() { # tgz dest -> prints karaf home
  mkdir -p "$2"; tar xzf "$1" -C "$2"
  local home; home=$(find "$2" -mindepth 1 -maxdepth 1 -type d | head -1)
  [[ -x "$home/bin/karaf" ]] || die "no bin/karaf in $1"
  echo "$home"
}

prepare_hpf() { # dest -> karaf home
  local home; home=$(unpack "$HPF_TGZ" "$1")
  if (( DEMO )); then set_prop "$home/etc/cn.gannan.hpf.office.cfg" demo true; fi
  echo "$home"
}

prepare_stock() { # dest -> karaf home
  local home; home=$(unpack "$STOCK_TGZ" "$1")
  local fx="$home/bench-features.xml"
  cat >"$fx" <<EOF
<?xml version="1.0" encoding="UTF-8"?>
<features name="bench-vaadin-${VAADIN_VERSION}" xmlns="http://karaf.apache.org/xmlns/features/v1.6.0">
  <repository>mvn:org.ops4j.pax.web/pax-web-features/8.0.34/xml/features</repository>
  <feature name="bench-vaadin" version="${VAADIN_VERSION}">
    <feature>pax-web-http-whiteboard</feature>
    <feature>scr</feature>
    <bundle>mvn:org.jsoup/jsoup/1.14.3</bundle>
    <bundle>mvn:com.vaadin.external.gwt/gwt-elemental/2.8.2.vaadin2</bundle>
    <bundle>mvn:com.vaadin.external/gentyref/1.2.0.vaadin1</bundle>
    <bundle>mvn:com.vaadin/vaadin-shared/${VAADIN_VERSION}</bundle>
    <bundle>mvn:com.vaadin/vaadin-server/${VAADIN_VERSION}</bundle>
    <bundle>mvn:com.vaadin/vaadin-themes/${VAADIN_VERSION}</bundle>
    <bundle>mvn:com.vaadin/vaadin-client-compiled/${VAADIN_VERSION}</bundle>
  </feature>
</features>
EOF
  local cfg="$home/etc/org.apache.karaf.features.cfg"
  # append our repository to featuresRepositories and our feature to featuresBoot
  python3 - "$cfg" "file:$fx" <<'EOF'
import re, sys
path, repo = sys.argv[1], sys.argv[2]
text = open(path).read()
def add(key, value, text):
    m = re.search(r'^(%s\s*=\s*\\?\n?)((?:[^\n]*\\\n)*[^\n]*)' % key, text, re.M)
    if not m: return text + '\n%s = %s\n' % (key, value)
    body = m.group(2).rstrip()
    return text[:m.start(2)] + body + ', \\\n    ' + value + text[m.end(2):]
text = add('featuresRepositories', repo, text)
text = add('featuresBoot', 'bench-vaadin', text)
open(path, 'w').write(text)
EOF
  # resolve from the local repository only: no remote repositories, never wait on the network
  local mvncfg="$home/etc/org.ops4j.pax.url.mvn.cfg"
  python3 - "$mvncfg" "$M2_REPO" <<'EOF'
import re, sys
path, m2 = sys.argv[1], sys.argv[2]
text = open(path).read()
def setp(key, value, text):
    pat = re.compile(r'^#?\s*%s\s*=(?:[^\n]*\\\n)*[^\n]*' % re.escape(key), re.M)
    line = '%s = %s' % (key, value)
    return pat.sub(lambda _: line, text, count=1) if pat.search(text) else text + '\n' + line + '\n'
text = setp('org.ops4j.pax.url.mvn.localRepository', m2, text)
text = setp('org.ops4j.pax.url.mvn.defaultRepositories',
            '${karaf.home.uri}${karaf.default.repository}@id=system.repository@snapshots, '
            '${karaf.data.uri}kar@id=kar.repository@multi@snapshots, '
            'file:%s@id=local@snapshots' % m2, text)
text = setp('org.ops4j.pax.url.mvn.repositories', '', text)
text = setp('org.ops4j.pax.url.mvn.useFallbackRepositories', 'false', text)
text = setp('org.ops4j.pax.url.mvn.offline', 'true', text)
open(path, 'w').write(text)
EOF
  # Pax Web's jetty config files: ship them up front (avoids the first-boot "Unknown protocol: mvn"
  # race when pax-web-jetty installs them; the installer skips existing files)
  local pwf="$M2_REPO/org/ops4j/pax/web/pax-web-features/8.0.34"
  [[ -f "$pwf/pax-web-features-8.0.34-config-jetty.xml" ]] && cp "$pwf/pax-web-features-8.0.34-config-jetty.xml" "$home/etc/jetty.xml"
  [[ -f "$pwf/pax-web-features-8.0.34-context-jetty.xml" ]] && cp "$pwf/pax-web-features-8.0.34-context-jetty.xml" "$home/etc/jetty-web.xml"
  # the Pax Web config (port) must exist before the feature installs its defaults
  cat >"$home/etc/org.ops4j.pax.web.cfg" <<'EOF'
org.osgi.service.http.enabled = true
org.osgi.service.http.secure.enabled = false
org.osgi.service.http.port = 8181
javax.servlet.context.tempdir = ${karaf.data}/pax-web/tmp
EOF
  echo "$home"
}

now_ns() { date +%s%N; }

find_java_pid() { # karaf home -> pid of the java process running it
  local home=$1 p cmd
  for p in /proc/[0-9]*; do
    cmd=$( { tr '\0' ' ' <"$p/cmdline"; } 2>/dev/null) || continue
    if [[ "$cmd" == *java* && "$cmd" == *"-Dkaraf.base=$home "* ]]; then echo "${p#/proc/}"; return 0; fi
  done
  return 1
}

# start_and_measure home url kind -> sets T_SERVED (s) and RSS_MIB; returns 1 on failure
start_and_measure() {
  local home=$1 url=$2 kind=$3 t0 code deadline body="$WORK/body.$$"
  T_SERVED=""; RSS_MIB=""
  LOADS+="$(cut -d' ' -f1 /proc/loadavg) "
  t0=$(now_ns)
  (cd "$home" && exec bin/karaf server >"$home/console.log" 2>&1) &
  LAUNCH_PID=$!
  JAVA_PID=""
  deadline=$(( t0 + TIMEOUT * 1000000000 ))
  while :; do
    code=$(curl -s -o "$body" -w '%{http_code}' --max-time 5 "$url" 2>/dev/null || true)
    if [[ "$code" == 200 ]]; then
      if [[ "$kind" != html ]] || grep -qi '<html' "$body"; then break; fi
    fi
    if ! kill -0 "$LAUNCH_PID" 2>/dev/null; then
      log "karaf exited before serving $url (see $home/console.log)"; tail -5 "$home/console.log" >&2 || true
      return 1
    fi
    if (( $(now_ns) > deadline )); then log "timeout (${TIMEOUT}s) waiting for $url (last status $code)"; return 1; fi
    sleep 0.1
  done
  T_SERVED=$(awk -v a="$t0" -v b="$(now_ns)" 'BEGIN{printf "%.2f", (b-a)/1e9}')
  sleep "$SETTLE"
  JAVA_PID=$(find_java_pid "$home") || { log "java process of $home not found"; return 1; }
  local kb; kb=$(awk '/^VmRSS:/{print $2}' "/proc/$JAVA_PID/status")
  RSS_MIB=$(awk -v k="$kb" 'BEGIN{printf "%.0f", k/1024}')
  return 0
}

stop_karaf() { # home
  local home=$1 i
  (cd "$home" && timeout "$STOP_TIMEOUT" bin/stop >/dev/null 2>&1) || true
  for ((i = 0; i < STOP_TIMEOUT * 10; i++)); do
    kill -0 "$LAUNCH_PID" 2>/dev/null || break
    [[ -n "$JAVA_PID" ]] && ! kill -0 "$JAVA_PID" 2>/dev/null && break
    sleep 0.1
  done
  for p in $JAVA_PID $LAUNCH_PID; do kill -0 "$p" 2>/dev/null && { log "killing $p after stop timeout"; kill -KILL "$p" 2>/dev/null || true; }; done
  wait "$LAUNCH_PID" 2>/dev/null || true
  LAUNCH_PID=""; JAVA_PID=""
}

# ---------------------------------------------------------------- runs
LOADS=""           # 1-min load average at each start (other work on the machine skews the figures)
declare -A T RSS   # key "dist.mode" -> space separated values
run_dist() { # dist prepare_fn path kind
  local dist=$1 prep=$2 path=$3 kind=$4 i home
  for ((i = 1; i <= RUNS; i++)); do
    rm -rf "$WORK/$dist"
    home=$($prep "$WORK/$dist")
    set_ports "$home"
    local url="http://localhost:$HTTP_PORT$path"
    log "$dist run $i/$RUNS: cold start, waiting for $url"
    if start_and_measure "$home" "$url" "$kind"; then
      log "$dist run $i: served after ${T_SERVED}s, RSS ${RSS_MIB} MiB (java pid $JAVA_PID)"
      T[$dist.cold]+="$T_SERVED "; RSS[$dist.cold]+="$RSS_MIB "
    else
      FAILED=1
    fi
    stop_karaf "$home"
    if (( WARM )) && [[ -z "${FAILED:-}" ]]; then
      log "$dist run $i/$RUNS: warm start"
      if start_and_measure "$home" "$url" "$kind"; then
        log "$dist run $i warm: served after ${T_SERVED}s, RSS ${RSS_MIB} MiB"
        T[$dist.warm]+="$T_SERVED "; RSS[$dist.warm]+="$RSS_MIB "
      else
        FAILED=1
      fi
      stop_karaf "$home"
    fi
    if [[ -n "${FAILED:-}" ]]; then
      echo "---- $home/data/log/karaf.log (tail)" >&2; tail -20 "$home/data/log/karaf.log" >&2 2>/dev/null || true
      die "$dist run $i failed (rerun with -k to keep $WORK)"
    fi
    USED_PORTS=" "
    (( KEEP )) || rm -rf "$WORK/$dist"
  done
}

log "JAVA_HOME=$JAVA_HOME; HPF: $HPF_TGZ; stock: $STOCK_TGZ; work dir $WORK"
run_dist hpf   prepare_hpf   /hpf/ html
run_dist stock prepare_stock "/vaadin-$VAADIN_VERSION/VAADIN/themes/valo/styles.css" any

# ---------------------------------------------------------------- report
stats() { # values -> "median min max"
  tr ' ' '\n' <<<"$1" | grep -v '^$' | sort -g | awk '{a[NR]=$1} END{m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; print m, a[1], a[NR]}'
}
pad() { # text width : left-align by characters (printf pads by bytes; → and – are multibyte)
  local s=$1 a=${1//→/>}; a=${a//–/-}
  printf '%s%*s' "$s" $(( $2 > ${#a} ? $2 - ${#a} : 0 )) ''
}
line() { printf '%s %s %s\n' "$(pad "$1" 22)" "$(pad "$2" 18)" "$3"; }
row() { # label tvals rvals
  local tm tmin tmax rm rmin rmax
  read -r tm tmin tmax <<<"$(stats "$2")"; read -r rm rmin rmax <<<"$(stats "$3")"
  line "$1" "$(printf '%.1f [%.1f–%.1f]' "$tm" "$tmin" "$tmax")" \
    "$(printf '%.0f [%.0f–%.0f]' "$rm" "$rmin" "$rmax")"
}
ratio() { awk -v a="$(stats "$1" | cut -d' ' -f1)" -v b="$(stats "$2" | cut -d' ' -f1)" 'BEGIN{printf "%.2f", a/b}'; }
table() { # mode title
  local m=$1
  echo
  echo "startup benchmark ($RUNS run$( ((RUNS > 1)) && echo s) each, $2)"
  line "" "start→served (s)" "RSS after start (MiB)"
  row "hpf-office" "${T[hpf.$m]}" "${RSS[hpf.$m]}"
  row "stock karaf+vaadin" "${T[stock.$m]}" "${RSS[stock.$m]}"
  line "ratio hpf/stock" "$(ratio "${T[hpf.$m]}" "${T[stock.$m]}")" \
    "$(ratio "${RSS[hpf.$m]}" "${RSS[stock.$m]}")"
}
table cold "cold start of a fresh unpack"
(( WARM )) && table warm "warm: second start of the same unpack"
cat <<EOF

measured: wall time from launching 'bin/karaf server' until
  hpf-office : GET /hpf/ answered 200 with HTML (login page)$( ((DEMO)) && echo ", demo = true")
  stock      : GET /vaadin-$VAADIN_VERSION/VAADIN/themes/valo/styles.css answered 200 (Karaf $KARAF_VERSION + pax-web-http-whiteboard + scr + Vaadin $VAADIN_VERSION bundles)
polled every 0.1 s (timeout ${TIMEOUT} s); RSS = VmRSS of the Karaf java process ${SETTLE} s after served.
raw start→served (s): hpf [${T[hpf.cold]% }] stock [${T[stock.cold]% }]; RSS (MiB): hpf [${RSS[hpf.cold]% }] stock [${RSS[stock.cold]% }]
java: $(java -version 2>&1 | head -1); $(nproc) cores; 1-min load average at each start: ${LOADS% }
EOF
if awk -v l="$LOADS" -v c="$(nproc)" 'BEGIN{n=split(l,a," "); for(i=1;i<=n;i++) if (a[i]+0 > c*0.5) exit 0; exit 1}'; then
  echo "WARNING: the machine was busy during the runs (load average above half the cores); figures are noisy, rerun on an idle machine."
fi
