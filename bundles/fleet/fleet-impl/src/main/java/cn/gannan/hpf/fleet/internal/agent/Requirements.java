package cn.gannan.hpf.fleet.internal.agent;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.gannan.hpf.fleet.internal.release.FeatureVersions;

/** Karaf's requirement strings for features: {@code feature:<name>/[<version>,<version>]} (an exact version). */
public final class Requirements {

    /** The region every product feature is installed in. */
    public static final String ROOT = "root";

    private static final Pattern FEATURE = Pattern.compile("feature:([^/]+)/\\[([^,\\]]+),([^,\\]]+)\\]");

    private Requirements() {
    }

    /** A feature at one version. */
    public record Feature(String name, String version) {
    }

    public static String of(String name, String version) {
        String v = FeatureVersions.clean(version).toString();
        return "feature:" + name + "/[" + v + "," + v + "]";
    }

    /** The feature of an exact requirement; empty for ranges and other requirements. */
    public static Optional<Feature> parse(String requirement) {
        Matcher m = FEATURE.matcher(requirement);
        return m.matches() && m.group(2).equals(m.group(3)) ? Optional.of(new Feature(m.group(1), m.group(2))) : Optional.empty();
    }
}
