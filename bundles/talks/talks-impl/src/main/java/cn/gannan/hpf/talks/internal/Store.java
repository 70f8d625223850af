package cn.gannan.hpf.talks.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;

import cn.gannan.hpf.core.api.spi.Rows;
import cn.gannan.hpf.core.api.spi.Tx;
import cn.gannan.hpf.talks.api.PairCategory;
import cn.gannan.hpf.talks.api.ParticipantSide;
import cn.gannan.hpf.talks.api.PlanPair;
import cn.gannan.hpf.talks.api.TalkKind;
import cn.gannan.hpf.talks.api.TalkPlan;
import cn.gannan.hpf.talks.internal.CoverageCalculator.Participation;

/** Reads shared by the talk and plan services. */
final class Store {

    static final String MODULE = "talks";
    static final String PLAN_COLUMNS = "ID, OFFICE_CODE, PLAN_YEAR, ORG_UNIT_ID, ORG_UNIT_NAME, NOTE, " + Rows.META;

    private Store() {
    }

    static List<TalkKind> kinds(Tx tx) throws SQLException {
        return tx.query("SELECT CODE, NAME_ZH, NAME_EN, COLLECTIVE, ADMONITORY, SORT_ORDER, ACTIVE FROM TALK_KIND"
                + " ORDER BY SORT_ORDER, CODE", Store::mapKind);
    }

    static TalkKind mapKind(ResultSet rs) throws SQLException {
        return new TalkKind(rs.getString("CODE"), rs.getString("NAME_ZH"), rs.getString("NAME_EN"),
                rs.getInt("COLLECTIVE") == 1, rs.getInt("ADMONITORY") == 1, rs.getInt("SORT_ORDER"), rs.getInt("ACTIVE") == 1);
    }

    /** Every participation in a recorded (not voided) talk dated in the year, any office. */
    static List<Participation> participations(Tx tx, int year) throws SQLException {
        return tx.query("SELECT P.TALK_ID, P.PERSON_ID, P.SIDE, K.COLLECTIVE FROM TALK_PARTICIPANT P"
                + " JOIN TALK T ON T.ID = P.TALK_ID JOIN TALK_KIND K ON K.CODE = T.KIND_CODE"
                + " WHERE T.STATUS = 'RECORDED' AND T.TALK_DATE >= ? AND T.TALK_DATE < ?",
                rs -> new Participation(rs.getString(1), rs.getString(2), ParticipantSide.valueOf(rs.getString(3).trim()),
                        rs.getInt(4) == 1), LocalDate.of(year, 1, 1), LocalDate.of(year + 1, 1, 1));
    }

    static List<PlanPair> pairs(Tx tx, String planId) throws SQLException {
        return tx.query("SELECT ID, PERSON_A, NAME_A, PERSON_B, NAME_B, CATEGORY FROM TALK_PLAN_PAIR WHERE PLAN_ID = ?"
                + " ORDER BY CATEGORY, NAME_A, NAME_B", rs -> new PlanPair(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), PairCategory.valueOf(rs.getString(6).trim())), planId);
    }

    static TalkPlan mapPlan(Tx tx, ResultSet rs) throws SQLException {
        String id = rs.getString("ID");
        return new TalkPlan(id, rs.getString("OFFICE_CODE"), rs.getInt("PLAN_YEAR"), rs.getString("ORG_UNIT_ID"),
                rs.getString("ORG_UNIT_NAME"), rs.getString("NOTE"), List.of(), Rows.meta(rs));
    }

    /** Plans of a year (one office or all when null), pairs included. */
    static List<TalkPlan> plans(Tx tx, String office, Integer year) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT " + PLAN_COLUMNS + " FROM TALK_PLAN WHERE 1 = 1");
        List<Object> params = new java.util.ArrayList<>();
        if (office != null) {
            sql.append(" AND OFFICE_CODE = ?");
            params.add(office);
        }
        if (year != null) {
            sql.append(" AND PLAN_YEAR = ?");
            params.add(year);
        }
        sql.append(" ORDER BY PLAN_YEAR DESC, OFFICE_CODE, ORG_UNIT_NAME");
        List<TalkPlan> shallow = tx.query(sql.toString(), rs -> mapPlan(tx, rs), params.toArray());
        List<TalkPlan> out = new java.util.ArrayList<>();
        for (TalkPlan p : shallow) {
            out.add(withPairs(tx, p));
        }
        return out;
    }

    static TalkPlan withPairs(Tx tx, TalkPlan p) throws SQLException {
        return new TalkPlan(p.id(), p.officeCode(), p.year(), p.orgUnitId(), p.orgUnitName(), p.note(), pairs(tx, p.id()),
                p.meta());
    }
}
