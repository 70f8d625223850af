package cn.gannan.hpf.elections.api;

/**
 * Where the two tellers' entries of one paper differ.
 *
 * @param serial  the paper
 * @param subject the candidate id, {@code writeIns}, {@code spoiled} or {@code missing}
 * @param first   what the first teller entered
 * @param second  what the second teller entered
 */
public record BallotDifference(int serial, String subject, String first, String second) {
}
