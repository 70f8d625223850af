package cn.gannan.hpf.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.Map;

import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

import cn.gannan.hpf.itests.support.Http;
import cn.gannan.hpf.itests.support.OfficeNode;
import cn.gannan.hpf.itests.support.PostgresServer;

/**
 * The office node on PostgreSQL by configuration only: the same distribution, {@code hpf-postgresql} added to the
 * boot features and {@code etc/org.ops4j.datasource-hpf.cfg} pointing at a local PostgreSQL server. The core's
 * migrations, demo data, authentication, API writes and audit run on it unchanged.
 */
public class PostgresNodeIT {

    static PostgresServer pg;
    static OfficeNode node;

    @BeforeClass
    public static void start() throws Exception {
        pg = PostgresServer.start();
        node = OfficeNode.start("postgres", Map.of(
                "etc/org.ops4j.datasource-hpf.cfg#osgi.jdbc.driver.name", "PostgreSQL JDBC Driver",
                "etc/org.ops4j.datasource-hpf.cfg#url", pg.jdbcUrl(),
                "etc/org.ops4j.datasource-hpf.cfg#user", "hpf",
                "etc/org.ops4j.datasource-hpf.cfg#password", "hpf",
                "etc/org.ops4j.datasource-hpf.cfg#dataSourceName", "hpf"),
                home -> OfficeNode.addBootFeature(home, "hpf-postgresql"));
    }

    @AfterClass
    public static void stop() {
        if (node != null) {
            node.stop();
        }
        if (pg != null) {
            pg.close();
        }
    }

    @Test
    public void coreRunsOnPostgresql() throws Exception {
        String info = node.console("demo.admin", Http.DEMO_PASSWORD, "hpf:office-info");
        assertTrue("office-info does not name PostgreSQL:\n" + info, info.contains("PostgreSQL"));

        // the core schema and the demo data live in PostgreSQL
        assertTrue("no core migration recorded in PostgreSQL",
                Long.parseLong(pg.psql("SELECT COUNT(*) FROM HPF_SCHEMA_HISTORY WHERE MODULE_ID = 'core'")) >= 1);
        long people = Long.parseLong(pg.psql("SELECT COUNT(*) FROM HPF_PERSON"));
        assertTrue("demo staff in PostgreSQL: " + people, people >= 100);
        assertEquals("9", pg.psql("SELECT COUNT(*) FROM HPF_OFFICE"));

        Http api = node.http();
        String central = Http.demo("demo.central");
        assertEquals(people, Http.jsonLong(api.get("/api/people?limit=1", central).expect(200).body, "total"));

        // a write through the API, audited in the same transaction
        String personAudits = "SELECT COUNT(*) FROM HPF_AUDIT WHERE ENTITY = 'person' AND AUDIT_ACTION = 'CREATE'";
        long audits = Long.parseLong(pg.psql(personAudits));
        Http.Resp created = api.post("/api/people", central,
                "{\"officeCode\":\"GN03\",\"name\":\"卓玛\",\"politicalStatus\":\"MASSES\"}");
        assertTrue(created.toString(), created.status == 200 || created.status == 201);
        assertEquals(String.valueOf(people + 1), pg.psql("SELECT COUNT(*) FROM HPF_PERSON"));
        assertEquals(String.valueOf(audits + 1), pg.psql(personAudits));
        assertEquals("卓玛", pg.psql("SELECT NAME FROM HPF_PERSON WHERE NAME = '卓玛'"));

        // bad input changes nothing here either
        api.post("/api/people", central, "{\"officeCode\":\"GN03\",\"name\":\"" + "张".repeat(51) + "\"}").expect(422);
        assertEquals(String.valueOf(people + 1), pg.psql("SELECT COUNT(*) FROM HPF_PERSON"));
    }
}
