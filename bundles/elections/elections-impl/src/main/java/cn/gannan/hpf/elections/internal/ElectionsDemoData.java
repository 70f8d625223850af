package cn.gannan.hpf.elections.internal;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.gannan.hpf.core.api.Caller;
import cn.gannan.hpf.core.api.OfficeService;
import cn.gannan.hpf.core.api.OrgService;
import cn.gannan.hpf.core.api.OrgUnit;
import cn.gannan.hpf.core.api.OrgUnitType;
import cn.gannan.hpf.core.api.PersonService;
import cn.gannan.hpf.core.api.PoliticalStatus;
import cn.gannan.hpf.core.api.spi.Database;
import cn.gannan.hpf.elections.api.Approval;
import cn.gannan.hpf.elections.api.BallotEntry;
import cn.gannan.hpf.elections.api.Contest;
import cn.gannan.hpf.elections.api.Election;
import cn.gannan.hpf.elections.api.ElectionService;
import cn.gannan.hpf.elections.api.ExcuseReason;
import cn.gannan.hpf.elections.api.PlanDraft;
import cn.gannan.hpf.elections.api.Roll;
import cn.gannan.hpf.elections.api.Round;
import cn.gannan.hpf.elections.api.RoundOpening;
import cn.gannan.hpf.elections.api.Voter;
import cn.gannan.hpf.elections.api.VoterStatus;
import cn.gannan.hpf.elections.api.rules.ContestKind;
import cn.gannan.hpf.elections.api.rules.Mark;
import cn.gannan.hpf.elections.api.rules.RoundKind;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Demo data, in demo mode only, once (recorded in the settings): the general branch's re-election from the
 * seed article run through the service (plan, candidates, the superior's approval, roll with an excusal,
 * differential vote, plenary electing secretary and deputy, approval of the result), the county branches'
 * terms (some due soon, some overdue), a small branch's election under way (one member under 留党察看, not a
 * voter), and the trade union's first election being planned. Waits for the core's demo data on a background
 * thread.
 */
@Component(service = ElectionsDemoData.class, immediate = true)
public class ElectionsDemoData {

    private static final Logger LOG = LoggerFactory.getLogger(ElectionsDemoData.class);
    static final String LOADED = "elections.demo.loaded";
    private static final String SUPERIOR = "中共甘南州直属机关工作委员会";

    private final OfficeService offices;
    private final Database db;
    private final OrgService org;
    private final PersonService people;
    private final ElectionService elections;
    private volatile boolean stopped;
    private Thread worker;

    @Activate
    public ElectionsDemoData(@Reference OfficeService offices, @Reference Database db, @Reference OrgService org,
            @Reference PersonService people, @Reference ElectionService elections) {
        this.offices = offices;
        this.db = db;
        this.org = org;
        this.people = people;
        this.elections = elections;
        if (offices.demoMode()) {
            worker = new Thread(this::waitAndLoad, "hpf-elections-demo");
            worker.setDaemon(true);
            worker.start();
        }
    }

    @Deactivate
    void deactivate() {
        stopped = true;
        if (worker != null) {
            worker.interrupt();
        }
    }

    private void waitAndLoad() {
        Caller system = Caller.system(offices.current().code());
        try {
            for (int i = 0; i < 240 && !stopped; i++) {
                boolean core = db.read(system, tx -> tx.count("SELECT COUNT(*) FROM HPF_SETTING WHERE NAME = 'demo.loaded'") > 0);
                if (core) {
                    load(system);
                    return;
                }
                Thread.sleep(500);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.error("Elections demo data not loaded", e);
        }
    }

    void load(Caller system) {
        db.tx(system, tx -> {
            if (tx.count("SELECT COUNT(*) FROM HPF_SETTING WHERE NAME = ?", LOADED) > 0) {
                return null;
            }
            long t0 = System.nanoTime();
            loadAll();
            tx.update("INSERT INTO HPF_SETTING (NAME, VAL) VALUES (?, ?)", LOADED, tx.now().toString());
            LOG.info("Elections demo data loaded in {} ms", (System.nanoTime() - t0) / 1_000_000);
            return null;
        });
    }

    private void loadAll() {
        Caller centre = Caller.system("GN00");
        List<OrgUnit> units = org.units(centre, null);
        OrgUnit general = first(units, OrgUnitType.GENERAL_BRANCH, "GN00");
        OrgUnit union = first(units, OrgUnitType.TRADE_UNION, "GN00");
        if (general != null) {
            generalBranchStory(centre, general);
        }
        // the eight county branches: when each was last elected (terms of 3 years)
        Map<String, LocalDate> last = new HashMap<>();
        last.put("GN01", LocalDate.of(2024, 6, 20));
        last.put("GN02", LocalDate.of(2023, 5, 12));   // overdue since 2026-05-12
        last.put("GN03", LocalDate.of(2023, 12, 15));  // due 2026-12-15
        last.put("GN04", LocalDate.of(2024, 4, 10));
        last.put("GN05", LocalDate.of(2022, 11, 30));  // overdue since 2025-11-30
        last.put("GN06", LocalDate.of(2024, 9, 5));
        last.put("GN07", LocalDate.of(2025, 1, 10));
        last.put("GN08", LocalDate.of(2023, 10, 20));  // overdue since 2026-10-20
        for (OrgUnit u : units) {
            if (u.type() == OrgUnitType.BRANCH && last.containsKey(u.officeCode())) {
                elections.recordTerm(centre, u.id(), last.get(u.officeCode()));
            }
        }
        // an overdue branch with fewer than 7 full members (no committee) prepares its delayed election
        for (String code : List.of("GN02", "GN08", "GN05")) {
            OrgUnit branch = first(units, OrgUnitType.BRANCH, code);
            Caller c = Caller.system(code);
            List<String> fullMembers = branch == null ? List.of() : fullMembersOf(c, branch);
            if (branch == null || fullMembers.size() < 2 || fullMembers.size() >= 7) {
                continue;
            }
            // seven months late, and no later than today: sign-in and voting are refused before the election day
            LocalDate late = last.get(code).plusYears(3).plusMonths(7);
            LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
            LocalDate planned = late.isAfter(today) ? today : late;
            if (fullMembers.size() >= 3) {
                // one member under 留党察看 since before the election day: a member, not a voter (listed with the roll)
                String pid = fullMembers.get(fullMembers.size() - 1);
                people.changeStatus(c, pid, people.get(c, pid).meta().version(), PoliticalStatus.PARTY_PROBATION,
                        planned.minusMonths(9), "州直机关纪工委处分决定：给予留党察看一年处分");
                fullMembers = fullMembers.subList(0, fullMembers.size() - 1);
            }
            Election e = elections.createPlan(c, new PlanDraft(branch.id(), branch.name().replace("委员会", "") + "换届选举", null, planned,
                    0, 0, 1, "党员大会直接选举书记、副书记；经支部党员推荐、党总支审核"));
            int next = 0;
            for (Contest ct : e.contests()) {
                elections.addCandidate(c, ct.id(), fullMembers.get(next++));
            }
            elections.buildRoll(c, e.id());
            break;
        }
        // the trade union's first election, being planned (committee differential, audit committee equal)
        if (union != null) {
            Election e = elections.createPlan(centre, new PlanDraft(union.id(), "中心工会第一届委员会选举", null, LocalDate.of(2027, 1, 15),
                    5, 3, 1, "各管理部工会小组推荐，中心党组研究，报州总工会审核"));
            List<String> members = org.members(centre, union.id(), true).stream().map(m -> m.personId()).distinct().toList();
            int next = 0;
            for (Contest ct : e.contests()) {
                int n = ct.kind() == ContestKind.COMMITTEE ? 6 : ct.kind() == ContestKind.AUDIT_COMMITTEE ? 3 : 0;
                for (int i = 0; i < n && next < members.size(); i++) {
                    elections.addCandidate(centre, ct.id(), members.get(next++));
                }
            }
        }
    }

    /** The seed article: plan, candidates, the working committee's approval, differential vote, plenary, approval. */
    private void generalBranchStory(Caller c, OrgUnit general) {
        Election e = elections.createPlan(c, new PlanDraft(general.id(), "中心机关党总支换届选举", LocalDate.of(2021, 3, 10),
                LocalDate.of(2024, 3, 8), 5, 0, 1, "各支部推荐、党组研究提出候选人预备人选，经公示后报州直机关工委审批"));
        Contest committee = e.contests().stream().filter(x -> x.kind() == ContestKind.COMMITTEE).findFirst().orElseThrow();
        List<String> full = fullMembersOf(c, general);
        for (int i = 0; i < 6 && i < full.size(); i++) {
            elections.addCandidate(c, committee.id(), full.get(i));
        }
        List<Voter> roll = elections.buildRoll(c, e.id());
        e = elections.get(c, e.id());
        e = elections.approvePlan(c, e.id(), e.meta().version(), new Approval(SUPERIOR, LocalDate.of(2024, 2, 26), "州直工委发〔2024〕9号"));
        // one member abroad for more than six months, approved by the working committee; two absent
        Voter abroad = roll.get(roll.size() - 1);
        elections.excuse(c, abroad.id(), abroad.version(), ExcuseReason.ABROAD_OVER_6_MONTHS, "援外工作", SUPERIOR);
        int absent = 2;
        for (Voter v : elections.roll(c, e.id(), Roll.GENERAL)) {
            if (v.status() == VoterStatus.EXPECTED) {
                if (absent-- > 0) {
                    continue;
                }
                elections.signIn(c, v.id(), v.version());
            }
        }
        int present = elections.get(c, e.id()).general().present();
        Round r = elections.openRound(c, committee.id(), new RoundOpening(RoundKind.REGULAR, present, "杨永红、马卓玛", "李志强", false));
        List<String> cands = r.candidates();
        for (int s = 1; s <= present; s++) {
            Map<String, Mark> marks = new HashMap<>();
            String disapproved = s % 5 == 0 ? cands.get(4) : s % 7 == 0 ? cands.get(3) : cands.get(5);
            for (String id : cands) {
                marks.put(id, id.equals(disapproved) ? Mark.DISAPPROVE : Mark.APPROVE);
            }
            if (s == present) { // one voter approved all six: invalid
                cands.forEach(id -> marks.put(id, Mark.APPROVE));
            }
            if (s == present - 1) {
                marks.put(cands.get(2), Mark.ABSTAIN);
            }
            elections.enterBallot(c, r.id(), new BallotEntry(s, 1, marks, List.of(), false));
        }
        elections.closeRound(c, r.id(), present);
        e = elections.get(c, e.id());
        // the new committee's plenary elects the secretary and deputy
        List<Contest.Candidate> elected = new ArrayList<>();
        e.contests().stream().filter(x -> x.kind() == ContestKind.COMMITTEE).findFirst().orElseThrow().candidates().stream()
                .filter(Contest.Candidate::elected).forEach(elected::add);
        for (Voter v : elections.roll(c, e.id(), Roll.PLENARY)) {
            elections.signIn(c, v.id(), v.version());
        }
        int i = 0;
        for (Contest post : e.contests()) {
            if (post.kind() != ContestKind.POSTS) {
                continue;
            }
            elections.addCandidate(c, post.id(), elected.get(i++).personId());
            Round pr = elections.openRound(c, post.id(), new RoundOpening(RoundKind.REGULAR, elected.size(), "杨永红", "李志强", false));
            for (int s = 1; s <= elected.size(); s++) {
                elections.enterBallot(c, pr.id(), new BallotEntry(s, 1, Map.of(pr.candidates().get(0), Mark.APPROVE), List.of(), false));
            }
            elections.closeRound(c, pr.id(), elected.size());
        }
        e = elections.get(c, e.id());
        elections.approveResult(c, e.id(), e.meta().version(), new Approval(SUPERIOR, LocalDate.of(2024, 3, 15), "州直工委发〔2024〕14号"));
    }

    private List<String> fullMembersOf(Caller c, OrgUnit unit) {
        List<String> ids = new ArrayList<>();
        org.members(c, unit.id(), true).forEach(m -> ids.add(m.personId()));
        people.find(c, new cn.gannan.hpf.core.api.PersonQuery(unit.officeCode(), null, PoliticalStatus.FULL_MEMBER, null, Boolean.TRUE),
                new cn.gannan.hpf.core.api.PageRequest(0, 200)).items().forEach(p -> ids.add(p.id()));
        return ids.stream().distinct().filter(id -> people.get(c, id).politicalStatus() == PoliticalStatus.FULL_MEMBER).toList();
    }

    private static OrgUnit first(List<OrgUnit> units, OrgUnitType type, String office) {
        return units.stream().filter(u -> u.type() == type && u.officeCode().equals(office)).findFirst().orElse(null);
    }
}
