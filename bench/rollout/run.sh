#!/usr/bin/env bash
# Rollout benchmark on the local multi-node fleet (bench/rollout/fleet-nodes.sh start -n N first).
#
#   1. makes two releases from the centre's own distribution (make-release.py): GOOD, and BROKEN whose talks
#      module fails its migration;
#   2. publishes GOOD and rolls it out: the pilot GN01, then every other county (advancing by itself);
#      measures the time from publishing to every county healthy on GOOD;
#   3. publishes BROKEN and rolls it out the same way (the pilot runs the talks module, as the county profile has
#      it): the pilot fails its health check and rolls back, the rollout stops, the other counties stay on GOOD; measures the time from the failed
#      health check (the pilot reports ROLLING_BACK) to the pilot serving again on GOOD (it reports FAILED, /hpf/
#      answers).
#
# Usage: bench/rollout/run.sh [-d DIR] [-g GOOD_VERSION] [-b BROKEN_VERSION]
set -euo pipefail
SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_ROOT=$(cd "$SCRIPT_DIR/../.." && pwd)
DIR="$REPO_ROOT/run/fleet"
GOOD=0.9.1
BROKEN=0.9.2
while getopts "d:g:b:h" opt; do
  case "$opt" in d) DIR=$OPTARG ;; g) GOOD=$OPTARG ;; b) BROKEN=$OPTARG ;; *) sed -n '2,16p' "$0"; exit 2 ;; esac
done
NODES="$SCRIPT_DIR/fleet-nodes.sh"
log() { printf '[%(%H:%M:%S)T] %s\n' -1 "$*" >&2; }
die() { echo "ERROR: $*" >&2; exit 1; }
c() { "$NODES" console "$@" -d "$DIR" 2>&1 | sed 's/\x1b\[[0-9;]*m//g' | tr -d '\r'; }
now() { date +%s.%N; }
secs() { python3 -c "print(f'{$2 - $1:.1f}')"; }

[ -d "$DIR/GN00" ] || die "no fleet in $DIR: run $NODES start -n N first"
COUNTIES=$(cd "$DIR" && ls -d GN* | grep -v GN00 | tr '\n' ' ')
REST=$(echo "$COUNTIES" | tr ' ' '\n' | grep -v '^GN01$' | grep . | paste -sd, -)
RUNNING=$(c GN00 "hpf:fleet" | awk '$1=="GN01"{print $2}')
[ -n "$RUNNING" ] && [ "$RUNNING" != "-" ] || die "GN01 has not reported yet"
log "counties: $COUNTIES (running $RUNNING); pilot GN01, then $REST"

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
python3 "$SCRIPT_DIR/make-release.py" "$DIR/GN00/system" "$RUNNING" "$GOOD" "$WORK/good" >&2
python3 "$SCRIPT_DIR/make-release.py" "$DIR/GN00/system" "$RUNNING" "$BROKEN" "$WORK/broken" --break talks >&2

rollout() { # name release : creates and starts a two-wave rollout, prints its id
  local args="--wave GN01"
  [ -n "$REST" ] && args="$args --wave $REST"
  c GN00 "hpf:rollout-create --name $1 --release $2 --error-threshold 50 $args" >/dev/null
  local id; id=$(c GN00 "hpf:rollout-status" | awk -v n="$1" '$2==n{print $1; exit}')
  [ -n "$id" ] || die "rollout $1 was not created"
  c GN00 "hpf:rollout-start $id" >/dev/null
  echo "$id"
}

wait_status() { # id pattern timeout
  local deadline=$((SECONDS + $3)) s
  while :; do
    s=$(c GN00 "hpf:rollout-status $1" | head -1)
    grep -qE "$2" <<<"$s" && return 0
    (( SECONDS < deadline )) || die "rollout $1 did not reach $2 in $3 s: $s"
    sleep 1
  done
}

# ---------------------------------------------------------------- 1. a good release to every county
T0=$(now)
c GN00 "hpf:release-publish --from $WORK/good --from $DIR/GN00/system $GOOD" | tail -2 >&2
ID=$(rollout good-$GOOD "$GOOD")
wait_status "$ID" "SUCCEEDED|STOPPED" 900
until c GN00 "hpf:fleet" | awk -v v="$GOOD" -v all=",GN01,$REST," 'index(all, "," $1 ",") {n++; if ($2==v && $4=="HEALTHY") ok++} END {exit !(n>0 && ok==n)}'; do sleep 1; done
T1=$(now)
c GN00 "hpf:rollout-status $ID" >&2
log "publish → all counties healthy on $GOOD: $(secs "$T0" "$T1") s"

# ---------------------------------------------------------------- 2. a broken release: the pilot rolls back
c GN00 "hpf:fleet" | awk '$1=="GN01"' | grep -q "talks" || die "the pilot GN01 does not run the talks module (the county profile has it)"
c GN00 "hpf:release-publish --from $WORK/broken --from $DIR/GN00/system $BROKEN" | tail -1 >&2
ID2=$(rollout broken-$BROKEN "$BROKEN")
wait_status "$ID2" "STOPPED|SUCCEEDED" 1200
c GN00 "hpf:rollout-status $ID2" | cut -c1-200 >&2
HIST=$(c GN00 "hpf:fleet --history GN01 --limit 20")
T_CHECK_FAILED=$(grep -m1 "phase: CHECKING → ROLLING_BACK" <<<"$HIST" | cut -c1-19)
T_SERVING=$(grep -m1 "phase: ROLLING_BACK → FAILED" <<<"$HIST" | cut -c1-19)
[ -n "$T_CHECK_FAILED" ] && [ -n "$T_SERVING" ] || die "no rollback in the pilot's history: $HIST"
HTTP=$(sed -n 's/^HTTP=//p' "$DIR/GN01/ports.env")
log "pilot /hpf/ answers $(curl -s -o /dev/null -w '%{http_code}' "http://localhost:$HTTP/hpf/") after the rollback"
c GN00 "hpf:fleet" | sed -n '1,9p' | cut -c1-120 >&2
log "failed health check → pilot serving on $GOOD again: $(( $(date -d "$T_SERVING" +%s) - $(date -d "$T_CHECK_FAILED" +%s) )) s (heartbeat times, 1 s resolution)"
c GN00 "hpf:fleet" | awk -v v="$GOOD" -v rest=",$REST," 'index(rest, "," $1 ",") && $2!=v {bad=1; print "  " $1 " is not on " v ": " $0} END {exit bad}' >&2 \
  && log "the other counties ($REST) stayed on $GOOD"
