package cn.gannan.hpf.fleet.internal.centre;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import cn.gannan.hpf.core.api.AccessDeniedException;
import cn.gannan.hpf.core.api.AuditEntry;
import cn.gannan.hpf.core.api.AuditQuery;
import cn.gannan.hpf.core.api.HpfException;
import cn.gannan.hpf.core.api.NotFoundException;
import cn.gannan.hpf.core.api.PageRequest;
import cn.gannan.hpf.fleet.api.Release;
import cn.gannan.hpf.fleet.api.SigningKey;
import cn.gannan.hpf.fleet.internal.release.ReleaseKeys;
import cn.gannan.hpf.fleet.internal.release.ReleaseVerifier;
import cn.gannan.hpf.fleet.internal.release.TestRepos;

public class ReleaseServiceTest {

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private CentreNode node;

    @Before
    public void setUp() throws Exception {
        node = new CentreNode(tmp.getRoot().toPath());
        TestRepos.system(node.system, "0.2.0");
    }

    private List<AuditEntry> audit(String entity) {
        return node.audit.find(node.admin, new AuditQuery(null, null, "fleet", entity, null, null, null, null),
                new PageRequest(0, 50)).items();
    }

    @Test
    public void keyGenerationAndPublishingAreAuditedAndTheReleaseVerifies() {
        SigningKey key = node.releases.generateKey(node.admin, false);
        assertEquals(key, node.releases.signingKey(node.auditor).orElseThrow());
        assertEquals(1, audit("signingKey").size());
        assertTrue(audit("signingKey").get(0).changes().contains(key.keyId()));

        Release r = node.releases.publish(node.admin, "0.2.0", List.of());

        assertEquals("0.2.0", r.version());
        assertEquals(9, r.artifacts());
        assertEquals("demo.central", r.publishedBy());
        assertEquals(List.of(r), node.releases.releases(node.auditor));
        assertEquals(9, node.releases.manifest(node.auditor, "0.2.0").artifacts().size());
        AuditEntry line = audit("release").get(0);
        assertEquals("0.2.0", line.entityId());
        assertEquals("GN00", line.officeCode());
        assertTrue(line.changes(), line.changes().contains("artifacts: ∅ → 9"));
        Path dir = node.store.publishedDir("0.2.0").orElseThrow();
        new ReleaseVerifier(ReleaseKeys.parsePublicKey(key.publicKey())).verify(dir, "0.2.0");
    }

    @Test
    public void onlyTheCentralAdminSignsAndPublishes() {
        assertThrows(AccessDeniedException.class, () -> node.releases.generateKey(node.auditor, false));
        assertThrows(AccessDeniedException.class, () -> node.releases.generateKey(node.countyAdmin, false));
        node.releases.generateKey(node.admin, false);
        assertThrows(AccessDeniedException.class, () -> node.releases.publish(node.auditor, "0.2.0", List.of()));
        assertThrows(AccessDeniedException.class, () -> node.releases.releases(node.countyAdmin));
        assertTrue(node.releases.releases(node.admin).isEmpty());
    }

    @Test
    public void publishingNeedsAKeyAndExistingSources() {
        HpfException e = assertThrows(HpfException.class, () -> node.releases.publish(node.admin, "0.2.0", List.of()));
        assertTrue(e.getMessage(), e.getMessage().contains("run hpf:release-keygen first"));
        node.releases.generateKey(node.admin, false);
        e = assertThrows(HpfException.class, () -> node.releases.publish(node.admin, "0.2.0", List.of("/no/such/folder")));
        assertEquals("The artifact source folder /no/such/folder does not exist.", e.getMessage());
        assertTrue(node.releases.releases(node.admin).isEmpty());
        assertTrue(audit("release").isEmpty());
    }

    @Test
    public void aFailedPublicationLeavesNoReleaseAndNoRow() throws Exception {
        node.releases.generateKey(node.admin, false);
        Files.delete(node.system.resolve("cn/gannan/hpf/core-api/0.2.0/core-api-0.2.0.jar"));
        assertThrows(HpfException.class, () -> node.releases.publish(node.admin, "0.2.0", List.of()));
        assertTrue(node.releases.releases(node.admin).isEmpty());
        assertFalse(Files.exists(node.root.resolve("data/fleet/releases/0.2.0")));
        assertThrows(NotFoundException.class, () -> node.releases.manifest(node.admin, "0.2.0"));
    }

    @Test
    public void anUnrecordedFolderIsNotAPublishedRelease() throws Exception {
        Files.createDirectories(node.root.resolve("data/fleet/releases/9.9.9"));
        Files.writeString(node.root.resolve("data/fleet/releases/9.9.9/release.manifest"), "x");
        assertTrue(node.store.publishedDir("9.9.9").isEmpty());
        assertTrue(node.store.publishedDir("../etc").isEmpty());
    }
}
