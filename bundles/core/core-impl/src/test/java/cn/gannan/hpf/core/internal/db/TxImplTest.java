package cn.gannan.hpf.core.internal.db;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.Types;

import org.junit.Test;

public class TxImplTest {

    private static PreparedStatement statementOn(String product) throws Exception {
        PreparedStatement ps = mock(PreparedStatement.class);
        Connection c = mock(Connection.class);
        DatabaseMetaData md = mock(DatabaseMetaData.class);
        when(ps.getConnection()).thenReturn(c);
        when(c.getMetaData()).thenReturn(md);
        when(md.getDatabaseProductName()).thenReturn(product);
        return ps;
    }

    @Test
    public void nullIsUntypedOnPostgresql() throws Exception {
        PreparedStatement ps = statementOn("PostgreSQL");
        TxImpl.bind(ps, 3, null);
        verify(ps).setNull(3, Types.NULL);
    }

    @Test
    public void nullIsVarcharOnDerby() throws Exception {
        PreparedStatement ps = statementOn("Apache Derby");
        TxImpl.bind(ps, 1, null);
        verify(ps).setNull(1, Types.VARCHAR);
    }
}
