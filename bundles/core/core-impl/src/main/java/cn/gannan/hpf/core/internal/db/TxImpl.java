package cn.gannan.hpf.core.internal.db;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import cn.gannan.hpf.core.api.AuditAction;
import cn.gannan.hpf.core.api.Caller;
import cn.gannan.hpf.core.api.spi.Tx;

/** One transaction on one connection. */
final class TxImpl implements Tx {

    /** Longest change text kept in one audit line. */
    static final int MAX_CHANGES = 8000;

    private final Connection connection;
    private final Caller caller;
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    TxImpl(Connection connection, Caller caller) {
        this.connection = connection;
        this.caller = Objects.requireNonNull(caller, "caller");
    }

    @Override
    public Caller caller() {
        return caller;
    }

    @Override
    public Instant now() {
        return now;
    }

    @Override
    public Connection connection() {
        return connection;
    }

    @Override
    public int update(String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = prepare(sql, params)) {
            return ps.executeUpdate();
        }
    }

    @Override
    public <T> List<T> query(String sql, RowMapper<T> mapper, Object... params) throws SQLException {
        try (PreparedStatement ps = prepare(sql, params); ResultSet rs = ps.executeQuery()) {
            List<T> out = new ArrayList<>();
            while (rs.next()) {
                out.add(mapper.map(rs));
            }
            return out;
        }
    }

    @Override
    public <T> Optional<T> queryOne(String sql, RowMapper<T> mapper, Object... params) throws SQLException {
        try (PreparedStatement ps = prepare(sql, params); ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.ofNullable(mapper.map(rs)) : Optional.empty();
        }
    }

    @Override
    public long count(String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = prepare(sql, params); ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0L;
        }
    }

    @Override
    public void audit(String module, String entity, String entityId, String officeCode, AuditAction action,
            Map<String, Object[]> changes) throws SQLException {
        update("INSERT INTO HPF_AUDIT (ID, EVENT_AT, USERNAME, OFFICE_CODE, MODULE_ID, ENTITY, ENTITY_ID, AUDIT_ACTION, CHANGES)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                UUID.randomUUID().toString(), now, caller.username(), officeCode, module, entity, entityId, action,
                describe(changes));
    }

    /** Renders changes as {@code field: old → new} lines, capped at {@link #MAX_CHANGES}. */
    static String describe(Map<String, Object[]> changes) {
        if (changes == null || changes.isEmpty()) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, Object[]> e : changes.entrySet()) {
            Object[] v = e.getValue();
            if (sb.length() > 0) {
                sb.append('\n');
            }
            sb.append(e.getKey()).append(": ").append(show(v.length > 0 ? v[0] : null)).append(" → ")
                    .append(show(v.length > 1 ? v[1] : null));
        }
        return sb.length() > MAX_CHANGES ? sb.substring(0, MAX_CHANGES - 1) + "…" : sb.toString();
    }

    private static String show(Object o) {
        return o == null ? "∅" : String.valueOf(o);
    }

    private PreparedStatement prepare(String sql, Object... params) throws SQLException {
        PreparedStatement ps = connection.prepareStatement(sql);
        try {
            for (int i = 0; i < params.length; i++) {
                bind(ps, i + 1, params[i]);
            }
            return ps;
        } catch (SQLException | RuntimeException e) {
            ps.close();
            throw e;
        }
    }

    static void bind(PreparedStatement ps, int index, Object value) throws SQLException {
        if (value == null) {
            ps.setNull(index, nullType(ps));
        } else if (value instanceof Instant i) {
            ps.setTimestamp(index, Timestamp.from(i));
        } else if (value instanceof LocalDate d) {
            ps.setDate(index, Date.valueOf(d));
        } else if (value instanceof Enum<?> e) {
            ps.setString(index, e.name());
        } else if (value instanceof Boolean b) {
            ps.setBoolean(index, b);
        } else if (value instanceof Integer n) {
            ps.setInt(index, n);
        } else if (value instanceof Long n) {
            ps.setLong(index, n);
        } else {
            ps.setObject(index, value);
        }
    }

    /**
     * The SQL type for a null parameter whose column type the caller does not say: PostgreSQL infers it from the
     * statement when the type is unspecified (VARCHAR would be refused for a DATE or INTEGER column); Derby
     * accepts a VARCHAR null for any column.
     */
    static int nullType(PreparedStatement ps) throws SQLException {
        String product = ps.getConnection().getMetaData().getDatabaseProductName();
        return product != null && product.toLowerCase(java.util.Locale.ROOT).contains("postgres") ? Types.NULL
                : Types.VARCHAR;
    }
}
