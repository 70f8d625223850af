package cn.gannan.hpf.itests.elections;

import static cn.gannan.hpf.itests.support.Http.assertProblem;
import static cn.gannan.hpf.itests.support.Http.jsonString;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.inject.Inject;

import org.apache.karaf.features.BootFinished;
import org.apache.karaf.features.FeaturesService;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.karaf.options.KarafDistributionOption;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.ops4j.pax.exam.util.Filter;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleListener;

import cn.gannan.hpf.core.api.Caller;
import cn.gannan.hpf.core.api.Gender;
import cn.gannan.hpf.core.api.OrgService;
import cn.gannan.hpf.core.api.OrgUnit;
import cn.gannan.hpf.core.api.OrgUnitDraft;
import cn.gannan.hpf.core.api.OrgUnitType;
import cn.gannan.hpf.core.api.Person;
import cn.gannan.hpf.core.api.PersonDraft;
import cn.gannan.hpf.core.api.PersonService;
import cn.gannan.hpf.core.api.PoliticalStatus;
import cn.gannan.hpf.core.api.Post;
import cn.gannan.hpf.core.api.Role;
import cn.gannan.hpf.itests.support.Await;
import cn.gannan.hpf.itests.support.Services;
import cn.gannan.hpf.itests.support.Exam;
import cn.gannan.hpf.itests.support.Http;
import cn.gannan.hpf.itests.support.JaxRs;
import cn.gannan.hpf.itests.support.Http.Resp;

/**
 * Installs hpf-elections alone on the running core (from the distribution's system repository), runs a whole
 * trade-union election through the JSON API (plan, candidates, roll, excusal, quorum refusal at the boundary,
 * superior's approval, a void round and its re-run, ballots with an invalid one, count, plenary electing the
 * chair, approval of the result updating the directory, report), then uninstalls it and checks the core still works.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ElectionsIT {

    private static final String ADMIN = Http.demo("demo.admin");
    private static final String LEADER = Http.demo("demo.leader");
    private static final String SECRETARY = Http.demo("demo.secretary");
    private static final String STAFF = Http.demo("demo.staff");

    @Inject
    BundleContext context;

    @Inject
    @Filter(timeout = 300_000)
    BootFinished bootFinished;

    @Inject
    @Filter(timeout = 60_000)
    FeaturesService injectedFeatures; // waits for it; use Services.features(context)

    @Inject
    @Filter(timeout = 60_000)
    OrgService org;

    @Inject
    @Filter(timeout = 60_000)
    PersonService people;

    @Configuration
    public Option[] config() {
        // on a loaded machine the probe can start before Pax Exam's invoker factory: its extender waits only 10 s
        // by default (a system property of the container raises it)
        return Exam.distribution("elections", KarafDistributionOption.editConfigurationFilePut("etc/system.properties",
                "org.ops4j.pax.exam.raw.extender.intern.Parser.DEFAULT_TIMEOUT", "120000"));
    }

    @Test
    public void installRunAWholeElectionUninstall() throws Exception {
        Http api = Exam.http();
        assertEquals("", Await.until("the JSON API", () -> api.get("/api/openapi.json", null).status == 200 ? "" : "not yet"));
        assertEquals(404, api.get("/api/elections/rule-sets", ADMIN).status);

        // install alone: no bundle outside the feature (and its hpf-docs dependency) stops or refreshes
        List<String> outside = new CopyOnWriteArrayList<>();
        BundleListener events = e -> {
            String bsn = e.getBundle().getSymbolicName();
            if (!bsn.startsWith("cn.gannan.hpf.elections") && !"cn.gannan.hpf.core-docs".equals(bsn)
                    && (e.getType() == BundleEvent.STOPPED || e.getType() == BundleEvent.UNRESOLVED)) {
                outside.add(bsn + " " + e.getType());
            }
        };
        context.addBundleListener(events);
        try {
            Services.features(context).installFeature("hpf-elections");
        } finally {
            context.removeBundleListener(events);
        }
        assertEquals("bundles outside hpf-elections stopped or refreshed", List.of(), outside);
        assertEquals("", Await.until("the elections API", () -> api.get("/api/elections/rule-sets", ADMIN).status == 200 ? "" : "not yet"));
        assertEquals("", JaxRs.settled(context));
        assertTrue(api.get("/api/openapi.json", null).body.contains("/elections/contests/{contestId}/rounds"));
        // every kind's shipped rule set counts its quorum against those expected to attend (RULES.md §1–2)
        assertEquals(4, Http.count(api.get("/api/elections/rule-sets", ADMIN).body, "\"quorumBase\":\"EXPECTED\""));
        assertEquals(401, api.get("/api/elections", null).status);
        // the demo data (the general branch's story and more) loads once in the background; let it finish
        assertEquals("", Await.until("the elections demo data", () -> Http.count(api.get("/api/elections?limit=10", Http.demo("demo.central")).body,
                "\"orgKind\"|\"kind\":\"(PARTY|TRADE_UNION)\",\"ruleSetVersion\"") >= 3 ? "" : "not yet", 180_000));

        // the body: a trade union of six members at the demo users' office
        Caller node = Caller.system("GN01");
        OrgUnit union = org.create(node, new OrgUnitDraft("GN01", null, OrgUnitType.TRADE_UNION, "合作市管理部工会（测试）", 90));
        List<Person> m = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Person p = people.create(node, new PersonDraft("GN01", "会员" + i, i % 2 == 0 ? Gender.FEMALE : Gender.MALE,
                    LocalDate.of(1985, 1, 1 + i), "IT" + System.nanoTime() % 100000 + i, null, null, PoliticalStatus.MASSES));
            org.addMember(node, union.id(), p.id(), Post.MEMBER, LocalDate.of(2020, 1, 1));
            m.add(p);
        }

        // plan: 3 committee seats, a chair, no vice chair; today (sign-in and voting are refused before the election day)
        LocalDate day = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        String plan = "{\"orgUnitId\":\"" + union.id() + "\",\"title\":\"合作市管理部工会第一届委员会选举\",\"plannedDate\":\"" + day + "\","
                + "\"committeeSeats\":3,\"auditSeats\":0,\"deputySeats\":0,\"candidateProduction\":\"会员推荐\"}";
        assertEquals(403, api.post("/api/elections", STAFF, plan).status);
        Resp created = api.post("/api/elections", SECRETARY, plan).expect(200);
        String id = jsonString(created.body, "id");
        String committee = contest(created.body, "COMMITTEE", null);
        String chair = contest(created.body, "POSTS", "CHAIR");

        // 3 candidates for 3 seats: the superior's approval is refused by the differential rule
        for (int i = 0; i < 3; i++) {
            api.post("/api/elections/contests/" + committee + "/candidates", SECRETARY, "{\"personId\":\"" + m.get(i).id() + "\"}").expect(200);
        }
        Resp refused = api.post("/api/elections/" + id + "/approve-plan?version=" + version(api, id), LEADER, approval(day.minusDays(8)));
        assertEquals(422, refused.status);
        assertProblem(refused);
        assertTrue(refused.body, refused.body.contains("差额不足：应选 3 人，候选人至少 4 人，现有 3 人"));
        api.post("/api/elections/contests/" + committee + "/candidates", SECRETARY, "{\"personId\":\"" + m.get(3).id() + "\"}").expect(200);

        // roll: six entitled, one excused -> five expected
        Resp roll = api.post("/api/elections/" + id + "/roll", SECRETARY, null).expect(200);
        List<String[]> voters = voters(roll.body);
        assertEquals(6, voters.size());
        String[] away = voters.get(5);
        api.post("/api/elections/voters/" + away[0] + "/excuse?version=" + away[1], SECRETARY,
                "{\"reason\":\"OTHER\",\"note\":\"外出学习\",\"approvedBy\":null}").expect(200);
        // an approval dated tomorrow (after today and after the election day): a field error, nothing written
        Resp late = api.post("/api/elections/" + id + "/approve-plan?version=" + version(api, id), LEADER, approval(day.plusDays(1)));
        assertEquals(422, late.status);
        assertTrue(late.body, late.body.contains("\"approvedOn\":\"批复日期 " + day.plusDays(1) + " 不能晚于今天 "));
        assertTrue(api.get("/api/elections/" + id, SECRETARY).body.contains("\"status\":\"PLANNED\""));
        api.post("/api/elections/" + id + "/approve-plan?version=" + version(api, id), LEADER, approval(day.minusDays(8))).expect(200);

        // quorum: at least 2/3 of 5 expected = 4; with 3 present the vote cannot open
        for (int i = 0; i < 3; i++) {
            api.post("/api/elections/voters/" + voters.get(i)[0] + "/sign-in?version=" + voters.get(i)[1], SECRETARY, null).expect(200);
        }
        String opening = "{\"kind\":\"REGULAR\",\"issued\":4,\"scrutineers\":\"张监票\",\"tellers\":\"李计票\",\"doubleEntry\":false}";
        Resp noQuorum = api.post("/api/elections/contests/" + committee + "/rounds", SECRETARY, opening);
        assertEquals(422, noQuorum.status);
        assertTrue(noQuorum.body, noQuorum.body.contains("到会人数不足：应到会 5 人（有选举权 6 人，不计入应到会 1 人），实到 3 人，须不少于应到会人数的 2/3，至少 4 人"));
        api.post("/api/elections/voters/" + voters.get(3)[0] + "/sign-in?version=" + voters.get(3)[1], SECRETARY, null).expect(200);
        assertTrue(api.get("/api/elections/" + id + "/quorum", SECRETARY).body.contains("\"passed\":true"));

        // round 1: five returned of four issued -> void, re-run
        String round1 = jsonString(api.post("/api/elections/contests/" + committee + "/rounds", SECRETARY, opening).expect(200).body, "id");
        Resp voided = api.post("/api/elections/rounds/" + round1 + "/close", SECRETARY, "{\"returned\":5}").expect(200);
        assertTrue(voided.body, voided.body.contains("\"status\":\"VOID\""));
        String round2 = jsonString(api.post("/api/elections/contests/" + committee + "/rounds", SECRETARY, opening).expect(200).body, "id");
        String a = m.get(0).id(), b = m.get(1).id(), c = m.get(2).id(), d = m.get(3).id();
        for (int s = 1; s <= 3; s++) {
            Resp ballot = api.post("/api/elections/rounds/" + round2 + "/ballots", SECRETARY, ballot(s, a, b, c)).expect(200);
            assertTrue(ballot.body.contains("\"valid\":true"));
        }
        Resp over = api.post("/api/elections/rounds/" + round2 + "/ballots", SECRETARY, ballot(4, a, b, c, d)).expect(200);
        assertTrue(over.body, over.body.contains("\"valid\":false") && over.body.contains("赞成 4 人，多于应选 3 人，选票无效。"));
        Resp counted = api.post("/api/elections/rounds/" + round2 + "/close", SECRETARY, "{\"returned\":4}").expect(200);
        assertTrue(counted.body, counted.body.contains("\"status\":\"COUNTED\"") && counted.body.contains("\"invalidBallots\":1"));
        // a, b, c: 3 approvals each, more than half of the 5 expected -> elected; d: 0
        assertEquals(3, Http.count(counted.body, "\"outcome\":\"ELECTED\""));

        // plenary: the committee elects the chair (equal candidate allowed)
        api.post("/api/elections/contests/" + chair + "/candidates", SECRETARY, "{\"personId\":\"" + a + "\"}").expect(200);
        List<String[]> plenary = voters(api.get("/api/elections/" + id + "/roll?roll=PLENARY", SECRETARY).expect(200).body);
        assertEquals(3, plenary.size());
        for (String[] v : plenary) {
            api.post("/api/elections/voters/" + v[0] + "/sign-in?version=" + v[1], SECRETARY, null).expect(200);
        }
        String round3 = jsonString(api.post("/api/elections/contests/" + chair + "/rounds", SECRETARY,
                opening.replace("\"issued\":4", "\"issued\":3")).expect(200).body, "id");
        for (int s = 1; s <= 3; s++) {
            api.post("/api/elections/rounds/" + round3 + "/ballots", SECRETARY, ballot(s, a)).expect(200);
        }
        api.post("/api/elections/rounds/" + round3 + "/close", SECRETARY, "{\"returned\":3}").expect(200);
        Resp elected = api.get("/api/elections/" + id, SECRETARY).expect(200);
        assertTrue(elected.body, elected.body.contains("\"status\":\"ELECTED\""));

        // posts take effect only with the superior's approval, then the directory changes
        assertEquals(0, Http.count(api.get("/api/org-units/" + union.id() + "/members?current=true", ADMIN).body, "\"post\":\"CHAIR\""));
        assertEquals(403, api.post("/api/elections/" + id + "/approve-result?version=" + version(api, id), SECRETARY,
                approval(day)).status);
        api.post("/api/elections/" + id + "/approve-result?version=" + version(api, id), LEADER, approval(day)).expect(200);
        String members = api.get("/api/org-units/" + union.id() + "/members?current=true", ADMIN).expect(200).body;
        assertEquals(1, Http.count(members, "\"post\":\"CHAIR\""));
        assertEquals(2, Http.count(members, "\"post\":\"COMMITTEE_MEMBER\""));

        // the result report: print view and PDF
        Resp report = api.get("/api/elections/" + id + "/report", SECRETARY).expect(200);
        assertTrue(report.body.contains("合作市管理部工会第一届委员会选举选举结果报告"));
        Resp pdf = api.get("/api/elections/" + id + "/report.pdf", SECRETARY).expect(200);
        assertEquals("%PDF-", new String(pdf.bytes, 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1));
        Resp xlsx = api.get("/api/elections/statistics.xlsx?year=" + day.getYear(), ADMIN).expect(200);
        assertEquals('P', (char) xlsx.bytes[0]);

        // uninstall: the module's API is gone, the core works
        Services.features(context).uninstallFeature("hpf-elections");
        assertEquals("", Await.until("the elections API to go", () -> api.get("/api/elections/rule-sets", ADMIN).status == 404 ? "" : "still there"));
        api.get("/api/org-units", ADMIN).expect(200);
        api.get("/api/me", ADMIN).expect(200);
        assertEquals(200, api.get("/hpf/", null).status);
        assertEquals("", Exam.badBundles(context));
        assertTrue(EnumSet.allOf(Role.class).size() > 0);
    }

    private static String approval(LocalDate date) {
        return "{\"approvedBy\":\"合作市总工会\",\"approvedOn\":\"" + date + "\",\"documentNo\":\"合工发〔2026〕3号\"}";
    }

    private static String ballot(int serial, String... approved) {
        StringBuilder marks = new StringBuilder();
        for (String p : approved) {
            marks.append(marks.length() == 0 ? "" : ",").append('"').append(p).append("\":\"APPROVE\"");
        }
        return "{\"serial\":" + serial + ",\"entry\":1,\"marks\":{" + marks + "},\"writeIns\":[],\"spoiled\":false}";
    }

    private static long version(Http api, String id) {
        Matcher mm = Pattern.compile("\"meta\"\\s*:\\s*\\{[^}]*\"version\"\\s*:\\s*(\\d+)").matcher(api.get("/api/elections/" + id, SECRETARY).body);
        assertTrue(mm.find());
        return Long.parseLong(mm.group(1));
    }

    private static String contest(String election, String kind, String post) {
        Matcher mm = Pattern.compile("\\{\"id\":\"([^\"]+)\",\"kind\":\"" + kind + "\",\"post\":" + (post == null ? "null" : "\"" + post + "\""))
                .matcher(election);
        assertTrue("no contest " + kind + " in " + election, mm.find());
        return mm.group(1);
    }

    /** Voter id and version, in roll order. */
    private static List<String[]> voters(String json) {
        List<String[]> out = new ArrayList<>();
        Matcher mm = Pattern.compile("\\{\"id\":\"([^\"]+)\",\"electionId\"[^{}]*\"version\":(\\d+)\\}").matcher(json);
        while (mm.find()) {
            out.add(new String[] {mm.group(1), mm.group(2)});
        }
        return out;
    }
}
