package cn.gannan.hpf.rooms.internal;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import cn.gannan.hpf.core.api.Caller;
import cn.gannan.hpf.core.api.Msg;
import cn.gannan.hpf.core.api.NotFoundException;
import cn.gannan.hpf.core.api.Page;
import cn.gannan.hpf.core.api.PageRequest;
import cn.gannan.hpf.core.api.Role;
import cn.gannan.hpf.core.api.StaleRecordException;
import cn.gannan.hpf.core.api.spi.Tx;
import cn.gannan.hpf.rooms.api.RoomsMsg;

/** Small helpers every service of the module shares: optimistic locking, not-found, audit diffs, roles. */
final class Store {

    static final String MODULE = "rooms";

    /** Who manages a room and its inventory: office admins, leaders, branch secretaries, central admins. */
    static final Role[] MANAGERS = { Role.OFFICE_ADMIN, Role.LEADER, Role.BRANCH_SECRETARY, Role.CENTRAL_ADMIN };

    private Store() {
    }

    /** After {@code UPDATE … WHERE ID = ? AND VERSION = ?}: 0 rows means gone or changed by someone else. */
    static void requireUpdated(Tx tx, int rows, String table, String id, String entityKey) throws SQLException {
        if (rows == 1) {
            return;
        }
        if (tx.count("SELECT COUNT(*) FROM " + table + " WHERE ID = ?", id) == 0) {
            throw notFound(entityKey, id);
        }
        throw new StaleRecordException(Msg.core("error.stale"));
    }

    /**
     * One page of a filtered list: {@code SELECT COUNT(*) FROM <from><where>} for the total, then
     * {@code <select><where><orderBy>} with offset and limit (portable OFFSET … FETCH NEXT).
     */
    static <T> Page<T> page(Tx tx, String from, String select, String where, String orderBy, List<Object> params,
            Tx.RowMapper<T> mapper, PageRequest page) throws SQLException {
        long total = tx.count("SELECT COUNT(*) FROM " + from + where, params.toArray());
        List<Object> p = new ArrayList<>(params);
        p.add(page.offset());
        p.add(page.limit());
        List<T> items = tx.query(select + where + " ORDER BY " + orderBy + " OFFSET ? ROWS FETCH NEXT ? ROWS ONLY", mapper,
                p.toArray());
        return new Page<>(items, page.offset(), page.limit(), total);
    }

    static NotFoundException notFound(String entityKey, String id) {
        return new NotFoundException(Msg.core("error.notFound", RoomsMsg.of(entityKey), id));
    }

    static void diff(Map<String, Object[]> changes, String field, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            changes.put(field, new Object[] {before, after});
        }
    }

    static Map<String, Object[]> changes() {
        return new LinkedHashMap<>();
    }

    static int flag(boolean b) {
        return b ? 1 : 0;
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** Refuses unless the caller manages rooms and may write the office. */
    static void requireManager(Caller caller, String office) {
        caller.requireAnyRole(MANAGERS);
        caller.requireWrite(office);
    }
}
