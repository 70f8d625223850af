package cn.gannan.hpf.talks.api;

import java.time.Instant;

/**
 * A talker or target of a talk, with their confirmation of the record.
 *
 * @param name              the person's name when the talk was recorded
 * @param confirmedAt       null until confirmed
 * @param confirmedBy       username who confirmed: the person themselves, or a recorder on their behalf
 * @param confirmedOnBehalf true when a recorder confirmed for the participant (e.g. a signed paper record)
 */
public record Participant(String personId, String name, String officeCode, ParticipantSide side, Instant confirmedAt,
        String confirmedBy, boolean confirmedOnBehalf) {

    public boolean confirmed() {
        return confirmedAt != null;
    }
}
