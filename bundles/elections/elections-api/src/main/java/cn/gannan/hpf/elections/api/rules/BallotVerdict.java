package cn.gannan.hpf.elections.api.rules;

import java.util.List;

import cn.gannan.hpf.core.api.Msg;

/** Whether one ballot counts, and if not, every reason why. */
public record BallotVerdict(boolean valid, List<Msg> reasons) {

    public BallotVerdict {
        reasons = List.copyOf(reasons);
    }
}
