package cn.gannan.hpf.elections.api;

import java.util.List;

import cn.gannan.hpf.elections.api.rules.Outcome;
import cn.gannan.hpf.elections.api.rules.RoundKind;

/**
 * A round of voting in a contest, with its own ballots.
 *
 * @param candidates  person ids on the ballot, in ballot order
 * @param names       their names, same order
 * @param present     voters present when the round opened
 * @param expected    voters expected when the round opened
 * @param entered     ballots entered by the first teller
 * @param enteredSecond ballots entered by the second teller (double entry), 0 otherwise
 * @param results     per candidate, once counted
 */
public record Round(String id, String contestId, int number, RoundKind kind, int seats, List<String> candidates,
        List<String> names, int present, int expected, int issued, Integer returned, String scrutineers, String tellers,
        boolean doubleEntry, RoundStatus status, int entered, int enteredSecond, int validBallots, int invalidBallots,
        long majorityRequired, List<Result> results, long version) {

    /** One candidate's count in a counted round. */
    public record Result(String personId, String personName, boolean writeIn, int approvals, int disapprovals,
            int abstentions, Outcome outcome) {
    }
}
