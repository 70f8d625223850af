package cn.gannan.hpf.talks.api;

import java.util.Locale;

/**
 * A kind of talk, reference data: 集体谈话, 一对一谈话, 分管领导见面谈, 班子成员交心谈, 提醒谈话, 函询, 诫勉谈话.
 *
 * @param code       stable code, e.g. {@code COLLECTIVE}
 * @param collective a collective (one-to-many) talk: at least two targets; otherwise exactly one target
 * @param admonitory an admonitory form (提醒、函询、诫勉): its content is restricted to the leader and auditor roles
 * @param active     offered for new talks
 */
public record TalkKind(String code, String nameZh, String nameEn, boolean collective, boolean admonitory,
        int sortOrder, boolean active) {

    public static final String COLLECTIVE = "COLLECTIVE";
    public static final String ONE_ON_ONE = "ONE_ON_ONE";
    public static final String LEADER_MEETING = "LEADER_MEETING";
    public static final String LEADERSHIP_MUTUAL = "LEADERSHIP_MUTUAL";
    public static final String REMINDER = "REMINDER";
    public static final String INQUIRY = "INQUIRY";
    public static final String ADMONITION = "ADMONITION";

    public String name(Locale locale) {
        return locale != null && "zh".equals(locale.getLanguage()) ? nameZh : nameEn;
    }
}
