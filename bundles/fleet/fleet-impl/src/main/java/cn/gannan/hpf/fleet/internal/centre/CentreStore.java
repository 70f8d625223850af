package cn.gannan.hpf.fleet.internal.centre;

import static cn.gannan.hpf.fleet.internal.FleetMessages.msg;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

import cn.gannan.hpf.core.api.Caller;
import cn.gannan.hpf.core.api.NotFoundException;
import cn.gannan.hpf.core.api.Office;
import cn.gannan.hpf.core.api.OfficeService;
import cn.gannan.hpf.core.api.spi.Database;
import cn.gannan.hpf.core.api.spi.Migrations;
import cn.gannan.hpf.core.api.spi.Tx;
import cn.gannan.hpf.fleet.internal.release.ManifestFormat;
import cn.gannan.hpf.fleet.internal.release.ReleaseLayout;

/**
 * The centre's fleet data and settings: applies the fleet schema when the centre configuration is present
 * (on a county node this component, and every centre service that needs it, stays inactive).
 */
@Component(service = CentreStore.class, configurationPid = CentreConfig.PID, configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = CentreConfig.class)
public class CentreStore {

    public static final String MODULE = "fleet";

    final Database db;
    final OfficeService offices;
    final CentreConfig config;
    Clock clock = Clock.systemUTC();

    @Activate
    public CentreStore(@Reference Database db, @Reference Migrations migrations, @Reference OfficeService offices,
            CentreConfig config) {
        this.db = db;
        this.offices = offices;
        this.config = config;
        migrations.migrate(MODULE, CentreStore.class, "db/fleet");
    }

    Instant now() {
        return clock.instant();
    }

    String centreCode() {
        return offices.current().code();
    }

    Caller system() {
        return Caller.system(centreCode());
    }

    Path keyDir() {
        return Path.of(config.keyDir());
    }

    Path releasesDir() {
        return Path.of(config.releasesDir());
    }

    List<Path> sources() {
        return Arrays.stream(config.sources().split(",")).map(String::strip).filter(s -> !s.isEmpty()).map(Path::of).toList();
    }

    int pollSeconds() {
        return Math.max(10, config.pollSeconds());
    }

    int staleAfterPolls() {
        return Math.max(1, config.staleAfterPolls());
    }

    /** The county offices (every office but the central ones). */
    List<Office> counties() {
        return offices.offices().stream().filter(o -> !o.central()).toList();
    }

    /** A county office by code; {@code NotFoundException} for an unknown or central one. */
    Office county(String code) {
        return offices.find(code == null ? "" : code.strip()).filter(o -> !o.central())
                .orElseThrow(() -> new NotFoundException(msg("error.office.unknown", code == null ? "" : code)));
    }

    /** Creates the office's row on first use. */
    void ensureOffice(Tx tx, String code) throws SQLException {
        if (tx.count("SELECT COUNT(*) FROM FLT_OFFICE WHERE OFFICE_CODE = ?", code) == 0) {
            tx.update("INSERT INTO FLT_OFFICE (ID, OFFICE_CODE, TARGET_ATTEMPT, CREATED_BY, CREATED_AT, UPDATED_BY, UPDATED_AT, VERSION)"
                    + " VALUES (?, ?, 0, ?, ?, ?, ?, 0)",
                    UUID.randomUUID().toString(), code, tx.caller().username(), tx.now(), tx.caller().username(), tx.now());
        }
    }

    /** The folder of a recorded release, if it is recorded and on disk. */
    Optional<Path> publishedDir(String version) {
        if (!ManifestFormat.validVersion(version)) {
            return Optional.empty();
        }
        boolean recorded = db.read(system(),
                tx -> tx.count("SELECT COUNT(*) FROM FLT_RELEASE WHERE RELEASE_VERSION = ?", version)) > 0;
        Path dir = releasesDir().resolve(version);
        return recorded && Files.isRegularFile(ReleaseLayout.manifest(dir)) ? Optional.of(dir) : Optional.empty();
    }

    /** Whether a release of this version is published. */
    boolean published(Tx tx, String version) throws SQLException {
        return tx.count("SELECT COUNT(*) FROM FLT_RELEASE WHERE RELEASE_VERSION = ?", version) > 0;
    }
}
