package cn.gannan.hpf.elections.api.rules;

/** A voter's choice for one candidate on a paper ballot; an unmarked candidate counts as an abstention. */
public enum Mark {
    APPROVE,
    DISAPPROVE,
    ABSTAIN;

    public String messageKey() {
        return "mark." + name();
    }
}
