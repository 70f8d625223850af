package cn.gannan.hpf.elections.api;

import java.util.List;

import cn.gannan.hpf.core.api.Post;
import cn.gannan.hpf.elections.api.rules.ContestKind;

/**
 * One thing an election fills: the committee, the audit committee, or a post (secretary, deputy).
 *
 * @param post         for a {@link ContestKind#POSTS} contest, the post it fills
 * @param seats        seats now (fewer than planned after a reduction with consent)
 * @param plannedSeats seats in the plan
 * @param roll         the meeting that votes
 * @param consent      voters who consented to reducing the seats, or null
 * @param complete     every seat filled
 */
public record Contest(String id, ContestKind kind, Post post, int seats, int plannedSeats, Roll roll, Integer consent,
        boolean complete, List<Candidate> candidates, List<Round> rounds, long version) {

    /** A candidate of the contest. */
    public record Candidate(String id, String personId, String personName, boolean elected, boolean writeIn) {
    }
}
