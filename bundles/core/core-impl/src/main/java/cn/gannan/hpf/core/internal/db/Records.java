package cn.gannan.hpf.core.internal.db;

import java.sql.SQLException;

import cn.gannan.hpf.core.api.Msg;
import cn.gannan.hpf.core.api.NotFoundException;
import cn.gannan.hpf.core.api.StaleRecordException;
import cn.gannan.hpf.core.api.spi.Tx;

/** Optimistic-locking and not-found answers shared by the core services. */
public final class Records {

    private Records() {
    }

    /**
     * After an {@code UPDATE ... WHERE ID = ? AND VERSION = ?}: nothing updated means the record is
     * gone or someone else changed it first.
     */
    public static void requireUpdated(Tx tx, int rows, String table, String id, String entityKey) throws SQLException {
        if (rows == 1) {
            return;
        }
        if (tx.count("SELECT COUNT(*) FROM " + table + " WHERE ID = ?", id) == 0) {
            throw notFound(entityKey, id);
        }
        throw new StaleRecordException(Msg.core("error.stale"));
    }

    public static NotFoundException notFound(String entityKey, String id) {
        return new NotFoundException(Msg.core("error.notFound", Msg.core(entityKey), id));
    }
}
