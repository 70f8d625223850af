package cn.gannan.hpf.counter.internal;

import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import cn.gannan.hpf.core.api.Msg;
import cn.gannan.hpf.core.api.NotFoundException;
import cn.gannan.hpf.core.api.Role;
import cn.gannan.hpf.core.api.StaleRecordException;
import cn.gannan.hpf.core.api.ValidationException;
import cn.gannan.hpf.core.api.spi.Tx;
import cn.gannan.hpf.counter.api.CounterMessages;

/** What the counter's services share: messages, the office zone, optimistic locking checks. */
final class Support {

    static final String MODULE = "counter";
    static final String MIGRATIONS = "db/counter";
    /** The offices' zone: a "day" of the queue and of time limits is a day in Gannan. */
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    /** Roles that work at the counter (a pure auditor reads only). */
    static final Role[] CLERKS = {Role.STAFF, Role.BRANCH_SECRETARY, Role.LEADER, Role.OFFICE_ADMIN, Role.CENTRAL_ADMIN};
    /** Roles that supervise: rectifications, SMS outbox. */
    static final Role[] SUPERVISORS = {Role.LEADER, Role.OFFICE_ADMIN, Role.CENTRAL_ADMIN};

    private Support() {
    }

    static Msg m(String key, Object... args) {
        return CounterMessages.msg(key, args);
    }

    static LocalDate day(Instant i) {
        return i.atZone(ZONE).toLocalDate();
    }

    static NotFoundException notFound(String entityKey, String id) {
        return new NotFoundException(m("error.notFound", m(entityKey), id));
    }

    /** After an UPDATE … WHERE ID = ? AND VERSION = ?: 0 rows is a stale or vanished record. */
    static void requireUpdated(Tx tx, int rows, String table, String id, String entityKey) throws SQLException {
        if (rows == 1) {
            return;
        }
        if (tx.count("SELECT COUNT(*) FROM " + table + " WHERE ID = ?", id) == 0) {
            throw notFound(entityKey, id);
        }
        throw new StaleRecordException(m("error.stale", m(entityKey)));
    }

    static void requireVersion(long actual, long expected, String entityKey) {
        if (actual != expected) {
            throw new StaleRecordException(m("error.stale", m(entityKey)));
        }
    }

    static ValidationException refused(String field, String key, Object... args) {
        return field == null ? new ValidationException(m(key, args)) : ValidationException.field(field, m(key, args));
    }

    static Map<String, Object[]> change(String field, Object from, Object to) {
        return Map.of(field, new Object[] {from, to});
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static int flag(boolean b) {
        return b ? 1 : 0;
    }
}
