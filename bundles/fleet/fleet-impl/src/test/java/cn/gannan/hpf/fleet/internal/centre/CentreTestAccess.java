package cn.gannan.hpf.fleet.internal.centre;

import java.nio.file.Path;
import java.util.List;

import cn.gannan.hpf.core.api.Caller;
import cn.gannan.hpf.fleet.api.FleetService;
import cn.gannan.hpf.fleet.api.ReleaseService;
import cn.gannan.hpf.fleet.api.RolloutService;

/** A real centre for tests of other packages (the agent's). */
public final class CentreTestAccess {

    private final CentreNode node;
    private String publicKey;

    public CentreTestAccess(Path root) {
        node = new CentreNode(root);
    }

    public Path system() {
        return node.system;
    }

    public void publish(String version) {
        if (publicKey == null) {
            publicKey = node.releases.generateKey(node.admin, false).publicKey();
        }
        node.releases.publish(node.admin, version, List.of());
    }

    public String publicKey() {
        return publicKey;
    }

    public String token(String office) {
        return node.fleet.issueToken(node.admin, office);
    }

    public FleetServlet servlet() {
        return new FleetServlet(node.fleet);
    }

    public Path releaseDir(String version) {
        return node.store.publishedDir(version).orElseThrow();
    }

    public FleetService fleet() {
        return node.fleet;
    }

    public FleetServiceImpl endpoint() {
        return node.fleet;
    }

    public RolloutService rollouts() {
        return node.rollouts;
    }

    public Caller admin() {
        return node.admin;
    }

    public Caller auditor() {
        return node.auditor;
    }

    /** An office admin of county GN01: not a central caller. */
    public Caller countyAdmin() {
        return node.countyAdmin;
    }

    public ReleaseService releases() {
        return node.releases;
    }

    public long count(String sql, Object... params) {
        return node.count(sql, params);
    }
}
