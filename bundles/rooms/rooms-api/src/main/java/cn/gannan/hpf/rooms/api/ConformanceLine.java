package cn.gannan.hpf.rooms.api;

/**
 * The check of one standard item at one site.
 *
 * @param required what the standard asks (quantity, m², seats; 1 for a manager; 4 functions)
 * @param actual   what the site has that counts (usable items to specification, the room's area …)
 * @param unusable linked items that do not count: broken, missing or not to the specification
 */
public record ConformanceLine(String itemCode, StandardCategory category, String name, String specification,
        Measure measure, boolean mandatory, ConformanceStatus status, double required, double actual, int unusable) {
}
