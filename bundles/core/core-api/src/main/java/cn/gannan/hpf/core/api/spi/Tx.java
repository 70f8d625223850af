package cn.gannan.hpf.core.api.spi;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.gannan.hpf.core.api.AuditAction;
import cn.gannan.hpf.core.api.Caller;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A transaction in progress, with small JDBC helpers. Statements are closed by the helpers;
 * parameters of type {@link Instant}, {@link java.time.LocalDate}, enums and booleans are
 * converted to their SQL types.
 */
@ProviderType
public interface Tx {

    Caller caller();

    /** The moment the transaction started; use it for created/updated timestamps. */
    Instant now();

    Connection connection();

    int update(String sql, Object... params) throws SQLException;

    <T> List<T> query(String sql, RowMapper<T> mapper, Object... params) throws SQLException;

    <T> Optional<T> queryOne(String sql, RowMapper<T> mapper, Object... params) throws SQLException;

    long count(String sql, Object... params) throws SQLException;

    /**
     * Writes an audit line in this transaction.
     *
     * @param changes field name to {@code [old, new]}; null or empty for none
     */
    void audit(String module, String entity, String entityId, String officeCode, AuditAction action,
            Map<String, Object[]> changes) throws SQLException;

    /** Maps one row. */
    @FunctionalInterface
    interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }
}
