package cn.gannan.hpf.elections.api;

import java.util.List;
import java.util.Map;

import cn.gannan.hpf.elections.api.rules.Mark;

/**
 * One paper ballot as a teller enters it.
 *
 * @param serial   the paper's serial number within the round (1, 2, …); double entry matches papers by it
 * @param entry    1 for the first teller, 2 for the second (double entry)
 * @param marks    candidate person id to mark; unmarked = abstain
 * @param writeIns person ids written in
 * @param spoiled  unreadable or defaced
 */
public record BallotEntry(Integer serial, Integer entry, Map<String, Mark> marks, List<String> writeIns, Boolean spoiled) {
}
