package cn.gannan.hpf.fleet.internal.centre;

import static cn.gannan.hpf.fleet.internal.FleetMessages.msg;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;

import cn.gannan.hpf.core.api.AuditAction;
import cn.gannan.hpf.core.api.Caller;
import cn.gannan.hpf.core.api.HpfException;
import cn.gannan.hpf.core.api.NotFoundException;
import cn.gannan.hpf.core.api.Role;
import cn.gannan.hpf.core.api.spi.Rows;
import cn.gannan.hpf.fleet.api.Release;
import cn.gannan.hpf.fleet.api.ReleaseManifest;
import cn.gannan.hpf.fleet.api.ReleaseService;
import cn.gannan.hpf.fleet.api.SigningKey;
import cn.gannan.hpf.fleet.internal.release.ManifestFormat;
import cn.gannan.hpf.fleet.internal.release.ReleaseKeys;
import cn.gannan.hpf.fleet.internal.release.ReleaseLayout;
import cn.gannan.hpf.fleet.internal.release.ReleasePublisher;

/** Releases at the centre: the signing key, publishing, the list. */
@Component(service = ReleaseService.class, configurationPid = CentreConfig.PID, configurationPolicy = ConfigurationPolicy.REQUIRE)
public class ReleaseServiceImpl implements ReleaseService {

    private static final String COLUMNS = "RELEASE_VERSION, FEATURES_URI, KEY_ID, ARTIFACT_COUNT, TOTAL_BYTES, CREATED_BY, CREATED_AT";

    private final CentreStore store;

    @Activate
    public ReleaseServiceImpl(@Reference CentreStore store) {
        this.store = store;
    }

    private ReleaseKeys keys() {
        return new ReleaseKeys(store.keyDir());
    }

    @Override
    public SigningKey generateKey(Caller caller, boolean replace) {
        caller.requireAnyRole(Role.CENTRAL_ADMIN);
        String before = keys().current().map(SigningKey::keyId).orElse(null);
        SigningKey key = keys().generate(replace);
        store.db.tx(caller, tx -> {
            Map<String, Object[]> changes = new LinkedHashMap<>();
            changes.put("keyId", new Object[] { before, key.keyId() });
            tx.audit(CentreStore.MODULE, "signingKey", key.keyId(), store.centreCode(),
                    before == null ? AuditAction.CREATE : AuditAction.UPDATE, changes);
            return null;
        });
        return key;
    }

    @Override
    public Optional<SigningKey> signingKey(Caller caller) {
        caller.requireAnyRole(Role.CENTRAL_ADMIN, Role.AUDITOR);
        return keys().current();
    }

    @Override
    public Release publish(Caller caller, String version, List<String> sourceFolders) {
        caller.requireAnyRole(Role.CENTRAL_ADMIN);
        List<Path> sources = sourceFolders == null || sourceFolders.isEmpty() ? store.sources()
                : sourceFolders.stream().map(String::strip).filter(s -> !s.isEmpty()).map(Path::of).toList();
        for (Path s : sources) {
            if (!Files.isDirectory(s)) {
                throw new HpfException(msg("error.publish.noSource", s));
            }
        }
        ReleaseKeys keys = keys();
        String keyId = ReleaseKeys.keyId(keys.publicKey());
        ReleasePublisher publisher = new ReleasePublisher(sources, store.releasesDir());
        ReleaseManifest m = publisher.publish(version, store.config.featuresRepository(), keys.privateKey(), keyId, store.now());
        try {
            return store.db.tx(caller, tx -> {
                tx.update("INSERT INTO FLT_RELEASE (ID, OFFICE_CODE, " + COLUMNS + ", UPDATED_BY, UPDATED_AT, VERSION)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)",
                        UUID.randomUUID().toString(), store.centreCode(), m.release(), m.featuresRepository(), m.keyId(),
                        m.artifacts().size(), m.totalBytes(), caller.username(), tx.now(), caller.username(), tx.now());
                Map<String, Object[]> changes = new LinkedHashMap<>();
                changes.put("features", new Object[] { null, m.featuresRepository() });
                changes.put("artifacts", new Object[] { null, m.artifacts().size() });
                changes.put("bytes", new Object[] { null, m.totalBytes() });
                changes.put("keyId", new Object[] { null, m.keyId() });
                tx.audit(CentreStore.MODULE, "release", m.release(), store.centreCode(), AuditAction.CREATE, changes);
                return new Release(m.release(), m.featuresRepository(), m.keyId(), m.artifacts().size(), m.totalBytes(),
                        tx.now(), caller.username());
            });
        } catch (RuntimeException e) {
            ReleasePublisher.deleteTree(publisher.releaseDir(version)); // not recorded: not published
            throw e;
        }
    }

    @Override
    public List<Release> releases(Caller caller) {
        caller.requireAnyRole(Role.CENTRAL_ADMIN, Role.AUDITOR);
        return store.db.read(caller, tx -> tx.query("SELECT " + COLUMNS + " FROM FLT_RELEASE ORDER BY CREATED_AT DESC, RELEASE_VERSION DESC",
                rs -> new Release(rs.getString("RELEASE_VERSION"), rs.getString("FEATURES_URI"), rs.getString("KEY_ID"),
                        rs.getInt("ARTIFACT_COUNT"), rs.getLong("TOTAL_BYTES"), Rows.instant(rs, "CREATED_AT"),
                        rs.getString("CREATED_BY"))));
    }

    @Override
    public ReleaseManifest manifest(Caller caller, String version) {
        caller.requireAnyRole(Role.CENTRAL_ADMIN, Role.AUDITOR);
        Path dir = store.publishedDir(version)
                .orElseThrow(() -> new NotFoundException(msg("error.release.unknown", version == null ? "" : version)));
        try {
            return ManifestFormat.parse(Files.readAllBytes(ReleaseLayout.manifest(dir)));
        } catch (IOException e) {
            throw new HpfException(msg("error.release.unreadable", dir, e.getMessage()), e);
        }
    }
}
