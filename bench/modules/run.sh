#!/usr/bin/env bash
# Module enable/disable benchmark on a running office node.
#
# Unpacks the built distribution (karaf-assembly/target/hpf-office-*.zip) into a temp dir, gives it free
# ports, starts it (demo users), then for every module of the catalogue (GET /api/modules: hpf-docs and any
# business module tagged with the hpf.module capability) enables it and disables it again through the JSON API
# as demo.admin, timing each call. "Restarted outside" counts the bundles Karaf reports in its log (karaf.log:
# "Stopping bundles", "Refreshing bundles", "Restarting bundles" sections of FeaturesServiceImpl) that are not
# the module's own bundles (those listed in the dry run). Modules that are already enabled (e.g. by the
# first-start profile) are skipped; the node starts with profile "core" (none). Prints one line per module.
#
# Usage: bench/modules/run.sh [-r ROUNDS] [-k]
#   -r ROUNDS  enable/disable cycles per module (default 2)
#   -k         keep the temp dir (logs)
set -euo pipefail
ROUNDS=2; KEEP=0
while getopts "r:kh" opt; do
  case "$opt" in r) ROUNDS=$OPTARG ;; k) KEEP=1 ;; *) sed -n '2,15p' "$0"; exit 0 ;; esac
done
REPO_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
ZIP=$(ls "$REPO_ROOT"/karaf-assembly/target/hpf-office-*.zip 2>/dev/null | head -1)
[[ -f "$ZIP" ]] || { echo "build the distribution first: mvn -B -q install -DskipTests" >&2; exit 2; }
export JAVA_HOME=${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("",0)); print(s.getsockname()[1])'; }
TMP=$(mktemp -d /tmp/hpf-bench-modules.XXXX)
cleanup() {
  [[ -n "${HOME_DIR:-}" ]] && "$HOME_DIR/bin/stop" >/dev/null 2>&1 || true
  sleep 3
  [[ -f "${HOME_DIR:-/nonexistent}/karaf.pid" ]] && kill "$(cat "$HOME_DIR/karaf.pid")" 2>/dev/null || true
  [[ $KEEP == 1 ]] && echo "kept $TMP" || rm -rf "$TMP"
}
trap cleanup EXIT
unzip -q "$ZIP" -d "$TMP"
HOME_DIR=$(ls -d "$TMP"/hpf-office*)
HTTP=$(free_port); SSH=$(free_port)
set_prop() { # file key value
  if grep -qE "^\s*$2\s*=" "$1" 2>/dev/null; then sed -i -E "s|^\s*$2\s*=.*|$2 = $3|" "$1"; else echo "$2 = $3" >> "$1"; fi
}
set_prop "$HOME_DIR/etc/org.ops4j.pax.web.cfg" org.osgi.service.http.port "$HTTP"
set_prop "$HOME_DIR/etc/org.apache.karaf.shell.cfg" sshPort "$SSH"
set_prop "$HOME_DIR/etc/org.apache.karaf.management.cfg" rmiRegistryPort "$(free_port)"
set_prop "$HOME_DIR/etc/org.apache.karaf.management.cfg" rmiServerPort "$(free_port)"
set_prop "$HOME_DIR/etc/cn.gannan.hpf.office.cfg" demo true
# start with no business module (profile "core"), so every module is measured from disabled
set_prop "$HOME_DIR/etc/cn.gannan.hpf.modules.cfg" profile core
(cd "$HOME_DIR" && nohup bin/karaf server > console.log 2>&1 &)
BASE="http://localhost:$HTTP"; AUTH="demo.admin:Hpf@2026demo"
for _ in $(seq 1 240); do
  curl -sf -u "$AUTH" "$BASE/api/modules" -o /dev/null && break; sleep 1
done
curl -sf -u "$AUTH" "$BASE/api/modules" -o "$TMP/catalogue.json" || { echo "node did not come up"; tail -20 "$HOME_DIR/console.log"; exit 1; }
LOG="$HOME_DIR/data/log/karaf.log"

python3 - "$BASE" "$AUTH" "$LOG" "$ROUNDS" "$TMP/catalogue.json" <<'PY'
import base64, json, re, sys, time, urllib.request
base, auth, log, rounds, cat = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), sys.argv[5]
hdr = {"Authorization": "Basic " + base64.b64encode(auth.encode()).decode(), "Accept-Language": "en"}
def call(method, path):
    # while a module's JAX-RS resources come or go, the whiteboard rebuilds /api and answers 404 (HTML) for a
    # moment: such an answer is retried, up to 30 s
    headers = dict(hdr, **({"Content-Type": "application/json"} if method == "POST" else {}))
    for _ in range(60):
        req = urllib.request.Request(base + path, method=method, headers=headers, data=b"{}" if method == "POST" else None)
        try:
            with urllib.request.urlopen(req, timeout=300) as r:
                return r.status, json.loads(r.read() or b"null")
        except urllib.error.HTTPError as e:
            body = e.read()
            if e.code == 404 and not body.lstrip().startswith(b"{"):
                time.sleep(0.5)
                continue
            return e.code, json.loads(body or b"null")
    return 404, {"detail": "the JSON API did not come back within 30 s"}
def log_size():
    with open(log, "rb") as f:
        return len(f.read())
def restarted(since, own):
    with open(log, "rb") as f:
        text = f.read()[since:].decode("utf-8", "replace")
    out, section = set(), None
    for line in text.splitlines():
        msg = line.split("|")[-1].strip() if "|" in line else line.strip()
        if re.match(r"(Stopping|Refreshing|Restarting|Starting) bundles:?", msg):
            section = msg.split()[0]
            continue
        if section and re.match(r"^[\w.\-]+/\d", msg):
            name = msg.split("/")[0]
            if section != "Starting" and not any(o and o in name for o in own):
                out.add(name)
            continue
        section = None if msg and not msg.startswith("    ") else section
    return out
mods = json.load(open(cat))
errors = 0
print("%-14s %-20s %-34s %10s %10s %11s" % ("module", "feature", "enables", "enable ms", "disable ms", "restarted*"))
for m in mods:
    mid = m["id"]
    if m["state"] != "DISABLED":
        print("%-14s already enabled at the start; skipped" % mid)
        continue
    st, plan = call("GET", "/api/modules/%s/plan?action=enable" % mid)
    if st != 200:
        print("  %s: plan -> %s %s" % (mid, st, (plan or {}).get("detail")))
        continue
    enables = plan.get("enable", [mid])
    # the module's bundles by artifact id (mvn:group/artifact/version) or file name (file:/…/name.jar)
    own = [b.split("/")[1] if b.startswith("mvn:") else re.sub(r".*/", "", b).replace(".jar", "")
           for b in plan.get("install", [])]
    own += ["hpf." + e for e in enables] + [e for e in enables]
    en, dis, outside = [], [], set()
    for _ in range(rounds):
        s = log_size(); t = time.time(); st2, r2 = call("POST", "/api/modules/%s/enable" % mid)
        en.append((time.time() - t) * 1000); outside |= restarted(s, own)
        if st2 != 200:
            print("  %s: enable -> %s %s" % (mid, st2, (r2 or {}).get("detail")))
            errors += 1
            break
        s = log_size(); t = time.time(); st3, r3 = call("POST", "/api/modules/%s/disable" % mid)
        dis.append((time.time() - t) * 1000); outside |= restarted(s, own)
        if st3 != 200:
            print("  %s: disable -> %s %s" % (mid, st3, (r3 or {}).get("detail")))
            errors += 1
            break
        # back to the start: what it required goes too (untimed), dependents first
        for dep in reversed([e for e in enables if e != mid]):
            call("POST", "/api/modules/%s/disable" % dep)
    med = lambda xs: sorted(xs)[len(xs) // 2] if xs else float("nan")
    print("%-14s %-20s %-34s %10.0f %10.0f %11d%s" % (mid, m["feature"], ",".join(enables), med(en), med(dis),
          len(outside), (" " + ",".join(sorted(outside))) if outside else ""))
print("* bundles outside the module that Karaf stopped, refreshed or restarted (from karaf.log); median of %d rounds" % rounds)
print("  enable ms includes the modules it requires (column enables); disable ms is the module alone")
sys.exit(1 if errors else 0)
PY
