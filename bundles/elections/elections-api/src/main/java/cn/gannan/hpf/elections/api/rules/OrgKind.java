package cn.gannan.hpf.elections.api.rules;

import cn.gannan.hpf.core.api.OrgUnitType;

/** The organisation types that hold elections, each with its own rule set. */
public enum OrgKind {
    /** 党组织: 基层委员会 (e.g. 机关党委), 党总支, 党支部 (a 党组 is appointed, not elected). */
    PARTY,
    /** 工会. */
    TRADE_UNION,
    /** 共青团 (团委 / 团支部). */
    YOUTH_LEAGUE,
    /** 妇联. */
    WOMENS_FEDERATION;

    /**
     * The kind of an org unit, or null when the unit does not elect its leadership (党组, 党小组,
     * sections and departments).
     */
    public static OrgKind of(OrgUnitType type) {
        if (type == null) {
            return null;
        }
        return switch (type) {
            case PRIMARY_COMMITTEE, GENERAL_BRANCH, BRANCH -> PARTY;
            case TRADE_UNION -> TRADE_UNION;
            case YOUTH_LEAGUE -> YOUTH_LEAGUE;
            case WOMENS_FEDERATION -> WOMENS_FEDERATION;
            default -> null;
        };
    }

    public String messageKey() {
        return "orgKind." + name();
    }
}
