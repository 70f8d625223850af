package cn.gannan.hpf.core.internal.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;

import javax.sql.DataSource;

import cn.gannan.hpf.core.api.Caller;
import cn.gannan.hpf.core.api.HpfException;
import cn.gannan.hpf.core.api.spi.DataAccessException;
import cn.gannan.hpf.core.api.spi.Database;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's transaction helper over the one DataSource that pax-jdbc-config creates from
 * {@code etc/org.ops4j.datasource-hpf.cfg}. Which DataSource is chosen is configuration
 * ({@code dataSource.target}), never a JDBC URL in code.
 */
@Component(service = Database.class, configurationPid = "cn.gannan.hpf.database")
public class DatabaseImpl implements Database {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseImpl.class);

    private final DataSource dataSource;
    private final ThreadLocal<TxImpl> current = new ThreadLocal<>();
    private final String productName;

    @Activate
    public DatabaseImpl(@Reference(name = "dataSource", target = "(dataSourceName=hpf)") DataSource dataSource) {
        this.dataSource = dataSource;
        try (Connection c = dataSource.getConnection()) {
            this.productName = c.getMetaData().getDatabaseProductName();
        } catch (SQLException e) {
            throw new IllegalStateException("The database cannot be reached: " + e.getMessage(), e);
        }
    }

    @Override
    public <T> T tx(Caller caller, TxWork<T> work) {
        return run(caller, work, false);
    }

    @Override
    public <T> T read(Caller caller, TxWork<T> work) {
        return run(caller, work, true);
    }

    @Override
    public String productName() {
        return productName;
    }

    private <T> T run(Caller caller, TxWork<T> work, boolean readOnly) {
        TxImpl outer = current.get();
        if (outer != null) {
            try {
                return work.run(outer);
            } catch (SQLException e) {
                throw failure(e);
            }
        }
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            TxImpl tx = new TxImpl(c, caller);
            current.set(tx);
            try {
                T result = work.run(tx);
                if (readOnly) {
                    c.rollback();
                } else {
                    c.commit();
                }
                return result;
            } catch (SQLException e) {
                rollbackQuietly(c, e);
                throw failure(e);
            } catch (RuntimeException | Error e) {
                rollbackQuietly(c, e);
                throw e;
            } finally {
                current.remove();
            }
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    private static void rollbackQuietly(Connection c, Throwable cause) {
        try {
            c.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    private static HpfException failure(SQLException e) {
        String ref = UUID.randomUUID().toString().substring(0, 8);
        LOG.error("Database error (reference {})", ref, e);
        return new DataAccessException(ref, e);
    }
}
