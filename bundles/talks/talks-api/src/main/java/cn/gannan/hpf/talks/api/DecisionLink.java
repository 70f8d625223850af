package cn.gannan.hpf.talks.api;

/**
 * The stored link of a talk to the decision behind it (e.g. a party-group meeting), as offered by
 * a {@link cn.gannan.hpf.talks.spi.DecisionSourceProvider}. Kept as id + text, so it reads the same
 * when the providing module is not installed.
 *
 * @param live whether the providing module is enabled right now (the link can be followed)
 */
public record DecisionLink(String sourceId, String refId, String text, boolean live) {
}
