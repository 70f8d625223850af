package cn.gannan.hpf.core.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.time.LocalDate;
import java.util.List;

import org.junit.Test;

import cn.gannan.hpf.core.api.AccessDeniedException;
import cn.gannan.hpf.core.api.AuditAction;
import cn.gannan.hpf.core.api.AuditEntry;
import cn.gannan.hpf.core.api.AuditQuery;
import cn.gannan.hpf.core.api.Caller;
import cn.gannan.hpf.core.api.Gender;
import cn.gannan.hpf.core.api.NotFoundException;
import cn.gannan.hpf.core.api.OrgUnit;
import cn.gannan.hpf.core.api.OrgUnitDraft;
import cn.gannan.hpf.core.api.OrgUnitType;
import cn.gannan.hpf.core.api.PageRequest;
import cn.gannan.hpf.core.api.Person;
import cn.gannan.hpf.core.api.PersonDraft;
import cn.gannan.hpf.core.api.PersonQuery;
import cn.gannan.hpf.core.api.PoliticalStatus;
import cn.gannan.hpf.core.api.Post;
import cn.gannan.hpf.core.api.Role;
import cn.gannan.hpf.core.api.StaleRecordException;
import cn.gannan.hpf.core.api.StatusChange;
import cn.gannan.hpf.core.api.ValidationException;

public class ScopingAndAuditTest {

    private final TestNode node = new TestNode();
    private final Caller hezuoAdmin = TestNode.caller("GN01", Role.OFFICE_ADMIN);
    private final Caller lintanAdmin = TestNode.caller("GN02", Role.OFFICE_ADMIN);
    private final Caller central = TestNode.caller("GN00", Role.CENTRAL_ADMIN);
    private final Caller auditor = TestNode.caller("GN00", Role.AUDITOR);

    private Person person(Caller c, String office, String name) {
        return node.people.create(c, new PersonDraft(office, name, Gender.FEMALE, LocalDate.of(1985, 5, 4), null,
                "13909410000", "科员", PoliticalStatus.FULL_MEMBER));
    }

    @Test
    public void officeUsersSeeOnlyTheirOfficeCentralRolesSeeAll() {
        person(hezuoAdmin, "GN01", "卓玛");
        person(lintanAdmin, "GN02", "扎西");
        assertEquals(1, node.people.find(hezuoAdmin, PersonQuery.all(), PageRequest.first(10)).total());
        assertEquals("GN01", node.people.find(hezuoAdmin, PersonQuery.all(), PageRequest.first(10)).items().get(0).officeCode());
        assertEquals(2, node.people.find(central, PersonQuery.all(), PageRequest.first(10)).total());
        assertEquals(2, node.people.find(auditor, PersonQuery.all(), PageRequest.first(10)).total());
        try {
            node.people.find(hezuoAdmin, new PersonQuery("GN02", null, null, null, null), PageRequest.first(10));
            fail("reading another office must be refused");
        } catch (AccessDeniedException expected) {
            // expected
        }
    }

    @Test
    public void writingAnotherOfficeIsRefusedAndNothingChanges() {
        Person p = person(lintanAdmin, "GN02", "扎西");
        try {
            node.people.update(hezuoAdmin, p.id(), p.meta().version(), new PersonDraft("GN02", "改名", null, null, null, null, null, null));
            fail("writing another office must be refused");
        } catch (AccessDeniedException expected) {
            // expected
        }
        assertEquals("扎西", node.people.get(central, p.id()).name());
        try {
            node.people.create(auditor, new PersonDraft("GN00", "新人", null, null, null, null, null, PoliticalStatus.MASSES));
            fail("an auditor never writes");
        } catch (AccessDeniedException expected) {
            // expected
        }
    }

    @Test
    public void everyChangeIsAuditedWithWhoWhatAndOffice() {
        Person p = person(hezuoAdmin, "GN01", "卓玛");
        Person changed = node.people.update(hezuoAdmin, p.id(), p.meta().version(),
                new PersonDraft("GN01", "卓玛草", Gender.FEMALE, p.birthDate(), null, "13909410000", "副科长", null));
        List<AuditEntry> entries = node.audit.find(hezuoAdmin, new AuditQuery(null, null, "core", "person", p.id(), null, null, null),
                PageRequest.first(10)).items();
        assertEquals(2, entries.size());
        AuditEntry update = entries.get(0);
        assertEquals(AuditAction.UPDATE, update.action());
        assertEquals("user.gn01", update.username());
        assertEquals("GN01", update.officeCode());
        assertTrue(update.changes(), update.changes().contains("name: 卓玛 → 卓玛草"));
        assertTrue(update.changes(), update.changes().contains("jobTitle: 科员 → 副科长"));
        assertEquals(AuditAction.CREATE, entries.get(1).action());
        assertEquals(2L, changed.meta().version());
        // Office admins read only their office's audit.
        assertEquals(0, node.audit.find(lintanAdmin, AuditQuery.all(), PageRequest.first(10)).total());
    }

    @Test
    public void auditIsInTheSameTransactionAsTheChange() {
        long before = node.audit.find(central, AuditQuery.all(), PageRequest.first(1)).total();
        try {
            node.db.tx(hezuoAdmin, tx -> {
                person(hezuoAdmin, "GN01", "回滚");
                throw new IllegalStateException("fail after the change");
            });
            fail();
        } catch (IllegalStateException expected) {
            // expected
        }
        assertEquals("the person and its audit line are both rolled back", before,
                node.audit.find(central, AuditQuery.all(), PageRequest.first(1)).total());
        assertEquals(0, node.people.find(central, new PersonQuery(null, "回滚", null, null, null), PageRequest.first(1)).total());
    }

    @Test
    public void concurrentEditIsRefusedNotOverwritten() {
        Person p = person(hezuoAdmin, "GN01", "卓玛");
        node.people.update(hezuoAdmin, p.id(), p.meta().version(), new PersonDraft("GN01", "甲", null, null, null, null, null, null));
        try {
            node.people.update(hezuoAdmin, p.id(), p.meta().version(), new PersonDraft("GN01", "乙", null, null, null, null, null, null));
            fail("a stale version must be refused");
        } catch (StaleRecordException expected) {
            // expected
        }
        assertEquals("甲", node.people.get(hezuoAdmin, p.id()).name());
    }

    @Test
    public void overLongAndMissingFieldsAreAllReportedAndNothingIsWritten() {
        try {
            node.people.create(hezuoAdmin, new PersonDraft("GN01", "名".repeat(51), null, null, null, "abc", null, null));
            fail();
        } catch (ValidationException e) {
            assertTrue(e.fieldErrors().keySet().containsAll(List.of("name", "phone", "politicalStatus")));
        }
        assertEquals(0, node.people.find(hezuoAdmin, PersonQuery.all(), PageRequest.first(1)).total());
    }

    @Test
    public void unknownIdIsNotFound() {
        try {
            node.people.get(central, "no-such-id");
            fail();
        } catch (NotFoundException expected) {
            // expected
        }
    }

    @Test
    public void statusChangesKeepHistory() {
        Person p = node.people.create(hezuoAdmin, new PersonDraft("GN01", "才让", Gender.MALE, null, null, null, null,
                PoliticalStatus.ACTIVIST));
        Person p2 = node.people.changeStatus(hezuoAdmin, p.id(), p.meta().version(), PoliticalStatus.PROBATIONARY_MEMBER,
                LocalDate.of(2017, 7, 1), "支部大会通过");
        node.people.changeStatus(hezuoAdmin, p.id(), p2.meta().version(), PoliticalStatus.FULL_MEMBER, LocalDate.of(2018, 7, 1), "按期转正");
        List<StatusChange> h = node.people.statusHistory(hezuoAdmin, p.id());
        assertEquals(3, h.size());
        assertEquals(PoliticalStatus.ACTIVIST, h.get(1).fromStatus());
        assertEquals(PoliticalStatus.PROBATIONARY_MEMBER, h.get(1).toStatus());
        assertEquals(PoliticalStatus.FULL_MEMBER, h.get(2).toStatus());
        assertEquals(PoliticalStatus.FULL_MEMBER, node.people.get(hezuoAdmin, p.id()).politicalStatus());
    }

    @Test
    public void partyProbationOnlyForFullMembersAndTheHistoryGivesItsPeriod() {
        Person probationary = node.people.create(hezuoAdmin, new PersonDraft("GN01", "拉毛", Gender.FEMALE, null, null, null, null,
                PoliticalStatus.PROBATIONARY_MEMBER));
        try {
            node.people.changeStatus(hezuoAdmin, probationary.id(), probationary.meta().version(), PoliticalStatus.PARTY_PROBATION,
                    LocalDate.of(2025, 3, 10), null);
            fail("留党察看 applies to full members only");
        } catch (ValidationException expected) {
            assertEquals("留党察看处分只适用于正式党员（此人为预备党员）；预备党员违纪的，延长预备期或者取消预备党员资格。",
                    expected.fieldErrors().get("politicalStatus").format(cn.gannan.hpf.core.api.Msg.ZH_CN));
        }
        assertEquals(1, node.people.statusHistory(hezuoAdmin, probationary.id()).size());

        Person p = person(hezuoAdmin, "GN01", "卓玛");
        Person under = node.people.changeStatus(hezuoAdmin, p.id(), p.meta().version(), PoliticalStatus.PARTY_PROBATION,
                LocalDate.of(2025, 3, 10), "州直机关纪工委决定：留党察看一年");
        assertEquals(PoliticalStatus.PARTY_PROBATION, under.politicalStatus());
        PersonQuery onProbation = new PersonQuery("GN01", null, PoliticalStatus.PARTY_PROBATION, null, null);
        assertEquals(1, node.people.find(hezuoAdmin, onProbation, PageRequest.first(10)).total());
        // a change dated before the last one is refused, nothing written
        try {
            node.people.changeStatus(hezuoAdmin, p.id(), under.meta().version(), PoliticalStatus.FULL_MEMBER, LocalDate.of(2025, 3, 9), null);
            fail("the history stays in order");
        } catch (ValidationException expected) {
            assertEquals("生效日期不能早于上一次政治面貌变更的生效日期 2025-03-10。",
                    expected.fieldErrors().get("effectiveDate").format(cn.gannan.hpf.core.api.Msg.ZH_CN));
        }
        assertEquals(under.meta().version(), node.people.get(hezuoAdmin, p.id()).meta().version());
        assertEquals(2, node.people.statusHistory(hezuoAdmin, p.id()).size());
        // the same day is fine: rights restored after one year
        Person restored = node.people.changeStatus(hezuoAdmin, p.id(), under.meta().version(), PoliticalStatus.FULL_MEMBER,
                LocalDate.of(2026, 3, 10), "察看期满，恢复党员权利");
        assertEquals(PoliticalStatus.FULL_MEMBER, restored.politicalStatus());
        assertEquals(PoliticalStatus.FULL_MEMBER, node.people.statusOn(hezuoAdmin, p.id(), LocalDate.of(2025, 3, 9)));
        assertEquals(PoliticalStatus.PARTY_PROBATION, node.people.statusOn(hezuoAdmin, p.id(), LocalDate.of(2025, 3, 10)));
        assertEquals(PoliticalStatus.PARTY_PROBATION, node.people.statusOn(hezuoAdmin, p.id(), LocalDate.of(2026, 3, 9)));
        assertEquals(PoliticalStatus.FULL_MEMBER, node.people.statusOn(hezuoAdmin, p.id(), LocalDate.of(2026, 3, 10)));
        try {
            node.people.statusOn(lintanAdmin, p.id(), LocalDate.of(2026, 3, 10));
            fail("another office's person");
        } catch (AccessDeniedException expected) {
            // expected
        }
        // filterable, and every change audited
        assertEquals(0, node.people.find(hezuoAdmin, onProbation, PageRequest.first(10)).total());
        List<AuditEntry> audit = node.audit.find(central, new AuditQuery(null, null, "core", "person", p.id(), null, null, null),
                PageRequest.first(10)).items();
        assertEquals(3, audit.size()); // created, on probation, restored
    }

    @Test
    public void orgTreeRulesCountyBranchUnderCentralGeneralBranchButNoCyclesOrForeignParents() {
        OrgUnit general = node.org.create(central, new OrgUnitDraft("GN00", null, OrgUnitType.GENERAL_BRANCH, "总支", 1));
        OrgUnit branch = node.org.create(hezuoAdmin, new OrgUnitDraft("GN01", general.id(), OrgUnitType.BRANCH, "合作支部", 1));
        OrgUnit lintan = node.org.create(lintanAdmin, new OrgUnitDraft("GN02", null, OrgUnitType.COUNTY_DEPARTMENT, "临潭", 1));
        try {
            node.org.create(hezuoAdmin, new OrgUnitDraft("GN01", lintan.id(), OrgUnitType.PARTY_CELL, "错挂", 1));
            fail("a parent of another county is refused");
        } catch (ValidationException | AccessDeniedException expected) {
            // expected
        }
        OrgUnit cell = node.org.create(hezuoAdmin, new OrgUnitDraft("GN01", branch.id(), OrgUnitType.PARTY_CELL, "党小组", 1));
        try {
            node.org.update(hezuoAdmin, branch.id(), branch.meta().version(),
                    new OrgUnitDraft("GN01", cell.id(), OrgUnitType.BRANCH, "合作支部", 1));
            fail("a cycle is refused");
        } catch (ValidationException e) {
            assertTrue(e.fieldErrors().containsKey("parentId"));
        }
        Person p = person(hezuoAdmin, "GN01", "卓玛");
        var m = node.org.addMember(hezuoAdmin, branch.id(), p.id(), Post.SECRETARY, LocalDate.of(2017, 1, 1));
        try {
            node.org.delete(hezuoAdmin, cell.id(), cell.meta().version());
            node.org.delete(hezuoAdmin, branch.id(), branch.meta().version());
            fail("a unit with members is not deleted");
        } catch (ValidationException expected) {
            // expected
        }
        node.org.endMembership(hezuoAdmin, m.id(), m.meta().version(), LocalDate.of(2020, 1, 1));
        assertEquals(0, node.org.members(hezuoAdmin, branch.id(), true).size());
        assertEquals(1, node.org.members(hezuoAdmin, branch.id(), false).size());
    }
}
