package cn.gannan.hpf.core.api.spi;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;

import cn.gannan.hpf.core.api.RecordMeta;

/** Reading columns that may be null, and the bookkeeping columns every record has. */
public final class Rows {

    /** The bookkeeping columns, to append to a select list. */
    public static final String META = "CREATED_BY, CREATED_AT, UPDATED_BY, UPDATED_AT, VERSION";

    private Rows() {
    }

    public static Instant instant(ResultSet rs, String col) throws SQLException {
        Timestamp t = rs.getTimestamp(col);
        return t == null ? null : t.toInstant();
    }

    public static LocalDate date(ResultSet rs, String col) throws SQLException {
        Date d = rs.getDate(col);
        return d == null ? null : d.toLocalDate();
    }

    public static <E extends Enum<E>> E enumValue(ResultSet rs, String col, Class<E> type) throws SQLException {
        String s = rs.getString(col);
        return s == null ? null : Enum.valueOf(type, s.trim());
    }

    public static RecordMeta meta(ResultSet rs) throws SQLException {
        return new RecordMeta(rs.getString("CREATED_BY"), instant(rs, "CREATED_AT"), rs.getString("UPDATED_BY"),
                instant(rs, "UPDATED_AT"), rs.getLong("VERSION"));
    }
}
