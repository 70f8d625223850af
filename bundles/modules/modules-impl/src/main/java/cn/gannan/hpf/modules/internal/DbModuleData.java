package cn.gannan.hpf.modules.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import cn.gannan.hpf.core.api.AuditAction;
import cn.gannan.hpf.core.api.Caller;
import cn.gannan.hpf.core.api.spi.Database;
import cn.gannan.hpf.modules.api.ModuleExport;
import cn.gannan.hpf.modules.api.ModuleInfo;

/** Export and purge through JDBC metadata: every table whose name starts with the module's prefix. */
final class DbModuleData implements ModuleData {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final Database db;
    private final String office;

    DbModuleData(Database db, String office) {
        this.db = db;
        this.office = office;
    }

    static List<String> tables(Connection c, String prefix) throws SQLException {
        DatabaseMetaData md = c.getMetaData();
        String schema = c.getSchema();
        List<String> out = new ArrayList<>();
        // '_' is a LIKE wildcard: match loosely, then keep exact prefixes only
        try (ResultSet rs = md.getTables(null, schema, "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                String name = rs.getString("TABLE_NAME");
                if (name != null && name.toUpperCase(Locale.ROOT).startsWith(prefix)) {
                    out.add(name);
                }
            }
        }
        out.sort(null);
        return out;
    }

    @Override
    public ModuleExport export(Caller caller, ModuleInfo module) {
        return db.tx(caller, tx -> {
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            long rows = 0;
            List<String> tables = tables(tx.connection(), module.tables());
            try (ZipOutputStream zip = new ZipOutputStream(buf, StandardCharsets.UTF_8)) {
                for (String t : tables) {
                    zip.putNextEntry(new ZipEntry(t + ".csv"));
                    StringBuilder csv = new StringBuilder();
                    try (Statement st = tx.connection().createStatement();
                            ResultSet rs = st.executeQuery("SELECT * FROM " + t)) {
                        ResultSetMetaData md = rs.getMetaData();
                        for (int i = 1; i <= md.getColumnCount(); i++) {
                            csv.append(i > 1 ? "," : "").append(quote(md.getColumnName(i)));
                        }
                        csv.append("\r\n");
                        while (rs.next()) {
                            for (int i = 1; i <= md.getColumnCount(); i++) {
                                Object v = rs.getObject(i);
                                csv.append(i > 1 ? "," : "").append(v == null ? "" : quote(String.valueOf(v)));
                            }
                            csv.append("\r\n");
                            rows++;
                        }
                    }
                    zip.write(csv.toString().getBytes(StandardCharsets.UTF_8));
                    zip.closeEntry();
                }
                zip.putNextEntry(new ZipEntry("README.txt"));
                zip.write(("HPF module data export\nmodule: " + module.id() + " (" + module.feature() + " "
                        + module.version() + ")\noffice: " + office + "\nexported by: " + caller.username() + " at "
                        + tx.now() + "\ntables: " + tables + "\n").getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Map<String, Object[]> changes = new LinkedHashMap<>();
            changes.put("tables", new Object[] {null, String.join(",", tables)});
            changes.put("rows", new Object[] {null, rows});
            tx.audit("modules", "module-export", module.id(), office, AuditAction.CREATE, changes);
            String name = "hpf-" + module.id() + "-" + office + "-"
                    + STAMP.format(tx.now().atZone(ZoneId.systemDefault())) + ".zip";
            return new ModuleExport(module.id(), name, buf.toByteArray(), tables.size(), rows);
        });
    }

    @Override
    public List<String> purge(Caller caller, ModuleInfo module) {
        return db.tx(caller, tx -> {
            List<String> left = new ArrayList<>(tables(tx.connection(), module.tables()));
            List<String> dropped = new ArrayList<>();
            // foreign keys between the module's tables: drop what can go, repeat
            SQLException last = null;
            while (!left.isEmpty()) {
                boolean progress = false;
                for (String t : new ArrayList<>(left)) {
                    // a savepoint keeps the transaction usable after a refused drop (PostgreSQL aborts it otherwise)
                    java.sql.Savepoint sp = tx.connection().setSavepoint();
                    try (Statement st = tx.connection().createStatement()) {
                        st.execute("DROP TABLE " + t);
                        left.remove(t);
                        dropped.add(t);
                        progress = true;
                    } catch (SQLException e) {
                        tx.connection().rollback(sp);
                        last = e;
                    }
                }
                if (!progress) {
                    throw last;
                }
            }
            int forgotten = module.schema() == null ? 0
                    : tx.update("DELETE FROM HPF_SCHEMA_HISTORY WHERE MODULE_ID = ?", module.schema());
            Map<String, Object[]> changes = new LinkedHashMap<>();
            changes.put("tables", new Object[] {String.join(",", dropped), null});
            changes.put("migrations", new Object[] {forgotten, 0});
            tx.audit("modules", "module-data", module.id(), office, AuditAction.DELETE, changes);
            return dropped;
        });
    }

    private static String quote(String s) {
        return "\"" + s.replace("\"", "\"\"") + "\"";
    }
}
