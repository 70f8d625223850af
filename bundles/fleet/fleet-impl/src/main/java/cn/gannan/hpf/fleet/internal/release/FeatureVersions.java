package cn.gannan.hpf.fleet.internal.release;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.osgi.framework.Version;
import org.osgi.framework.VersionRange;

/** Karaf's reading of feature versions: Maven versions cleaned to OSGi ones; a bare version in a dependency is exact. */
public final class FeatureVersions {

    private static final Pattern MAVEN = Pattern.compile("(\\d+)(?:\\.(\\d+))?(?:\\.(\\d+))?(?:[.\\-_]?(.*))?");

    private FeatureVersions() {
    }

    /** {@code 0.1.0-SNAPSHOT} → {@code 0.1.0.SNAPSHOT}, {@code 1.2} → {@code 1.2.0}. */
    public static Version clean(String v) {
        if (v == null || v.isBlank()) {
            return Version.emptyVersion;
        }
        Matcher m = MAVEN.matcher(v.strip());
        if (!m.matches()) {
            return new Version(0, 0, 0, v.strip().replaceAll("[^A-Za-z0-9_-]", "_"));
        }
        String q = m.group(4) == null ? "" : m.group(4).replaceAll("[^A-Za-z0-9_-]", "_");
        return new Version(Integer.parseInt(m.group(1)), m.group(2) == null ? 0 : Integer.parseInt(m.group(2)),
                m.group(3) == null ? 0 : Integer.parseInt(m.group(3)), q);
    }

    /**
     * Whether a feature of version {@code featureVersion} satisfies a dependency's {@code version} attribute:
     * absent or {@code 0.0.0} means any, a range ({@code [2.18,2.19)}) its range, a bare version that exact
     * version.
     */
    public static boolean satisfies(String dependencyVersion, String featureVersion) {
        if (dependencyVersion == null || dependencyVersion.isBlank() || clean(dependencyVersion).equals(Version.emptyVersion)) {
            return true;
        }
        String d = dependencyVersion.strip();
        Version f = clean(featureVersion);
        if (d.startsWith("[") || d.startsWith("(")) {
            return new VersionRange(d).includes(f);
        }
        return clean(d).equals(f);
    }
}
