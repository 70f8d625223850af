package cn.gannan.hpf.meetings.api;

/**
 * An agenda topic (议题).
 *
 * @param personnel appoints cadres or disciplines members: the stricter quorum applies
 * @param votesFor  null when no vote was taken
 */
public record Topic(String id, int seq, String title, String categoryCode, String submittedBy, String presenter,
        String summary, String decision, boolean personnel, Integer votesFor, Integer votesAgainst,
        Integer votesAbstain, VoteResult voteResult) {
}
