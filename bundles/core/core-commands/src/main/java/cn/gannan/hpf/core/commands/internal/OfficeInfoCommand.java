package cn.gannan.hpf.core.commands.internal;

import cn.gannan.hpf.core.api.Caller;
import cn.gannan.hpf.core.api.Office;
import cn.gannan.hpf.core.api.spi.Database;
import cn.gannan.hpf.core.api.spi.Migrations;
import cn.gannan.hpf.core.commands.HpfAction;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

@Command(scope = "hpf", name = "office-info", description = "Shows which office this node serves, its mode and database")
@Service
public class OfficeInfoCommand extends HpfAction {

    @Reference
    Database db;

    @Reference
    Migrations migrations;

    @Override
    protected Object run(Caller caller) {
        Office o = offices.current();
        System.out.printf("Office:    %s %s (%s)%n", o.code(), o.nameZh(), o.nameEn());
        System.out.printf("Kind:      %s%n", o.central() ? "central office (州中心)" : "county management department (管理部)");
        System.out.printf("Mode:      %s%n", offices.demoMode() ? "DEMO (demo data loaded)" : "production");
        System.out.printf("Database:  %s%n", db.productName());
        System.out.printf("You:       %s%n", caller);
        System.out.println("Schema versions:");
        migrations.history().stream().filter(Migrations.MigrationRecord::success)
                .forEach(r -> System.out.printf("  %-12s V%-3d %s%n", r.module(), r.version(), r.description()));
        migrations.history().stream().filter(r -> !r.success())
                .forEach(r -> System.out.printf("  FAILED %-12s V%-3d %s: %s%n", r.module(), r.version(), r.description(), r.error()));
        return null;
    }
}
