package cn.gannan.hpf.core.internal.office;

import java.util.List;
import java.util.Optional;

import cn.gannan.hpf.core.api.Caller;
import cn.gannan.hpf.core.api.HpfException;
import cn.gannan.hpf.core.api.Msg;
import cn.gannan.hpf.core.api.Office;
import cn.gannan.hpf.core.api.OfficeService;
import cn.gannan.hpf.core.api.spi.Database;
import cn.gannan.hpf.core.api.spi.Migrations;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Which office this node serves, from {@code etc/cn.gannan.hpf.office.cfg}; the nine offices
 * are reference data in the database. A code that is not one of them stops the component.
 */
@Component(service = OfficeService.class, configurationPid = OfficeServiceImpl.PID)
@Designate(ocd = OfficeServiceImpl.Config.class)
public class OfficeServiceImpl implements OfficeService {

    public static final String PID = "cn.gannan.hpf.office";

    @ObjectClassDefinition(name = "HPF office identity")
    public @interface Config {
        @AttributeDefinition(description = "Code of the office this node serves: GN00 (centre) to GN08")
        String code() default "GN00";

        @AttributeDefinition(description = "Load demo data (never in production)")
        boolean demo() default false;
    }

    private final List<Office> offices;
    private final Office current;
    private final boolean demo;

    @Activate
    public OfficeServiceImpl(@Reference Database db, @Reference Migrations migrations, Config config) {
        this.offices = List.copyOf(db.read(Caller.system(config.code()), tx -> tx.query(
                "SELECT CODE, NAME_ZH, NAME_EN, CENTRAL FROM HPF_OFFICE ORDER BY SORT_ORDER",
                rs -> new Office(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4)))));
        this.current = offices.stream().filter(o -> o.code().equals(config.code().strip())).findFirst()
                .orElseThrow(() -> new HpfException(Msg.core("error.office.config", config.code())));
        this.demo = config.demo();
    }

    @Override
    public Office current() {
        return current;
    }

    @Override
    public List<Office> offices() {
        return offices;
    }

    @Override
    public Optional<Office> find(String code) {
        return offices.stream().filter(o -> o.code().equals(code)).findFirst();
    }

    @Override
    public boolean demoMode() {
        return demo;
    }
}
