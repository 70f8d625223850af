package cn.gannan.hpf.modules.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import cn.gannan.hpf.core.api.AuditAction;
import cn.gannan.hpf.core.api.Caller;
import cn.gannan.hpf.core.api.spi.Database;
import cn.gannan.hpf.core.api.spi.Tx;

/** The desired set in MOD_DESIRED, markers in MOD_SETTING; every change audited in the same transaction. */
final class DbDesiredStore implements DesiredStore {

    static final String STORED = "desired.stored";

    private final Database db;
    private final String office;

    DbDesiredStore(Database db, String office) {
        this.db = db;
        this.office = office;
    }

    @Override
    public Optional<Map<String, String>> load() {
        return db.read(Caller.system(office), tx -> {
            if (marker(tx, STORED).isEmpty()) {
                return Optional.<Map<String, String>>empty();
            }
            Map<String, String> out = new LinkedHashMap<>();
            tx.query("SELECT MODULE_ID, FEATURE FROM MOD_DESIRED ORDER BY MODULE_ID",
                    rs -> out.put(rs.getString(1), rs.getString(2)));
            return Optional.of(out);
        });
    }

    @Override
    public void save(Caller caller, Map<String, String> desired, String reason) {
        db.tx(caller, tx -> {
            Map<String, String> old = new LinkedHashMap<>();
            tx.query("SELECT MODULE_ID, FEATURE FROM MOD_DESIRED", rs -> old.put(rs.getString(1), rs.getString(2)));
            for (String id : old.keySet()) {
                if (!desired.containsKey(id)) {
                    tx.update("DELETE FROM MOD_DESIRED WHERE MODULE_ID = ?", id);
                    audit(tx, id, true, false, reason);
                }
            }
            for (Map.Entry<String, String> e : desired.entrySet()) {
                if (!old.containsKey(e.getKey())) {
                    tx.update("INSERT INTO MOD_DESIRED (ID, OFFICE_CODE, MODULE_ID, FEATURE, CREATED_BY, CREATED_AT,"
                            + " UPDATED_BY, UPDATED_AT, VERSION) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0)",
                            UUID.randomUUID().toString(), office, e.getKey(), e.getValue(), caller.username(),
                            tx.now(), caller.username(), tx.now());
                    audit(tx, e.getKey(), false, true, reason);
                }
            }
            setMarker(tx, STORED, "1");
            return null;
        });
    }

    private void audit(Tx tx, String id, boolean from, boolean to, String reason) throws java.sql.SQLException {
        Map<String, Object[]> changes = new LinkedHashMap<>();
        changes.put("enabled", new Object[] {from, to});
        changes.put("reason", new Object[] {null, reason});
        tx.audit("modules", "module", id, office, AuditAction.UPDATE, changes);
    }

    @Override
    public Optional<String> marker(String name) {
        return db.read(Caller.system(office), tx -> marker(tx, name));
    }

    @Override
    public void setMarker(Caller caller, String name, String value) {
        db.tx(caller, tx -> {
            setMarker(tx, name, value);
            return null;
        });
    }

    private static Optional<String> marker(Tx tx, String name) throws java.sql.SQLException {
        return tx.queryOne("SELECT VAL FROM MOD_SETTING WHERE NAME = ?", rs -> rs.getString(1), name);
    }

    private static void setMarker(Tx tx, String name, String value) throws java.sql.SQLException {
        tx.update("DELETE FROM MOD_SETTING WHERE NAME = ?", name);
        if (value != null) {
            tx.update("INSERT INTO MOD_SETTING (NAME, VAL) VALUES (?, ?)", name, value);
        }
    }
}
