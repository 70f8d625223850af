package cn.gannan.hpf.talks.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.gannan.hpf.talks.api.ParticipantSide;
import cn.gannan.hpf.talks.api.PlanPair;

/**
 * Which plan pairs a year's talks cover. A pair is covered by a talk in which both took part on
 * opposite sides (谈话人 and 谈话对象), or together in a collective talk — a collective talk counts
 * for every participant.
 */
public final class CoverageCalculator {

    /** One person's part in one recorded talk. */
    public record Participation(String talkId, String personId, ParticipantSide side, boolean collective) {
    }

    private final Map<String, List<Participation>> byTalk = new HashMap<>();
    private final Map<String, Set<String>> talksOfPerson = new HashMap<>();

    public CoverageCalculator(List<Participation> participations) {
        for (Participation p : participations) {
            byTalk.computeIfAbsent(p.talkId(), k -> new ArrayList<>()).add(p);
            talksOfPerson.computeIfAbsent(p.personId(), k -> new HashSet<>()).add(p.talkId());
        }
    }

    public boolean covered(String a, String b) {
        Set<String> ta = talksOfPerson.getOrDefault(a, Set.of());
        Set<String> tb = talksOfPerson.getOrDefault(b, Set.of());
        for (String talk : ta) {
            if (!tb.contains(talk)) {
                continue;
            }
            ParticipantSide sa = null;
            ParticipantSide sb = null;
            boolean collective = false;
            for (Participation p : byTalk.get(talk)) {
                collective |= p.collective();
                if (p.personId().equals(a)) {
                    sa = p.side();
                }
                if (p.personId().equals(b)) {
                    sb = p.side();
                }
            }
            if (collective || (sa != null && sb != null && sa != sb)) {
                return true;
            }
        }
        return false;
    }

    public List<PlanPair> uncovered(List<PlanPair> pairs) {
        List<PlanPair> out = new ArrayList<>();
        for (PlanPair p : pairs) {
            if (!covered(p.personA(), p.personB())) {
                out.add(p);
            }
        }
        return out;
    }

    /** Percent with one decimal; 100 when there is nothing to cover. */
    public static double rate(int covered, int total) {
        return total == 0 ? 100.0 : Math.round(covered * 1000.0 / total) / 10.0;
    }
}
