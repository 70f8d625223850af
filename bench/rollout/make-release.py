#!/usr/bin/env python3
"""Makes a test release of the product from a built distribution, without rebuilding it.

Copies every cn.gannan.hpf artifact of version FROM found in a Maven-layout folder (the distribution's system/)
to version TO in an output folder (Maven layout): the features repository with every FROM replaced by TO, each
bundle with its Bundle-Version set to TO (so Karaf sees new bundles, not the installed ones). With --break MODULE
the module's impl bundle gets a migration script that fails, so its service does not start: the release installs,
and its health check fails (an update that must be rolled back).

Publish it at the centre with both folders, e.g.:
  hpf:release-publish 0.1.1 --from /path/to/out --from /path/to/centre/system

Usage: make-release.py SYSTEM_DIR FROM TO OUT_DIR [--break talks]
"""
import argparse
import os
import re
import shutil
import sys
import zipfile


def osgi(version):
    m = re.match(r'^(\d+)(?:\.(\d+))?(?:\.(\d+))?(?:[.-](.+))?$', version)
    if not m:
        sys.exit('not a version: ' + version)
    parts = [m.group(1), m.group(2) or '0', m.group(3) or '0']
    return '.'.join(parts) + ('.' + re.sub(r'[^A-Za-z0-9_-]', '_', m.group(4)) if m.group(4) else '')


def rewrite_jar(src, dst, old_osgi, new_osgi, broken_sql=None):
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, 'w', zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == 'META-INF/MANIFEST.MF':
                text = data.decode('utf-8')
                text = re.sub(r'(?m)^Bundle-Version: ' + re.escape(old_osgi) + r'\r?$', 'Bundle-Version: ' + new_osgi, text)
                data = text.encode('utf-8')
            zout.writestr(item, data)
        if broken_sql:
            folder, name = broken_sql
            zout.writestr(folder + '/' + name, 'CREATE TABLE HPF_BROKEN_RELEASE (ID INTEGER);\nINSERT INTO NO_SUCH_TABLE VALUES (1);\n')


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('system')
    ap.add_argument('old')
    ap.add_argument('new')
    ap.add_argument('out')
    ap.add_argument('--break', dest='broken', help='module whose impl bundle gets a failing migration, e.g. talks')
    a = ap.parse_args()
    root = os.path.join(a.system, 'cn', 'gannan', 'hpf')
    if not os.path.isdir(root):
        sys.exit('no cn/gannan/hpf under ' + a.system)
    old_osgi, new_osgi = osgi(a.old), osgi(a.new)
    count = 0
    broke = False
    for artifact in sorted(os.listdir(root)):
        src_dir = os.path.join(root, artifact, a.old)
        if not os.path.isdir(src_dir):
            continue
        dst_dir = os.path.join(a.out, 'cn', 'gannan', 'hpf', artifact, a.new)
        os.makedirs(dst_dir, exist_ok=True)
        for name in os.listdir(src_dir):
            if not name.startswith(artifact + '-' + a.old):
                continue
            src = os.path.join(src_dir, name)
            dst = os.path.join(dst_dir, name.replace(artifact + '-' + a.old, artifact + '-' + a.new, 1))
            if name.endswith('.jar'):
                broken = None
                if a.broken and artifact == a.broken + '-impl':
                    broken = ('db/' + a.broken, 'V99__broken_release.sql')
                    broke = True
                rewrite_jar(src, dst, old_osgi, new_osgi, broken)
            elif name.endswith('.xml'):
                with open(src, encoding='utf-8') as f:
                    text = f.read()
                with open(dst, 'w', encoding='utf-8') as f:
                    f.write(text.replace(a.old, a.new))
            else:
                shutil.copyfile(src, dst)
            count += 1
    if a.broken and not broke:
        sys.exit('no ' + a.broken + '-impl bundle of version ' + a.old + ' in ' + a.system)
    print('%d artifacts of %s copied as %s into %s%s' % (count, a.old, a.new, a.out,
                                                       ' (' + a.broken + '-impl broken)' if a.broken else ''))


if __name__ == '__main__':
    main()
