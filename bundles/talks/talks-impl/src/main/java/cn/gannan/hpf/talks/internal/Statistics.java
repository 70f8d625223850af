package cn.gannan.hpf.talks.internal;

import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import cn.gannan.hpf.core.api.spi.Tx;
import cn.gannan.hpf.talks.api.TalkKind;
import cn.gannan.hpf.talks.api.TalkPlan;
import cn.gannan.hpf.talks.api.TalkStatistics;
import cn.gannan.hpf.talks.api.TalkStatistics.BodyFigures;
import cn.gannan.hpf.talks.api.TalkStatistics.OfficeFigures;

/** Figures of a year, computed from the records (voided talks excluded). */
final class Statistics {

    private Statistics() {
    }

    private record TalkFact(String id, String office, String kind, String unitId, String unitName, int participants) {
    }

    private static final class Acc {
        int talks;
        int collective;
        int oneOnOne;
        int personTimes;
        int openFollowUps;
    }

    private static final class BodyAcc {
        String office;
        String unitName;
        int talks;
        int personTimes;
        int totalPairs;
        int coveredPairs;
        boolean planned;
    }

    static TalkStatistics compute(Tx tx, String office, int year, LocalDate today) throws SQLException {
        LocalDate from = LocalDate.of(year, 1, 1);
        LocalDate to = from.plusYears(1);
        String officeClause = office == null ? "" : " AND T.OFFICE_CODE = ?";
        Object[] params = office == null ? new Object[] {from, to} : new Object[] {from, to, office};
        List<TalkFact> facts = tx.query("SELECT T.ID, T.OFFICE_CODE, T.KIND_CODE, T.DECIDING_UNIT_ID, T.DECIDING_UNIT_NAME,"
                + " (SELECT COUNT(*) FROM TALK_PARTICIPANT P WHERE P.TALK_ID = T.ID) AS N FROM TALK T"
                + " WHERE T.STATUS = 'RECORDED' AND T.TALK_DATE >= ? AND T.TALK_DATE < ?" + officeClause,
                rs -> new TalkFact(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getInt(6)), params);
        Map<String, TalkKind> kinds = new LinkedHashMap<>();
        for (TalkKind k : Store.kinds(tx)) {
            kinds.put(k.code(), k);
        }
        Map<String, Integer> byKind = new LinkedHashMap<>();
        kinds.keySet().forEach(k -> byKind.put(k, 0));
        Acc all = new Acc();
        Map<String, Acc> byOffice = new TreeMap<>();
        Map<String, BodyAcc> byBody = new LinkedHashMap<>();
        for (TalkFact f : facts) {
            boolean collective = kinds.get(f.kind()).collective();
            byKind.merge(f.kind(), 1, Integer::sum);
            for (Acc a : new Acc[] {all, byOffice.computeIfAbsent(f.office(), k -> new Acc())}) {
                a.talks++;
                a.personTimes += f.participants();
                if (collective) {
                    a.collective++;
                } else {
                    a.oneOnOne++;
                }
            }
            String key = f.office() + "/" + (f.unitId() == null ? "" : f.unitId());
            BodyAcc b = byBody.computeIfAbsent(key, k -> new BodyAcc());
            b.office = f.office();
            b.unitName = f.unitName();
            b.talks++;
            b.personTimes += f.participants();
        }
        List<Object[]> open = tx.query("SELECT T.OFFICE_CODE, F.DUE_DATE FROM TALK_FOLLOW_UP F JOIN TALK T ON T.ID = F.TALK_ID"
                + " WHERE F.DONE_ON IS NULL AND T.STATUS = 'RECORDED' AND T.TALK_DATE >= ? AND T.TALK_DATE < ?" + officeClause,
                rs -> new Object[] {rs.getString(1), cn.gannan.hpf.core.api.spi.Rows.date(rs, "DUE_DATE")}, params);
        int overdue = 0;
        for (Object[] o : open) {
            all.openFollowUps++;
            byOffice.computeIfAbsent((String) o[0], k -> new Acc()).openFollowUps++;
            if (o[1] != null && ((LocalDate) o[1]).isBefore(today)) {
                overdue++;
            }
        }
        List<TalkPlan> plans = Store.plans(tx, office, year);
        CoverageCalculator calc = new CoverageCalculator(Store.participations(tx, year));
        int totalPairs = 0;
        int coveredPairs = 0;
        for (TalkPlan p : plans) {
            int total = p.pairs().size();
            int covered = total - calc.uncovered(p.pairs()).size();
            totalPairs += total;
            coveredPairs += covered;
            BodyAcc b = byBody.computeIfAbsent(p.officeCode() + "/" + p.orgUnitId(), k -> new BodyAcc());
            b.office = p.officeCode();
            b.unitName = p.orgUnitName();
            b.planned = true;
            b.totalPairs = total;
            b.coveredPairs = covered;
        }
        List<OfficeFigures> officeFigures = new ArrayList<>();
        byOffice.forEach((code, a) -> officeFigures.add(new OfficeFigures(code, a.talks, a.collective, a.oneOnOne,
                a.personTimes, a.openFollowUps)));
        List<BodyFigures> bodies = new ArrayList<>();
        byBody.forEach((key, b) -> {
            String unitId = key.substring(key.indexOf('/') + 1);
            bodies.add(new BodyFigures(b.office, unitId.isEmpty() ? null : unitId, b.unitName, b.talks, b.personTimes,
                    b.totalPairs, b.coveredPairs, b.planned ? CoverageCalculator.rate(b.coveredPairs, b.totalPairs) : null));
        });
        bodies.sort((x, y) -> x.officeCode().compareTo(y.officeCode()) != 0 ? x.officeCode().compareTo(y.officeCode())
                : String.valueOf(x.orgUnitName()).compareTo(String.valueOf(y.orgUnitName())));
        return new TalkStatistics(year, office, all.talks, all.collective, all.oneOnOne, all.personTimes, byKind,
                all.openFollowUps, overdue, plans.size(), totalPairs, coveredPairs,
                plans.isEmpty() ? null : CoverageCalculator.rate(coveredPairs, totalPairs), officeFigures, bodies);
    }
}
