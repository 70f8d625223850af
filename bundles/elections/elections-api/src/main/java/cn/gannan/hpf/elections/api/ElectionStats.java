package cn.gannan.hpf.elections.api;

import java.util.List;

import cn.gannan.hpf.elections.api.rules.OrgKind;

/** Elections of a year: held and due per office and organisation type, turnout, bodies overdue. */
public record ElectionStats(int year, String officeCode, List<Line> lines, List<BodyTerm> overdue) {

    /**
     * @param held     elections whose result took effect in the year
     * @param due      bodies whose term ends in the year
     * @param expected voters expected over the elections held
     * @param present  voters present over the elections held (turnout = present / expected)
     */
    public record Line(String officeCode, OrgKind kind, int held, int due, int overdue, int expected, int present) {
    }
}
