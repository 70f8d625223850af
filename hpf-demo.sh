#!/usr/bin/env bash
# Builds the office distribution and starts one office node with demo data on the embedded
# defaults (Derby under the node's data folder). Usage: ./hpf-demo.sh [OFFICE_CODE] [HTTP_PORT]
#   OFFICE_CODE  GN00 (central office, default) … GN08
#   HTTP_PORT    8181 by default
# The node runs in the foreground with the Karaf console; type `shutdown -f` (or Ctrl-D) to stop.
set -euo pipefail
cd "$(dirname "$0")"
office=${1:-GN00}
port=${2:-8181}
node="run/office-${office}"

if [ ! -f karaf-assembly/target/hpf-office-0.1.0-SNAPSHOT.tar.gz ] || [ "${HPF_REBUILD:-1}" = 1 ]; then
  mvn -B -q install -DskipTests
fi
if [ ! -d "$node" ]; then
  mkdir -p run
  tar -xzf karaf-assembly/target/hpf-office-0.1.0-SNAPSHOT.tar.gz -C run
  mv run/hpf-office-0.1.0-SNAPSHOT "$node"
  # the demo office starts with every business module (profile "central"); a county office starts with
  # "county-standard" and enables others on 系统管理 › 模块管理
  sed -i 's/^profile = .*/profile = central/' "$node/etc/cn.gannan.hpf.modules.cfg"
fi
sed -i "s/^code = .*/code = ${office}/; s/^demo = .*/demo = true/" "$node/etc/cn.gannan.hpf.office.cfg"
sed -i "s/^org.osgi.service.http.port = .*/org.osgi.service.http.port = ${port}/" "$node/etc/org.ops4j.pax.web.cfg"

cat <<MSG

  甘南州住房公积金管理中心 · 办公平台 — office node ${office} (demo data)
  Web UI:    http://localhost:${port}/hpf/
  JSON API:  http://localhost:${port}/api/openapi.json   (HTTP Basic, same users)
  Console:   this terminal; over SSH: ssh -p 8101 demo.admin@localhost

  Demo logins (password Hpf@2026demo):
    demo.staff       普通职工        demo.secretary  支部书记
    demo.leader      单位领导        demo.admin      单位管理员 (office GN01)
    demo.central     州中心管理员    demo.auditor    审计员

MSG
export JAVA_HOME=${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}
exec "$node/bin/karaf"
