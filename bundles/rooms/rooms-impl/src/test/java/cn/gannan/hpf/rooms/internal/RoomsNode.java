package cn.gannan.hpf.rooms.internal;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.EnumSet;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.derby.jdbc.EmbeddedDataSource;

import cn.gannan.hpf.core.api.Caller;
import cn.gannan.hpf.core.api.Role;
import cn.gannan.hpf.core.internal.db.DatabaseImpl;
import cn.gannan.hpf.core.internal.db.MigrationsImpl;
import cn.gannan.hpf.core.internal.office.OfficeServiceImpl;
import cn.gannan.hpf.core.internal.person.PersonServiceImpl;

/** The core and the rooms services wired by hand over a fresh in-memory Derby database, as DS would. */
final class RoomsNode {

    private static final AtomicInteger SEQ = new AtomicInteger();

    final EmbeddedDataSource dataSource = new EmbeddedDataSource();
    final DatabaseImpl db;
    final OfficeServiceImpl offices;
    final PersonServiceImpl people;
    final RoomsSchema schema;
    final StandardServiceImpl standards;
    final RoomServiceImpl rooms;
    final InventoryServiceImpl inventory;
    final InspectionServiceImpl inspections;
    final BookingServiceImpl bookings;
    final RoomStatisticsServiceImpl stats;

    RoomsNode() {
        this(4096, 3);
    }

    RoomsNode(int maxPhotoBytes, int maxPhotos) {
        dataSource.setDatabaseName("memory:rooms-test-" + SEQ.incrementAndGet() + "-" + System.nanoTime());
        dataSource.setCreateDatabase("create");
        db = new DatabaseImpl(dataSource);
        coreSchema(db);
        MigrationsImpl migrations = new MigrationsImpl(db);
        OfficeServiceImpl.Config oc = mock(OfficeServiceImpl.Config.class);
        when(oc.code()).thenReturn("GN00");
        when(oc.demo()).thenReturn(false);
        offices = new OfficeServiceImpl(db, migrations, oc);
        people = new PersonServiceImpl(db, migrations, offices);
        schema = new RoomsSchema(db, migrations, offices);
        standards = new StandardServiceImpl(db, offices, schema);
        RoomsConfig rc = mock(RoomsConfig.class);
        when(rc.maxPhotoBytes()).thenReturn(maxPhotoBytes);
        when(rc.maxPhotosPerOwner()).thenReturn(maxPhotos);
        rooms = new RoomServiceImpl(db, offices, people, schema, rc);
        inventory = new InventoryServiceImpl(db, schema);
        inspections = new InspectionServiceImpl(db, schema);
        bookings = new BookingServiceImpl(db, schema);
        stats = new RoomStatisticsServiceImpl(db, offices, schema);
    }

    /**
     * The core's migrations find their scripts in a bundle or in a class folder, not inside a jar on
     * the test class path; the core schema is applied here the same way (statements end with ';').
     */
    private static void coreSchema(DatabaseImpl db) {
        String text;
        try (java.io.InputStream in = DatabaseImpl.class.getClassLoader().getResourceAsStream("db/core/V1__core_schema.sql")) {
            text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        db.tx(Caller.system("GN00"), tx -> {
            StringBuilder sb = new StringBuilder();
            try (java.sql.Statement st = tx.connection().createStatement()) {
                for (String line : text.split("\\R")) {
                    String t = line.strip();
                    if (t.isEmpty() || t.startsWith("--")) {
                        continue;
                    }
                    sb.append(t.endsWith(";") ? t.substring(0, t.length() - 1) : t).append('\n');
                    if (t.endsWith(";")) {
                        st.execute(sb.toString());
                        sb.setLength(0);
                    }
                }
            }
            return null;
        });
    }

    static Caller caller(String office, Role... roles) {
        return new Caller("u-" + office + roles[0], "user." + office.toLowerCase() + "." + roles[0].name().toLowerCase(),
                "测试用户", office, EnumSet.of(roles[0], roles));
    }

    long auditLines(String entity) {
        return db.read(Caller.system("GN00"), tx -> tx.count(
                "SELECT COUNT(*) FROM HPF_AUDIT WHERE MODULE_ID = 'rooms' AND ENTITY = ?", entity));
    }

    long count(String table) {
        return db.read(Caller.system("GN00"), tx -> tx.count("SELECT COUNT(*) FROM " + table));
    }
}
