package cn.gannan.hpf.elections.api;

import java.util.List;
import java.util.Map;

import cn.gannan.hpf.core.api.Msg;
import cn.gannan.hpf.elections.api.rules.Mark;

/** An entered ballot and its verdict. */
public record Ballot(String id, String roundId, int serial, int entry, Map<String, Mark> marks, List<String> writeIns,
        boolean spoiled, boolean valid, List<Msg> reasons, String enteredBy) {
}
