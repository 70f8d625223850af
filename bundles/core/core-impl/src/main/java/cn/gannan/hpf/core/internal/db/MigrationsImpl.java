package cn.gannan.hpf.core.internal.db;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import cn.gannan.hpf.core.api.Caller;
import cn.gannan.hpf.core.api.Msg;
import cn.gannan.hpf.core.api.spi.Database;
import cn.gannan.hpf.core.api.spi.MigrationException;
import cn.gannan.hpf.core.api.spi.Migrations;
import cn.gannan.hpf.core.api.spi.Rows;

import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Versioned migrations. Each script runs in its own transaction together with its history row,
 * so a failed script leaves the schema as it was; the failure is recorded (in a separate
 * transaction) for the admin page and thrown, and the module does not activate. The core's own
 * schema is migrated when this component activates, so every core service that references
 * {@link Migrations} finds its tables.
 */
@Component(service = Migrations.class)
public class MigrationsImpl implements Migrations {

    private static final Logger LOG = LoggerFactory.getLogger(MigrationsImpl.class);
    private static final Pattern NAME = Pattern.compile("V(\\d+)__([A-Za-z0-9_\\-]+)\\.sql");
    private static final String HISTORY = "HPF_SCHEMA_HISTORY";

    private final Database db;

    @Activate
    public MigrationsImpl(@Reference Database db) {
        this.db = db;
        ensureHistoryTable();
        migrate("core", MigrationsImpl.class, "db/core");
    }

    @Override
    public synchronized MigrationResult migrate(String module, Class<?> anchor, String folder) {
        Map<Integer, Script> scripts = scan(anchor, folder);
        Map<Integer, String> applied = appliedChecksums(module);
        int from = applied.keySet().stream().max(Integer::compare).orElse(0);
        List<String> done = new ArrayList<>();
        for (Script s : scripts.values()) {
            String known = applied.get(s.version);
            if (known != null) {
                if (!known.equals(s.checksum)) {
                    throw new MigrationException(Msg.core("error.migration.checksum", module, s.name), null);
                }
                continue;
            }
            apply(module, s);
            done.add(s.name);
        }
        int to = scripts.isEmpty() ? from : Math.max(from, Collections.max(scripts.keySet()));
        if (!done.isEmpty()) {
            LOG.info("Module {}: schema migrated from version {} to {} ({})", module, from, to, done);
        }
        return new MigrationResult(module, from, to, done);
    }

    @Override
    public List<MigrationRecord> history() {
        return db.read(Caller.system("GN00"), tx -> tx.query(
                "SELECT MODULE_ID, VERSION, DESCRIPTION, CHECKSUM, APPLIED_AT, SUCCESS, ERROR FROM " + HISTORY
                        + " ORDER BY MODULE_ID, VERSION, APPLIED_AT",
                rs -> new MigrationRecord(rs.getString("MODULE_ID"), rs.getInt("VERSION"), rs.getString("DESCRIPTION"),
                        rs.getString("CHECKSUM"), Rows.instant(rs, "APPLIED_AT"), rs.getBoolean("SUCCESS"),
                        rs.getString("ERROR"))));
    }

    private void apply(String module, Script s) {
        Caller system = Caller.system("GN00");
        try {
            db.tx(system, tx -> {
                try (Statement st = tx.connection().createStatement()) {
                    for (String sql : s.statements) {
                        st.execute(sql);
                    }
                }
                tx.update("INSERT INTO " + HISTORY + " (ID, MODULE_ID, VERSION, DESCRIPTION, CHECKSUM, APPLIED_AT, SUCCESS, ERROR)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)", UUID.randomUUID().toString(), module, s.version,
                        s.description, s.checksum, tx.now(), true, null);
                return null;
            });
        } catch (RuntimeException e) {
            Throwable root = e.getCause() != null ? e.getCause() : e;
            String error = root.getMessage() == null ? root.getClass().getName() : root.getMessage();
            LOG.error("Module {}: migration {} failed: {}", module, s.name, error);
            db.tx(system, tx -> tx.update("INSERT INTO " + HISTORY
                    + " (ID, MODULE_ID, VERSION, DESCRIPTION, CHECKSUM, APPLIED_AT, SUCCESS, ERROR) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    UUID.randomUUID().toString(), module, s.version, s.description, s.checksum, tx.now(), false,
                    error.length() > 1000 ? error.substring(0, 1000) : error));
            throw new MigrationException(Msg.core("error.migration.failed", module, s.name, error), root);
        }
    }

    private Map<Integer, String> appliedChecksums(String module) {
        Map<Integer, String> out = new TreeMap<>();
        db.read(Caller.system("GN00"), tx -> tx.query("SELECT VERSION, CHECKSUM FROM " + HISTORY
                + " WHERE MODULE_ID = ? AND SUCCESS = ?", rs -> out.put(rs.getInt(1), rs.getString(2)), module, true));
        return out;
    }

    private void ensureHistoryTable() {
        db.tx(Caller.system("GN00"), tx -> {
            Connection c = tx.connection();
            if (!tableExists(c, HISTORY)) {
                try (Statement st = c.createStatement()) {
                    st.execute("CREATE TABLE " + HISTORY + " (ID VARCHAR(36) NOT NULL PRIMARY KEY,"
                            + " MODULE_ID VARCHAR(64) NOT NULL, VERSION INTEGER NOT NULL, DESCRIPTION VARCHAR(200) NOT NULL,"
                            + " CHECKSUM VARCHAR(64) NOT NULL, APPLIED_AT TIMESTAMP NOT NULL, SUCCESS BOOLEAN NOT NULL,"
                            + " ERROR VARCHAR(1000))");
                }
            }
            return null;
        });
    }

    static boolean tableExists(Connection c, String table) throws SQLException {
        DatabaseMetaData md = c.getMetaData();
        for (String name : new String[] {table.toUpperCase(), table.toLowerCase()}) {
            try (ResultSet rs = md.getTables(null, null, name, new String[] {"TABLE"})) {
                if (rs.next()) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Finds the scripts of a module, in the OSGi bundle of the anchor class or on the class path. */
    static Map<Integer, Script> scan(Class<?> anchor, String folder) {
        Map<Integer, Script> out = new TreeMap<>();
        for (Map.Entry<String, URL> e : list(anchor, folder).entrySet()) {
            Matcher m = NAME.matcher(e.getKey());
            if (!m.matches()) {
                continue;
            }
            int version = Integer.parseInt(m.group(1));
            String text;
            try (InputStream in = e.getValue().openStream()) {
                text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException ex) {
                throw new MigrationException(Msg.core("error.migration.failed", folder, e.getKey(), ex.getMessage()), ex);
            }
            Script previous = out.put(version, new Script(version, e.getKey(), m.group(2).replace('_', ' '), text));
            if (previous != null) {
                throw new MigrationException(Msg.core("error.migration.failed", folder, e.getKey(),
                        "duplicate version " + version), null);
            }
        }
        return out;
    }

    private static Map<String, URL> list(Class<?> anchor, String folder) {
        Map<String, URL> out = new TreeMap<>();
        Bundle bundle = FrameworkUtil.getBundle(anchor);
        if (bundle != null) {
            Enumeration<URL> urls = bundle.findEntries(folder, "*.sql", false);
            while (urls != null && urls.hasMoreElements()) {
                URL u = urls.nextElement();
                String path = u.getPath();
                out.put(path.substring(path.lastIndexOf('/') + 1), u);
            }
            return out;
        }
        URL dir = anchor.getClassLoader().getResource(folder);
        if (dir == null || !"file".equals(dir.getProtocol())) {
            return out;
        }
        try (Stream<Path> files = Files.list(Paths.get(dir.toURI()))) {
            for (Path p : (Iterable<Path>) files::iterator) {
                out.put(p.getFileName().toString(), p.toUri().toURL());
            }
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException("Cannot list " + dir, e);
        }
        return out;
    }

    /** One script: its statements and checksum. */
    static final class Script {
        final int version;
        final String name;
        final String description;
        final String checksum;
        final List<String> statements;

        Script(int version, String name, String description, String text) {
            this.version = version;
            this.name = name;
            this.description = description;
            this.checksum = sha256(text);
            this.statements = split(text);
        }
    }

    /** Splits a script at semicolons that end a line; drops comment lines and blank statements. */
    static List<String> split(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder sb = new StringBuilder();
        for (String line : text.split("\\R")) {
            String t = line.strip();
            if (t.startsWith("--") || t.isEmpty()) {
                continue;
            }
            if (t.endsWith(";")) {
                sb.append(t, 0, t.length() - 1);
                if (!sb.toString().isBlank()) {
                    out.add(sb.toString().strip());
                }
                sb.setLength(0);
            } else {
                sb.append(t).append('\n');
            }
        }
        if (!sb.toString().isBlank()) {
            out.add(sb.toString().strip());
        }
        return out;
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
