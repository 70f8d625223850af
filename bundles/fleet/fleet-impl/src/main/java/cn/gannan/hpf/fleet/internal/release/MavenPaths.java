package cn.gannan.hpf.fleet.internal.release;

/**
 * Maps a Karaf artifact URL ({@code mvn:group/artifact/version[/type[/classifier]]}, possibly wrapped as
 * {@code wrap:mvn:…$instructions}, {@code blueprint:mvn:…} or {@code war:mvn:…?params}) to its path in a
 * Maven-layout repository.
 */
public final class MavenPaths {

    private static final String[] WRAPPERS = { "wrap:", "blueprint:", "spring:", "war:", "webbundle:" };

    private MavenPaths() {
    }

    /** True when the URL points into a Maven repository (after the known wrappers). */
    public static boolean isMaven(String url) {
        return unwrap(url).startsWith("mvn:");
    }

    /**
     * The repository path of the artifact.
     *
     * @throws IllegalArgumentException when the URL is not a Maven URL with a fixed version
     */
    public static String path(String url) {
        String u = unwrap(url.strip());
        if (!u.startsWith("mvn:")) {
            throw new IllegalArgumentException("not a Maven URL: " + url);
        }
        u = u.substring(4);
        int bang = u.indexOf('!');
        if (bang >= 0) {
            u = u.substring(bang + 1); // an explicit repository: the coordinates follow
        }
        int cut = indexOfAny(u, '$', '?');
        if (cut >= 0) {
            u = u.substring(0, cut);
        }
        String[] c = u.split("/", -1);
        if (c.length < 3 || c.length > 5) {
            throw new IllegalArgumentException("not group/artifact/version[/type[/classifier]]: " + url);
        }
        String group = c[0];
        String artifact = c[1];
        String version = c[2];
        String type = c.length > 3 && !c[3].isEmpty() ? c[3] : "jar";
        String classifier = c.length > 4 && !c[4].isEmpty() ? c[4] : null;
        if (group.isEmpty() || artifact.isEmpty() || version.isEmpty() || version.equals("LATEST")
                || version.startsWith("[") || version.startsWith("(")) {
            throw new IllegalArgumentException("no fixed version: " + url);
        }
        String path = group.replace('.', '/') + "/" + artifact + "/" + version + "/" + artifact + "-" + version
                + (classifier == null ? "" : "-" + classifier) + "." + type;
        if (!ManifestFormat.safePath(path)) {
            throw new IllegalArgumentException("unusable characters: " + url);
        }
        return path;
    }

    private static String unwrap(String url) {
        String u = url;
        boolean again = true;
        while (again) {
            again = false;
            for (String w : WRAPPERS) {
                if (u.startsWith(w)) {
                    u = u.substring(w.length());
                    again = true;
                }
            }
        }
        return u;
    }

    private static int indexOfAny(String s, char a, char b) {
        int i = s.indexOf(a);
        int j = s.indexOf(b);
        return i < 0 ? j : j < 0 ? i : Math.min(i, j);
    }
}
