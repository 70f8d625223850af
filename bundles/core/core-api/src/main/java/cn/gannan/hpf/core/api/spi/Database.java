package cn.gannan.hpf.core.api.spi;

import cn.gannan.hpf.core.api.Caller;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The node's one database. Modules never see a JDBC URL: they run work in a transaction, and
 * every change they audit is written in that same transaction. Nested calls on one thread join
 * the outer transaction.
 */
@ProviderType
public interface Database {

    /** Runs the work in a transaction: committed when it returns, rolled back when it throws. */
    <T> T tx(Caller caller, TxWork<T> work);

    /** Runs read-only work (a transaction too, but rolled back). */
    <T> T read(Caller caller, TxWork<T> work);

    /** Which product the DataSource is: "Apache Derby", "PostgreSQL". */
    String productName();

    /** Work done inside a transaction. */
    @FunctionalInterface
    interface TxWork<T> {
        T run(Tx tx) throws java.sql.SQLException;
    }
}
