package cn.gannan.hpf.elections.api;

import java.util.List;

import cn.gannan.hpf.elections.api.rules.OrgKind;

/**
 * Elections of a year: held and due per office and organisation type, turnout, bodies overdue and bodies whose
 * election is delayed with the superior's approval (not counted as overdue).
 */
public record ElectionStats(int year, String officeCode, List<Line> lines, List<BodyTerm> overdue, List<BodyTerm> delayed) {

    /**
     * @param held     elections whose result took effect in the year
     * @param due      bodies whose term ends in the year
     * @param overdue  bodies overdue on the day of the statistics
     * @param delayed  bodies whose election is delayed with the superior's approval on that day (not overdue)
     * @param expected voters expected over the elections held
     * @param present  voters present over the elections held (turnout = present / expected)
     */
    public record Line(String officeCode, OrgKind kind, int held, int due, int overdue, int delayed, int expected, int present) {
    }
}
