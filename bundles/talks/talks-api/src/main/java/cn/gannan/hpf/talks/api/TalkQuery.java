package cn.gannan.hpf.talks.api;

/**
 * Filters of the talk list; null means "any".
 *
 * @param officeCode     the office; null for the caller's scope
 * @param year           talks dated in this year
 * @param decidingUnitId talks decided by this body
 * @param personId       talks this person took part in
 * @param text           part of the place, a participant's name or the decision text
 */
public record TalkQuery(String officeCode, Integer year, String kindCode, String decidingUnitId, TalkStatus status,
        String personId, String text) {

    public static TalkQuery all() {
        return new TalkQuery(null, null, null, null, null, null, null);
    }
}
