package cn.gannan.hpf.elections.api.rules;

/** Why a round of voting is held. */
public enum RoundKind {
    /** The first vote of a contest. */
    REGULAR,
    /** A new vote among those tied at the cut-off only; the most votes win the remaining seats. */
    RUNOFF,
    /** A further vote for seats left unfilled (majority required again). */
    FURTHER;

    public String messageKey() {
        return "roundKind." + name();
    }
}
