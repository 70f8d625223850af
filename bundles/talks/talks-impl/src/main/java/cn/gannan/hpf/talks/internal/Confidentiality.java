package cn.gannan.hpf.talks.internal;

import java.util.Set;

import cn.gannan.hpf.core.api.Role;

/**
 * Who may read the content of a talk (topics, summary, follow-ups). RULES.md §4 and issue 4:
 * <ul>
 * <li>the talkers and targets, the secretary of the body that decided the talk, and the
 * discipline/auditor role ({@link Role#AUDITOR});</li>
 * <li>admonitory kinds (提醒、函询、诫勉) are restricted further to the leader and auditor roles:
 * the auditor role, or a holder of the leader role who is also entitled by the first rule.</li>
 * </ul>
 * Nobody else — office or central admins included — reads the content.
 */
public final class Confidentiality {

    private Confidentiality() {
    }

    /**
     * @param participants   person ids of the talkers and targets
     * @param decidingUnitId the deciding body, or null
     */
    public static boolean canReadContent(Viewer v, boolean admonitory, Set<String> participants, String decidingUnitId) {
        if (v.caller().has(Role.AUDITOR)) {
            return true;
        }
        boolean involved = (v.personId() != null && participants.contains(v.personId()))
                || (decidingUnitId != null && v.secretaryOf().contains(decidingUnitId));
        if (!involved) {
            return false;
        }
        return !admonitory || v.caller().has(Role.LEADER);
    }

    /** Whether the caller takes part in the talk (participants see it even from another office). */
    public static boolean participates(Viewer v, Set<String> participants) {
        return v.personId() != null && participants.contains(v.personId());
    }
}
