package cn.gannan.hpf.elections.api;

import java.time.LocalDate;

/**
 * A plan (换届方案) as entered.
 *
 * @param orgUnitId          the body that holds the election (党总支, 党支部, 工会, 团委, 妇联)
 * @param title              e.g. 中心机关总支部委员会换届选举
 * @param termStart          the day the ending term began (the previous election), or null for a first election
 * @param plannedDate        the day of the members' meeting
 * @param committeeSeats     seats of the committee; 0 for a branch without a committee (the meeting elects the posts)
 * @param auditSeats         seats of an audit committee (trade union), 0 for none
 * @param deputySeats        deputies (副书记 / 副主席) to elect, 0 to 2
 * @param candidateProduction how the candidates were produced (推荐、考察、公示 …)
 */
public record PlanDraft(String orgUnitId, String title, LocalDate termStart, LocalDate plannedDate, Integer committeeSeats,
        Integer auditSeats, Integer deputySeats, String candidateProduction) {
}
