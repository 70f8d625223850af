#!/usr/bin/env bash
# Counter benchmark: take-ticket + call-next (+ serve) + finish through the JSON API, from a separate load
# process, against a fresh office node (embedded Derby, demo data, office GN01) with hpf-counter installed.
#
# Usage: bench/counter/run.sh [-t THREADS] [-n ITERATIONS_PER_THREAD] [-k]
#   -t THREADS   concurrent clients, each on its own window (default 4)
#   -n N         cycles per client (default 25)
#   -k           keep the temp dir (Karaf logs) after the run
# Needs karaf-assembly/target/hpf-office-*.tar.gz (mvn -B -q -o install -DskipTests).
# Prints requests/s and p50/p99 latency per operation, and the latency of GET /api/me alone (authentication only).
set -euo pipefail

THREADS=4; ITER=25; KEEP=0
while getopts "t:n:kh" opt; do
  case "$opt" in
    t) THREADS=$OPTARG ;; n) ITER=$OPTARG ;; k) KEEP=1 ;; h) sed -n '2,10p' "$0"; exit 0 ;; *) exit 2 ;;
  esac
done

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_ROOT=$(cd "$SCRIPT_DIR/../.." && pwd)
TGZ=$(ls -1 "$REPO_ROOT"/karaf-assembly/target/hpf-office-*.tar.gz 2>/dev/null | head -1 || true)
[[ -n "$TGZ" ]] || { echo "no karaf-assembly/target/hpf-office-*.tar.gz: build first (mvn -B -q -o install -DskipTests)" >&2; exit 1; }
for tool in java curl tar python3; do command -v "$tool" >/dev/null || { echo "'$tool' missing" >&2; exit 1; }; done
export JAVA_HOME=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")
unset KARAF_HOME KARAF_BASE KARAF_DATA KARAF_ETC KARAF_OPTS EXTRA_JAVA_OPTS || true

log() { printf '[%(%H:%M:%S)T] %s\n' -1 "$*" >&2; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
setprop() { # file key value
  python3 - "$1" "$2" "$3" <<'PY'
import re, sys
f, k, v = sys.argv[1:]
try:
    lines = open(f, encoding='utf-8').read().splitlines()
except FileNotFoundError:
    lines = []
pat = re.compile(r'^\s*' + re.escape(k) + r'\s*[=:]')
out, done = [], False
for l in lines:
    if pat.match(l):
        out.append(f"{k} = {v}"); done = True
    else:
        out.append(l)
if not done:
    out.append(f"{k} = {v}")
open(f, 'w', encoding='utf-8').write("\n".join(out) + "\n")
PY
}

WORK=$(mktemp -d "${TMPDIR:-/tmp}/hpf-counter-bench.XXXXXX")
KARAF_PID=""
cleanup() {
  if [[ -n "$KARAF_PID" ]] && kill -0 "$KARAF_PID" 2>/dev/null; then
    "$HOME_DIR/bin/stop" >/dev/null 2>&1 || true
    for _ in $(seq 1 30); do kill -0 "$KARAF_PID" 2>/dev/null || break; sleep 1; done
    kill "$KARAF_PID" 2>/dev/null || true
  fi
  if (( KEEP )); then log "kept $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT

tar -xzf "$TGZ" -C "$WORK"
HOME_DIR=$(ls -d "$WORK"/hpf-office-*/ | head -1); HOME_DIR=${HOME_DIR%/}
HTTP=$(free_port); SSH=$(free_port)
setprop "$HOME_DIR/etc/cn.gannan.hpf.office.cfg" demo true
setprop "$HOME_DIR/etc/cn.gannan.hpf.office.cfg" code GN01
setprop "$HOME_DIR/etc/org.ops4j.pax.web.cfg" org.osgi.service.http.port "$HTTP"
setprop "$HOME_DIR/etc/org.apache.karaf.shell.cfg" sshPort "$SSH"
setprop "$HOME_DIR/etc/org.apache.karaf.management.cfg" rmiRegistryPort "$(free_port)"
setprop "$HOME_DIR/etc/org.apache.karaf.management.cfg" rmiServerPort "$(free_port)"
BASE="http://127.0.0.1:$HTTP"

log "starting the node on $BASE (load average: $(cut -d' ' -f1-3 /proc/loadavg))"
(cd "$HOME_DIR" && exec bin/karaf server >"$HOME_DIR/console.log" 2>&1) &
KARAF_PID=$!
for i in $(seq 1 180); do
  [[ $(curl -s -o /dev/null -w '%{http_code}' -u demo.staff:Hpf@2026demo "$BASE/api/me" || true) == 200 ]] && break
  kill -0 "$KARAF_PID" 2>/dev/null || { tail -40 "$HOME_DIR/console.log" >&2; exit 1; }
  sleep 1
done
log "node up; installing hpf-counter from the console"
printf 'feature:install hpf-counter\n' | "$HOME_DIR/bin/client" -a "$SSH" -u demo.admin -p Hpf@2026demo -b >/dev/null
for i in $(seq 1 180); do
  [[ $(curl -s -o /dev/null -w '%{http_code}' -u demo.staff:Hpf@2026demo "$BASE/api/counter/windows" || true) == 200 ]] && break
  sleep 1
done
FIRST=10
for t in $(seq 0 $((THREADS - 1))); do
  code=$(curl -s -o /dev/null -w '%{http_code}' -u demo.admin:Hpf@2026demo -H 'Content-Type: application/json' \
    -d "{\"number\":$((FIRST + t)),\"name\":\"压测窗口$((t + 1))\",\"businessCodes\":[\"PURCHASE\"],\"active\":true}" \
    "$BASE/api/counter/windows")
  [[ "$code" == 201 ]] || { echo "could not create window $((FIRST + t)): HTTP $code" >&2; exit 1; }
done
log "load: $THREADS clients x $ITER cycles (load average: $(cut -d' ' -f1-3 /proc/loadavg))"
java "$SCRIPT_DIR/Load.java" "$BASE" "$THREADS" "$ITER" "$FIRST"
log "done (load average: $(cut -d' ' -f1-3 /proc/loadavg))"
