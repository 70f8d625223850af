package cn.gannan.hpf.core.internal.audit;

import java.util.ArrayList;
import java.util.List;

import cn.gannan.hpf.core.api.AuditAction;
import cn.gannan.hpf.core.api.AuditEntry;
import cn.gannan.hpf.core.api.AuditQuery;
import cn.gannan.hpf.core.api.AuditService;
import cn.gannan.hpf.core.api.Caller;
import cn.gannan.hpf.core.api.Page;
import cn.gannan.hpf.core.api.PageRequest;
import cn.gannan.hpf.core.api.Role;
import cn.gannan.hpf.core.api.spi.Database;
import cn.gannan.hpf.core.api.spi.Migrations;
import cn.gannan.hpf.core.api.spi.Rows;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Reads the audit log for admins and auditors, newest first, a page at a time. */
@Component(service = AuditService.class)
public class AuditServiceImpl implements AuditService {

    private final Database db;

    @Activate
    public AuditServiceImpl(@Reference Database db, @Reference Migrations migrations) {
        this.db = db;
    }

    @Override
    public Page<AuditEntry> find(Caller caller, AuditQuery q, PageRequest page) {
        caller.requireAnyRole(Role.OFFICE_ADMIN, Role.CENTRAL_ADMIN, Role.AUDITOR);
        String office = caller.scopeOffice(q.officeCode());
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        add(where, params, "OFFICE_CODE = ?", office);
        add(where, params, "USERNAME = ?", blank(q.username()));
        add(where, params, "MODULE_ID = ?", blank(q.module()));
        add(where, params, "ENTITY = ?", blank(q.entity()));
        add(where, params, "ENTITY_ID = ?", blank(q.entityId()));
        add(where, params, "AUDIT_ACTION = ?", q.action());
        add(where, params, "EVENT_AT >= ?", q.from());
        add(where, params, "EVENT_AT < ?", q.to());
        return db.read(caller, tx -> {
            long total = tx.count("SELECT COUNT(*) FROM HPF_AUDIT" + where, params.toArray());
            List<Object> p = new ArrayList<>(params);
            p.add(page.offset());
            p.add(page.limit());
            List<AuditEntry> items = tx.query("SELECT ID, EVENT_AT, USERNAME, OFFICE_CODE, MODULE_ID, ENTITY, ENTITY_ID,"
                    + " AUDIT_ACTION, CHANGES FROM HPF_AUDIT" + where + " ORDER BY EVENT_AT DESC, ID OFFSET ? ROWS FETCH NEXT ? ROWS ONLY",
                    rs -> new AuditEntry(rs.getString(1), Rows.instant(rs, "EVENT_AT"), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getString(7), AuditAction.valueOf(rs.getString(8).trim()),
                            rs.getString(9)), p.toArray());
            return new Page<>(items, page.offset(), page.limit(), total);
        });
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static void add(StringBuilder where, List<Object> params, String clause, Object value) {
        if (value != null) {
            where.append(" AND ").append(clause);
            params.add(value);
        }
    }
}
