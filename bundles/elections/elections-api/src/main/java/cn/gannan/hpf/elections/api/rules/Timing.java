package cn.gannan.hpf.elections.api.rules;

/** An election date against the term: on time, advanced or delayed (the latter two need the superior's approval). */
public enum Timing {
    ON_TIME,
    ADVANCED,
    DELAYED;

    public String messageKey() {
        return "timing." + name();
    }
}
