package cn.gannan.hpf.elections.api.rules;

import java.util.List;
import java.util.Map;

/**
 * One paper ballot as entered by a teller.
 *
 * @param marks    candidate id to mark; a candidate not in the map was left unmarked (counts as abstain)
 * @param writeIns ids of the people written in (not on the ballot)
 * @param spoiled  the teller found the paper unreadable or defaced (invalid whatever its marks)
 */
public record BallotInput(Map<String, Mark> marks, List<String> writeIns, boolean spoiled) {

    public BallotInput {
        marks = marks == null ? Map.of() : Map.copyOf(marks);
        writeIns = writeIns == null ? List.of() : List.copyOf(writeIns);
    }

    public long approvals() {
        return marks.values().stream().filter(m -> m == Mark.APPROVE).count() + writeIns.size();
    }

    public long disapprovals() {
        return marks.values().stream().filter(m -> m == Mark.DISAPPROVE).count();
    }
}
