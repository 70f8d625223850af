package cn.gannan.hpf.rooms.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import cn.gannan.hpf.core.api.Caller;
import cn.gannan.hpf.core.api.OfficeService;
import cn.gannan.hpf.core.api.spi.Database;
import cn.gannan.hpf.core.api.spi.Migrations;

/**
 * The module's schema, applied when the bundle activates (the services depend on this component,
 * so they do not start when a migration fails), and the default standard, published once when
 * the node has none.
 */
@Component(service = RoomsSchema.class)
public class RoomsSchema {

    static final String DEFAULT_STANDARD = "default-standard.txt";

    @Activate
    public RoomsSchema(@Reference Database db, @Reference Migrations migrations, @Reference OfficeService offices) {
        migrations.migrate(Store.MODULE, RoomsSchema.class, "db/rooms");
        Caller system = Caller.system(offices.current().code());
        boolean any = db.read(system, tx -> tx.count("SELECT COUNT(*) FROM ROOMS_STANDARD") > 0);
        if (!any) {
            StandardServiceImpl.publishParsed(db, system, StandardServiceImpl.centralCode(offices),
                    StandardFile.read(defaultStandard()));
        }
    }

    static byte[] defaultStandard() {
        try (InputStream in = RoomsSchema.class.getResourceAsStream(DEFAULT_STANDARD)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + DEFAULT_STANDARD);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
