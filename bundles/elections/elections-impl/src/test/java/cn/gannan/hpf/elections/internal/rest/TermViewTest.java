package cn.gannan.hpf.elections.internal.rest;

import static org.junit.Assert.assertEquals;

import java.time.LocalDate;
import java.util.Locale;

import cn.gannan.hpf.core.api.Msg;
import cn.gannan.hpf.elections.api.Approval;
import cn.gannan.hpf.elections.api.BodyTerm;
import cn.gannan.hpf.elections.api.rules.OrgKind;
import cn.gannan.hpf.elections.api.rules.TermStatus;

import org.junit.Test;

/** The JSON API's terms: an approved delay comes with its status text naming the approval and the planned date. */
public class TermViewTest {

    @Test
    public void anApprovedDelayNamesTheApprovalAndTheDate() {
        Approval a = new Approval("州直工委", LocalDate.of(2026, 4, 20), "州直工委〔2026〕7号");
        BodyTerm t = new BodyTerm("u1", "合作市管理部党支部", "GN02", OrgKind.PARTY, LocalDate.of(2023, 5, 12),
                LocalDate.of(2026, 5, 12), TermStatus.DELAYED_APPROVED, "e1", LocalDate.of(2026, 12, 12), a);
        ElectionsResource.TermView zh = ElectionsResource.TermView.of(t, Msg.ZH_CN);
        assertEquals(TermStatus.DELAYED_APPROVED, zh.status());
        assertEquals("延期换届（已批准）：州直工委 州直工委〔2026〕7号，计划于 2026-12-12 选举", zh.statusText());
        assertEquals(LocalDate.of(2026, 12, 12), zh.plannedDate());
        assertEquals(a, zh.planApproval());
        assertEquals("delayed with approval (州直工委, 州直工委〔2026〕7号); election planned for 2026-12-12",
                ElectionsResource.TermView.of(t, Locale.ENGLISH).statusText());
        BodyTerm overdue = new BodyTerm("u1", "合作市管理部党支部", "GN02", OrgKind.PARTY, LocalDate.of(2023, 5, 12),
                LocalDate.of(2026, 5, 12), TermStatus.OVERDUE, null, null, null);
        assertEquals("已超期", ElectionsResource.TermView.of(overdue, Msg.ZH_CN).statusText());
    }
}
