package cn.gannan.hpf.elections.api;

import java.time.Instant;

/** A person on a roll. */
public record Voter(String id, String electionId, Roll roll, String personId, String personName, VoterStatus status,
        ExcuseReason excuseReason, String excuseNote, String excuseApprovedBy, Instant signedInAt, long version) {
}
