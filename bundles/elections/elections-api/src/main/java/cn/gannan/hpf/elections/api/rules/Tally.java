package cn.gannan.hpf.elections.api.rules;

import java.util.List;

import cn.gannan.hpf.core.api.Msg;

/**
 * The count of one round.
 *
 * @param seats           seats the round was for
 * @param validBallots    ballots that count
 * @param invalidBallots  ballots that do not (over-approval, forbidden write-ins, spoiled)
 * @param majorityRequired approvals a candidate needs (0 in a run-off: most votes win)
 * @param majorityRule    the rule applied, with the numbers
 * @param rows            one row per candidate and write-in, most approvals first
 * @param elected         ids elected in this round, most votes first
 * @param tied            ids tied at the cut-off (a run-off among them for {@code runoffSeats})
 * @param runoffSeats     seats the run-off is for (0 when there is no tie)
 * @param shortfall       seats left unfilled because too few reached the majority
 */
public record Tally(int seats, int validBallots, int invalidBallots, long majorityRequired, Msg majorityRule,
        List<Row> rows, List<String> elected, List<String> tied, int runoffSeats, int shortfall) {

    public Tally {
        rows = List.copyOf(rows);
        elected = List.copyOf(elected);
        tied = List.copyOf(tied);
    }

    /** One candidate's count. */
    public record Row(String candidateId, boolean writeIn, int approvals, int disapprovals, int abstentions,
            boolean majority, Outcome outcome) {
    }

    /** True when every seat is filled by this round. */
    public boolean complete() {
        return elected.size() == seats;
    }
}
