package cn.gannan.hpf.itests.talks;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.gannan.hpf.itests.support.Http;
import cn.gannan.hpf.itests.support.Http.Resp;

/**
 * The JSON API over HTTP with the demo users: every action answers, and a summary never reaches a caller who
 * is not entitled to it — not in a list, not in a talk, not to an admin.
 */
final class TalksApiChecks {

    private static final String SECRET = "IT-API-SECRET-摘要";
    private final Http api;
    private final String leaderPerson;

    /** @param leaderPerson the person demo.leader is linked to (by the talk log's demo data) */
    TalksApiChecks(Http api, String leaderPerson) {
        this.api = api;
        this.leaderPerson = leaderPerson;
    }

    private static String id(String json) {
        return Http.jsonString(json, "id");
    }

    /** Ids of people of an office, from the people API. */
    private String[] people(String office, int n) {
        Resp r = api.get("/api/people?office=" + office + "&active=true&limit=" + n, Http.demo("demo.central")).expect(200);
        Matcher m = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"").matcher(r.body);
        String[] ids = new String[n];
        for (int i = 0; i < n; i++) {
            assertTrue("not enough people in " + r.body, m.find());
            ids[i] = m.group(1);
        }
        return ids;
    }

    void run() {
        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
        int year = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();
        String[] p = people("GN01", 6);
        String leader = Http.demo("demo.leader");

        String target = p[0].equals(leaderPerson) ? p[1] : p[0];

        // create: demo.leader talks with a colleague
        String draft = "{\"kindCode\":\"ONE_ON_ONE\",\"date\":\"" + today + "\",\"place\":\"主任办公室\","
                + "\"talkerIds\":[\"" + leaderPerson + "\"],\"targetIds\":[\"" + target + "\"],"
                + "\"decidedBy\":\"支部委员会研究确定\",\"trigger\":\"ROUTINE\",\"topics\":\"工作作风\","
                + "\"summary\":\"" + SECRET + "\","
                + "\"followUps\":[{\"action\":\"整改\",\"dueDate\":\"" + LocalDate.parse(today).plusDays(30) + "\"}]}";
        Resp created = api.post("/api/talks", leader, draft).expect(201);
        String talkId = id(created.body);
        assertTrue(created.body.contains(SECRET));

        // confidentiality: the summary reaches the talker and the auditor only
        assertTrue(api.get("/api/talks/" + talkId, Http.demo("demo.auditor")).expect(200).body.contains(SECRET));
        for (String user : new String[] { "demo.staff", "demo.admin", "demo.secretary", "demo.central" }) {
            Resp one = api.get("/api/talks/" + talkId, Http.demo(user)).expect(200);
            assertFalse(user + " read the summary: " + one.body, one.body.contains(SECRET));
            assertFalse(user + " read the topics: " + one.body, one.body.contains("工作作风"));
            assertTrue(one.body.contains("\"contentVisible\":false"));
            Resp list = api.get("/api/talks?year=" + year + "&office=GN01&limit=500", Http.demo(user)).expect(200);
            assertTrue(user + " does not see that the talk happened", list.body.contains(talkId));
            assertFalse(user + " read the summary in the list", list.body.contains(SECRET));
        }
        Resp leaderList = api.get("/api/talks?year=" + year + "&limit=500", leader).expect(200);
        assertFalse("lists never carry a summary", leaderList.body.contains(SECRET));
        // the admonitory demo talk: demo.staff and demo.admin never read it
        Resp reminders = api.get("/api/talks?kind=REMINDER&office=GN01", Http.demo("demo.admin")).expect(200);
        String reminderId = id(reminders.body.substring(reminders.body.indexOf("\"items\"")));
        assertTrue(api.get("/api/talks/" + reminderId, Http.demo("demo.auditor")).expect(200).body.contains("提醒谈话："));
        assertFalse(api.get("/api/talks/" + reminderId, Http.demo("demo.admin")).expect(200).body.contains("提醒谈话："));
        assertFalse(api.get("/api/talks/" + reminderId, Http.demo("demo.staff")).expect(200).body.contains("提醒谈话："));
        // other offices: a county staff member of GN01 reading across offices is refused by scope
        Http.assertProblem(api.get("/api/talks?office=GN02", Http.demo("demo.staff")).expect(403));

        // bad input: 422 with the field, nothing written
        long before = Http.jsonLong(api.get("/api/talks?office=GN01&limit=1", leader).expect(200).body, "total");
        Resp bad = api.post("/api/talks", leader, "{\"kindCode\":\"COLLECTIVE\",\"date\":\"" + today + "\","
                + "\"talkerIds\":[\"" + leaderPerson + "\"],\"targetIds\":[\"" + target + "\"],\"trigger\":\"ROUTINE\"}");
        bad.expect(422);
        Http.assertProblem(bad);
        assertTrue(bad.body, bad.body.contains("targetIds") && bad.body.contains("至少需要 2 名谈话对象，现有 1 名"));
        assertEquals(before, Http.jsonLong(api.get("/api/talks?office=GN01&limit=1", leader).expect(200).body, "total"));
        Http.assertProblem(api.post("/api/talks", Http.demo("demo.staff"), draft).expect(403));
        api.get("/api/talks?year=abc", leader).expect(400);

        // update with the version read; a stale version is 409
        long v = Http.jsonLong(created.body, "version");
        Resp updated = api.put("/api/talks/" + talkId + "?version=" + v, leader, draft.replace("主任办公室", "会议室"))
                .expect(200);
        Http.assertProblem(api.put("/api/talks/" + talkId + "?version=" + v, leader, draft).expect(409));
        // confirmations: the leader confirms for himself, then for the target on their behalf
        api.post("/api/talks/" + talkId + "/confirmations", leader, "{}").expect(200);
        Resp both = api.post("/api/talks/" + talkId + "/confirmations", leader, "{\"personId\":\"" + target + "\"}")
                .expect(200);
        assertTrue(both.body.contains("\"confirmedByAll\":true"));
        // follow-ups: add one, mark it done
        Resp fu = api.post("/api/talks/" + talkId + "/follow-ups", leader, "{\"action\":\"复查\"}").expect(200);
        Matcher fm = Pattern.compile("\"id\":\"([0-9a-f-]{36})\",\"action\":\"复查\"").matcher(fu.body);
        assertTrue(fu.body, fm.find());
        api.post("/api/talks/" + talkId + "/follow-ups/" + fm.group(1) + "/done?version=1", leader,
                "{\"doneOn\":\"" + today + "\",\"note\":\"已复查\"}").expect(200);
        // void with a reason (the version after the confirmations)
        long v2 = Http.jsonLong(api.get("/api/talks/" + talkId, leader).expect(200).body.replaceAll(
                "\"followUps\":\\[.*?\\]", ""), "version");
        api.post("/api/talks/" + talkId + "/void?version=" + v2, leader, "{\"reason\":\"\"}").expect(422);
        assertTrue(api.post("/api/talks/" + talkId + "/void?version=" + v2, leader, "{\"reason\":\"IT\"}").expect(200)
                .body.contains("\"status\":\"VOID\""));
        assertTrue(updated.body.contains("会议室"));

        // kinds, decision sources (none installed), statistics and the .xlsx
        assertEquals(7, Http.count(api.get("/api/talks/kinds", leader).expect(200).body, "\"code\""));
        assertEquals("[]", api.get("/api/talks/decision-sources?year=" + year, leader).expect(200).body.trim());
        Resp st = api.get("/api/talks/statistics?year=2017", Http.demo("demo.central")).expect(200);
        assertEquals(3, Http.jsonLong(st.body, "collective"));
        assertEquals(19, Http.jsonLong(st.body, "oneOnOne"));
        assertTrue(Http.jsonLong(st.body, "personTimes") >= 110);
        Resp xlsx = api.get("/api/talks/statistics.xlsx?year=2017", Http.demo("demo.central")).expect(200);
        assertTrue(xlsx.contentType, xlsx.contentType.startsWith("application/vnd.openxmlformats"));
        assertEquals('P', xlsx.bytes[0]);
        assertEquals('K', xlsx.bytes[1]);

        // plans, coverage, warnings
        Resp planList = api.get("/api/talks/plans?year=" + year + "&office=GN01", Http.demo("demo.admin")).expect(200);
        String planId = id(planList.body);
        Resp cov = api.get("/api/talks/plans/" + planId + "/coverage", Http.demo("demo.admin")).expect(200);
        assertTrue(cov.body, cov.body.contains("\"uncovered\""));
        api.get("/api/talks/plans/warnings?days=366", Http.demo("demo.central")).expect(200);
        Http.assertProblem(api.get("/api/talks/plans/no-such-plan/coverage", Http.demo("demo.staff")).expect(404));
        Http.assertProblem(api.get("/api/talks/plans/" + planId, Http.demo("demo.auditor")).status == 200
                ? api.delete("/api/talks/plans/" + planId + "?version=1", Http.demo("demo.auditor")).expect(403)
                : api.get("/api/talks/plans/" + planId, Http.demo("demo.auditor")));

        // the OpenAPI description lists the talk log
        String openapi = api.get("/api/openapi.json", null).expect(200).body;
        assertTrue(openapi.contains("/talks/statistics") && openapi.contains("/talks/plans"));
    }
}
